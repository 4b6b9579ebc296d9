import Foundation
import ParkScore
import ParkScoreIO
import ParkYAML

/// The dossier's templates and wording, read from a folder (`Templates/` by default, `--templates DIR`
/// otherwise): `dossier.html.mustache`, `dossier.md.mustache`, `comparison.html.mustache`, and the message catalogue
/// `messages/zh/`, `messages/en/` (its `labels.` section is the templates' `label` object).
/// A missing or broken file is one clear error naming it. The templates are compiled once, here (`Template`).
public struct DossierTemplates: Sendable {
    public static let files = ["dossier.html.mustache", "dossier.md.mustache", "comparison.html.mustache"]

    let html: Template
    let markdown: Template
    let comparison: Template
    let messages: [LocalizedText.Language: Messages]
    let labels: [LocalizedText.Language: [String: String]]
    /// Each language's labels as the templates' `label` object, built once.
    let labelValues: [LocalizedText.Language: TemplateValue]
    /// sha256 of each template file, for the audit appendix.
    let templateFingerprints: [(name: String, sha256: String)]

    /// Templates are small; a larger file is refused, not read.
    public static let maxTemplateBytes = 1 << 20
    /// Sections nest this deep at most (the parser recurses once per level).
    public static let maxSectionDepth = 64

    /// Where sections first nest deeper than `limit` (`{{#…}}` and `{{^…}}` open, `{{/…}}` closes), if they do.
    static func sectionNesting(_ text: String, limit: Int) -> (depth: Int, line: Int, column: Int)? {
        var depth = 0, line = 1, column = 1
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") {
                var j = i + 2
                while j < bytes.count, bytes[j] == UInt8(ascii: "{") || bytes[j] == UInt8(ascii: " ") { j += 1 }
                if j < bytes.count {
                    // Sections (#, ^), blocks ($) and parents (<) all nest; '=' would change the delimiters and hide
                    // what follows from this count, so it is refused (depth reported past the limit).
                    if bytes[j] == UInt8(ascii: "=") { return (limit + 1, line, column) }
                    if bytes[j] == UInt8(ascii: "#") || bytes[j] == UInt8(ascii: "^") || bytes[j] == UInt8(ascii: "$")
                        || bytes[j] == UInt8(ascii: "<") {
                        depth += 1
                        if depth > limit { return (depth, line, column) }
                    } else if bytes[j] == UInt8(ascii: "/") {
                        depth = max(0, depth - 1)
                    }
                }
            }
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return nil
    }

    /// One template's text compiled, its sections' depth bounded first (the parser recurses once per level). What
    /// dossier templates do not support (partials, blocks, parents, delimiter changes, transforms) is refused here,
    /// with the place it is used.
    public static func parse(_ text: String, name: String, directory: String) -> Result<Template, Diagnostic> {
        if let (depth, line, column) = sectionNesting(text, limit: maxSectionDepth) {
            return .failure(.error(Message("template.nesting", name, String(depth), String(maxSectionDepth)),
                                   at: SourceLocation(file: directory + "/" + name, line: line, column: column)))
        }
        do {
            return .success(try Template(text, maxDepth: maxSectionDepth))
        } catch {
            let at = SourceLocation(file: directory + "/" + name, line: error.line, column: error.column)
            // The template engine's own words for what is wrong (English; templates are edited by developers).
            return .failure(.error(Message("template.broken", name, error.message), at: at))
        }
    }

    public static func load(_ directory: String) -> Result<DossierTemplates, Diagnostic> {
        var texts: [String: String] = [:]
        var fingerprints: [(String, String)] = []
        for name in files {
            let path = directory + "/" + name
            switch SourceFile.read(path, limit: maxTemplateBytes) {
            case .failure(let problem):
                if problem.code == "file.missing" { return .failure(.error(Message("template.missing", path), at: nil)) }
                // The file's own problem (a folder, too large, unreadable) names the template's path.
                return .failure(problem)
            case .success(let file):
                texts[name] = String(decoding: file.bytes, as: UTF8.self)
                fingerprints.append(("templates/" + name, file.sha256))
            }
        }
        func template(_ name: String) -> Result<Template, Diagnostic> {
            parse(texts[name] ?? "", name: name, directory: directory)
        }
        // The wording: the message catalogue (Templates/messages/), its `labels.` section for the templates.
        var messages: [LocalizedText.Language: Messages] = [:]
        for language in LocalizedText.Language.allCases {
            let loaded = MessageCatalogue.load(templates: directory, language: language)
            guard let catalogue = loaded.validValue else {
                return .failure(loaded.diagnostics.first { $0.severity == .error }
                                ?? .error("消息目录无法读取 / the message catalogue cannot be read", at: nil))
            }
            messages[language] = catalogue
        }
        let labels = messages.mapValues { $0.section("labels") }
        let html: Template, markdown: Template, comparison: Template
        switch template("dossier.html.mustache") {
        case .failure(let d): return .failure(d)
        case .success(let t): html = t
        }
        switch template("dossier.md.mustache") {
        case .failure(let d): return .failure(d)
        case .success(let t): markdown = t
        }
        switch template("comparison.html.mustache") {
        case .failure(let d): return .failure(d)
        case .success(let t): comparison = t
        }
        return .success(DossierTemplates(html: html, markdown: markdown, comparison: comparison, messages: messages, labels: labels,
                                         labelValues: labels.mapValues { .object(TemplateObject($0.mapValues(TemplateValue.string))) },
                                         templateFingerprints: fingerprints))
    }

    public func labels(_ language: LocalizedText.Language) -> [String: String] { labels[language] ?? [:] }

    /// The message catalogue in a language (both are loaded with the templates).
    public func messages(_ language: LocalizedText.Language) -> Messages {
        messages[language] ?? Messages(language: language, entries: [:])
    }

    /// sha256 of each template file and of the language's catalogue files, for the audit appendix.
    public func fingerprints(_ language: LocalizedText.Language) -> [(name: String, sha256: String)] {
        templateFingerprints + [messages(language).fingerprint]
    }

    /// The labels as the templates' `label` object.
    func labelValue(_ language: LocalizedText.Language) -> TemplateValue {
        labelValues[language] ?? .object(TemplateObject())
    }
}

/// Finds the Templates folder like the Criteria folder: the one given, `$PARKSCORE_TEMPLATES`, `./Templates`,
/// beside an ancestor of the executable, or the one this package was built from.
public enum TemplatesFolder {
    public static func locate(explicit: String? = nil) -> String? {
        ResourceFolder.locate("Templates", marker: "dossier.html.mustache", environment: "PARKSCORE_TEMPLATES", explicit: explicit)
    }
}
