import Foundation
import ParkScore
import ParkScoreIO
import XCTest

/// The message catalogue (Templates/messages/) is the one place parkscore's wording lives. These tests keep it whole:
/// both languages have the same keys with the same placeholders, every key the sources use is in both, English has
/// no full-width punctuation and Chinese no English word but an identifier.
final class MessageCatalogueTests: XCTestCase {
    static let templates = Repository.path("Templates")

    static func load(_ language: LocalizedText.Language) throws -> Messages {
        let loaded = MessageCatalogue.load(templates: templates, language: language)
        XCTAssertEqual(loaded.diagnostics.map(\.description), [], "\(language)")
        return try XCTUnwrap(loaded.validValue)
    }

    func testBothLanguagesHaveTheSameKeysAndPlaceholders() throws {
        let zh = try Self.load(.zh), en = try Self.load(.en)
        XCTAssertGreaterThan(zh.keys.count, 100)
        XCTAssertEqual(Set(zh.keys).subtracting(en.keys).sorted(), [], "in Chinese only")
        XCTAssertEqual(Set(en.keys).subtracting(zh.keys).sorted(), [], "in English only")
        for key in zh.keys.sorted() {
            guard let a = zh.template(key), let b = en.template(key) else { continue }
            XCTAssertEqual(a.placeholders, b.placeholders, key)
        }
    }

    /// English has no full-width punctuation (full-width digits may be quoted, as a form a park may type: `１２`); Chinese no English word but an identifier: a placeholder, an option
    /// (`--fill`), a file or key name (with `.`, `/` or `_`), a command, or an acronym.
    func testEachLanguageReadsAsItself() throws {
        let zh = try Self.load(.zh), en = try Self.load(.en)
        for key in en.keys.sorted() {
            let text = en(key)
            if let range = text.range(of: "[，：（）；、「」。！？]", options: .regularExpression) {
                XCTFail("en \(key): full-width '\(text[range])' in \(text)")
            }
        }
        for key in zh.keys.sorted() {
            for word in Self.englishWords(in: Self.withoutPlaceholders(zh.template(key)!)) {
                XCTFail("zh \(key): English word '\(word)' in \(zh(key))")
            }
        }
    }

    /// The identifiers a Chinese message may name as they are.
    static let identifiers: Set<String> = [
        "parkscore", "sha256", "YAML", "yaml", "UTF", "GBK", "GB18030", "PDF", "HTML", "CSV", "JSON", "Markdown", "Chromium",
        "libyaml", "PowerShell", "Excel", "Word", "LibreOffice", "ID", "id", "applies_to", "true", "false", "N/A", "XR", "MCN", "IP", "CLI",
        "Templates", "Criteria", "PARKSCORE_TEMPLATES", "PARKSCORE_CRITERIA", "LANG", "LC_ALL", "mustache", "null",
        "serve", "Ctrl", "PARKSCORE_ADMIN_PASSWORD",
    ]

    static func withoutPlaceholders(_ template: MessageTemplate) -> String {
        template.render([:]).replacingOccurrences(of: #"\{[A-Za-z0-9_]+\}"#, with: " ", options: .regularExpression)
    }

    /// Runs of two or more ASCII letters that are not identifiers.
    static func englishWords(in text: String) -> [String] {
        let tokens = text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || "-_./:@'".contains($0))) })
        return tokens.compactMap { token -> String? in
            let word = String(token).trimmingCharacters(in: CharacterSet(charactersIn: ".:'"))
            guard word.filter(\.isLetter).count >= 2 else { return nil }
            if identifiers.contains(word) || word.hasPrefix("--") || word.contains("_") || word.contains("/") || word.contains(".")
                || word.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "-" }) {
                return nil
            }
            return word
        }
    }

    /// Every key the sources name is in the catalogue: a `messages("…")` or `m("…")` call, a `Message("…")` code, and
    /// the codes of `DiagnosticCode` (under `diagnostics.`).
    func testEveryKeyTheSourcesUseIsInTheCatalogue() throws {
        let zh = try Self.load(.zh)
        var used: [String: String] = [:]
        let sources = Repository.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let call = try NSRegularExpression(pattern: #"\b(?:messages|m|words|self)\??\(\s*"([a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)+)""#)
        // The web workbench's pages: `word("login.title", …)` in Swift names `web.login.title`.
        let webWord = try NSRegularExpression(pattern: #"\bword\(\s*"([a-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)""#)
        let code = try NSRegularExpression(pattern: #"\bMessage\(\s*"([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)""#)
        let constant = try NSRegularExpression(pattern: #"public static let [A-Za-z0-9]+ = "([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)""#)
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            let name = file.lastPathComponent
            for match in call.matches(in: text, range: range) {
                used[String(text[Range(match.range(at: 1), in: text)!])] = name
            }
            for match in webWord.matches(in: text, range: range) {
                used["web." + String(text[Range(match.range(at: 1), in: text)!])] = name
            }
            for match in code.matches(in: text, range: range) {
                used["diagnostics." + String(text[Range(match.range(at: 1), in: text)!])] = name
            }
            if name == "DiagnosticCode.swift" {
                for match in constant.matches(in: text, range: range) {
                    used["diagnostics." + String(text[Range(match.range(at: 1), in: text)!])] = name
                }
            }
        }
        XCTAssertGreaterThan(used.count, 10)
        for (key, file) in used.sorted(by: { $0.key < $1.key }) where !zh.has(key) {
            XCTFail("\(file) uses '\(key)', which the catalogue does not have")
        }
        // And every entry is used: by the sources, or (`labels.`) by a template's `{{label.…}}`. Diagnostics are left
        // out: some codes are made from parts (a size limit's place and kind) and have their own coverage tests.
        let label = try NSRegularExpression(pattern: #"\{\{[#^/]?label\.([A-Za-z0-9_]+)"#)
        for name in ["dossier.html.mustache", "dossier.md.mustache", "comparison.html.mustache"] {
            let text = try String(contentsOfFile: Self.templates + "/" + name, encoding: .utf8)
            for match in label.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used["labels." + String(text[Range(match.range(at: 1), in: text)!])] = name
            }
        }
        // The web pages' templates: `{{t.login.title}}` names `web.login.title`.
        let webLabel = try NSRegularExpression(pattern: #"\{\{[#^/]?t\.([A-Za-z0-9_.-]+)\}\}"#)
        let web = URL(fileURLWithPath: Self.templates + "/web")
        for file in (try? FileManager.default.contentsOfDirectory(at: web, includingPropertiesForKeys: nil)) ?? []
        where file.lastPathComponent.hasSuffix(".mustache") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in webLabel.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used["web." + String(text[Range(match.range(at: 1), in: text)!])] = file.lastPathComponent
            }
        }
        // Keys the workbench makes from a value (a status, a role, an audit action, an error page's status).
        let madeFromValues = ["web.error.", "web.role.", "web.audit.action.", "web.status.", "web.account.problem."]
        for key in zh.keys.sorted() where !key.hasPrefix("diagnostics.") && used[key] == nil
            && !madeFromValues.contains(where: { key.hasPrefix($0) }) {
            XCTFail("the catalogue has '\(key)', which nothing uses")
        }
    }

    /// No source words a diagnostic itself: every one is a `Message` (a code and its values) for the catalogue to word.
    /// Only the catalogue's own problems, which it cannot word, are written out (in both languages), in its loader and
    /// where the CLI and the dossier look for it. Nor does any renderer keep a `t("中文", "English")` pair.
    func testNoSourceWordsADiagnosticItself() throws {
        let sources = Repository.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let worded = try NSRegularExpression(pattern: #"((?<!Console)\.(error|warning|note)\(\s*"|Diagnostic\(\s*\.(error|warning|note)\s*,\s*"|\bt\(\s*"[^"]*",\s*")"#)
        let allowed: Set<String> = ["MessageCatalogue.swift", "DossierTemplates.swift"]
        var checked = 0
        for file in files where file.pathExtension == "swift" && !allowed.contains(file.lastPathComponent) {
            let text = try String(contentsOf: file, encoding: .utf8)
            checked += 1
            for match in worded.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let line = text[..<Range(match.range, in: text)!.lowerBound].filter { $0 == "\n" }.count + 1
                XCTFail("\(file.lastPathComponent):\(line) words a message itself; make it a Message(\"code\", …) in the catalogue")
            }
        }
        XCTAssertGreaterThan(checked, 50)
    }

    func testTemplatesFillPlaceholdersAndChooseByCount() throws {
        let template = try MessageTemplate(parsing: "{n} {n|entry|entries} in '{file}' {{literal}}")
        XCTAssertEqual(template.placeholders, ["n", "file"])
        XCTAssertEqual(template.render(["n": "1", "file": "a.yaml"]), "1 entry in 'a.yaml' {literal}")
        XCTAssertEqual(template.render(["n": "2", "file": "a.yaml"]), "2 entries in 'a.yaml' {literal}")
        XCTAssertThrowsError(try MessageTemplate(parsing: "{unclosed"))
        XCTAssertThrowsError(try MessageTemplate(parsing: "a } b"))
        XCTAssertThrowsError(try MessageTemplate(parsing: "{a|b}"))
        XCTAssertThrowsError(try MessageTemplate(parsing: "{名}"))
    }

    /// A message worded inside another (`Message.parts`, `{m1}`): in the same language, to any depth.
    func testAMessageWordsItsPartsInItsOwnLanguage() throws {
        func catalogue(_ language: LocalizedText.Language, _ entries: [String: String]) throws -> Messages {
            Messages(language: language, entries: try entries.mapValues { try MessageTemplate(parsing: $0) })
        }
        let zh = try catalogue(.zh, ["diagnostics.outer": "{1}须为整数，填写的是{m1}", "diagnostics.node.text": "文字「{1}」"])
        let en = try catalogue(.en, ["diagnostics.outer": "'{1}' must be a whole number, not {m1}", "diagnostics.node.text": "text '{1}'"])
        let message = Message("outer", ["tenants.total"], parts: [Message("node.text", "20家")])
        XCTAssertEqual(zh.message(message), "tenants.total须为整数，填写的是文字「20家」")
        XCTAssertEqual(en.message(message), "'tenants.total' must be a whole number, not text '20家'")
        let diagnostic = Diagnostic.error(message, at: nil)
        XCTAssertEqual(diagnostic.coded, message)
        XCTAssertEqual(en.text(of: diagnostic), "'tenants.total' must be a whole number, not text '20家'")
        XCTAssertEqual(message.description, "outer('tenants.total', node.text('20家'))")
    }

    func testTheLanguageFollowsTheEnvironment() {
        XCTAssertEqual(LocalizedText.Language.fromEnvironment([:]), .zh)
        XCTAssertEqual(LocalizedText.Language.fromEnvironment(["LANG": "en_US.UTF-8"]), .en)
        XCTAssertEqual(LocalizedText.Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]), .zh)
        XCTAssertEqual(LocalizedText.Language.fromEnvironment(["LANG": "C.UTF-8"]), .zh)
        XCTAssertEqual(LocalizedText.Language.fromEnvironment(["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]), .zh)
        XCTAssertEqual(LocalizedText.Language.fromEnvironment(["LC_ALL": "en_GB", "LANG": "zh_CN.UTF-8"]), .en)
        XCTAssertEqual(LocalizedText.Language.fromEnvironment(["LC_ALL": "", "LC_MESSAGES": "en", "LANG": "zh_CN"]), .en)
    }

    /// A broken catalogue is refused with the place: a key given twice, an entry that is not a text, a lone brace.
    func testABrokenCatalogueIsRefusedWithThePlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString)")
        let zh = folder.appendingPathComponent("messages/zh")
        try FileManager.default.createDirectory(at: zh, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "a:\n  b: 一\n".write(to: zh.appendingPathComponent("one.yaml"), atomically: true, encoding: .utf8)
        try "a.b: 二\nc: [1]\nd: \"{x\"\n".write(to: zh.appendingPathComponent("two.yaml"), atomically: true, encoding: .utf8)
        let loaded = MessageCatalogue.load(templates: folder.path, language: .zh)
        XCTAssertNil(loaded.validValue)
        let lines = loaded.diagnostics.map(\.description)
        XCTAssertEqual(lines.count, 3, "\(lines)")
        XCTAssertTrue(lines[0].contains("two.yaml:1:1") && lines[0].contains("'a.b'") && lines[0].contains("one.yaml:2:3"), lines[0])
        XCTAssertTrue(lines[1].contains("two.yaml:2:1") && lines[1].contains("'c'"), lines[1])
        XCTAssertTrue(lines[2].contains("two.yaml:3:4") && lines[2].contains("never closed"), lines[2])
        XCTAssertNil(MessageCatalogue.load(templates: folder.path, language: .en).validValue, "no English folder")
    }
}
