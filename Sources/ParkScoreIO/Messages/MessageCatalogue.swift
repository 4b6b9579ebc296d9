import Foundation
import ParkScore
import ParkYAML

/// Reads the message catalogue: `Templates/messages/zh/*.yaml` and `Templates/messages/en/*.yaml`. Each file is a
/// mapping of texts; nested mappings make dotted keys (`labels:` → `park:` is `labels.park`). The files of a language
/// are one key space: a key given twice is refused. Which file holds a key is only for the people who edit them.
///
/// The catalogue is the one place parkscore's wording lives; it is read at run time, so a wording can be changed
/// without building again. Its own problems cannot be worded by it: they are said in both languages.
public enum MessageCatalogue {
    /// The catalogue's folder inside the Templates folder.
    public static let folder = "messages"
    /// A catalogue file larger than this is refused, not read.
    public static let maxFileBytes = 1 << 20
    /// At most this many files per language.
    public static let maxFiles = 200

    /// The Templates folder that holds the catalogue: the one given, `$PARKSCORE_TEMPLATES`, `./Templates`, beside an
    /// ancestor of the executable, or the one this package was built from.
    public static func locateTemplates(explicit: String? = nil) -> String? {
        ResourceFolder.locate("Templates", marker: folder + "/zh", environment: "PARKSCORE_TEMPLATES", explicit: explicit)
    }

    /// The catalogue in one language, from a Templates folder.
    public static func load(templates directory: String, language: LocalizedText.Language) -> Loaded<Messages> {
        let languageFolder = directory + "/" + folder + "/" + language.rawValue
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: languageFolder)
                .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
        } catch {
            return Loaded(value: nil, diagnostics: [.error("消息目录不存在 / no message catalogue: '\(languageFolder)'", at: nil)])
        }
        guard !names.isEmpty else {
            return Loaded(value: nil, diagnostics: [.error("消息目录为空 / the message catalogue is empty: '\(languageFolder)'", at: nil)])
        }
        guard names.count <= maxFiles else {
            return Loaded(value: nil, diagnostics: [.error("消息目录文件过多 / too many catalogue files (more than \(maxFiles)): '\(languageFolder)'", at: nil)])
        }
        var entries: [String: MessageTemplate] = [:]
        var origins: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        var sources: [SourceFile] = []
        var files: [(String, String)] = []
        for name in names {
            let path = languageFolder + "/" + name
            let file: SourceFile
            switch SourceFile.read(path, limit: maxFileBytes) {
            case .failure(let problem):
                diagnostics.append(.error("消息目录文件无法读取 / a catalogue file cannot be read: \(problem.message)", at: nil))
                continue
            case .success(let read): file = read
            }
            sources.append(file)
            files.append(("templates/\(folder)/\(language.rawValue)/\(name)", file.sha256))
            let root: Node?
            do {
                root = try YAMLReader.document(file.bytes)
            } catch {
                let at = error.mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) }
                diagnostics.append(.error("消息目录文件格式有误 / a catalogue file is not valid YAML: \(error.message)", at: at))
                continue
            }
            guard let root else { continue }
            collect(root, prefix: "", path: path, into: &entries, origins: &origins, diagnostics: &diagnostics)
        }
        let messages = Messages(language: language, entries: entries, files: files)
        return Loaded(value: diagnostics.hasErrors ? nil : messages, diagnostics: diagnostics, sources: sources)
    }

    private static func collect(_ node: Node, prefix: String, path: String, into entries: inout [String: MessageTemplate],
                                origins: inout [String: SourceLocation], diagnostics: inout [Diagnostic]) {
        let at = SourceLocation(file: path, line: node.mark.line, column: node.mark.column)
        guard let pairs = node.mapping else {
            diagnostics.append(.error("消息目录须为文字的映射 / catalogue entries must be a mapping of texts", at: at))
            return
        }
        for pair in pairs {
            let keyAt = SourceLocation(file: path, line: pair.key.mark.line, column: pair.key.mark.column)
            guard let name = pair.key.scalar?.text, !name.isEmpty else {
                diagnostics.append(.error("消息目录的键须为文字 / a catalogue key must be a text", at: keyAt))
                continue
            }
            let key = prefix.isEmpty ? name : prefix + "." + name
            if pair.value.mapping != nil {
                collect(pair.value, prefix: key, path: path, into: &entries, origins: &origins, diagnostics: &diagnostics)
                continue
            }
            guard let text = pair.value.scalar?.text else {
                diagnostics.append(.error("消息 '\(key)' 须为文字 / the entry '\(key)' must be a text", at: keyAt))
                continue
            }
            if let first = origins[key] {
                diagnostics.append(.error("消息 '\(key)' 重复（首次见于 \(first)）/ the entry '\(key)' is given twice (first at \(first))", at: keyAt))
                continue
            }
            do {
                entries[key] = try MessageTemplate(parsing: text)
                origins[key] = keyAt
            } catch {
                let valueAt = SourceLocation(file: path, line: pair.value.mark.line, column: pair.value.mark.column)
                diagnostics.append(.error("消息 '\(key)' 有误 / the entry '\(key)' is broken: \(error.reason)", at: valueAt))
            }
        }
    }
}

extension LocalizedText.Language {
    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set decides;
    /// one starting with `en` means English, anything else Chinese (the default).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> LocalizedText.Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .zh
            }
        }
        return .zh
    }
}
