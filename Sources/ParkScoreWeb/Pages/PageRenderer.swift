import Foundation
import Hummingbird
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// The workbench's pages: Mustache templates in `Templates/web/` (compiled once at start by the dossier's template
/// engine, which escapes every `{{value}}`), laid out in `layout.html.mustache`, worded from the message catalogue's
/// `web.` section in the visitor's language. Static files (`Templates/web/static/`: the style sheet, the small script)
/// are read once and served from memory under fixed names.
public struct PageRenderer: Sendable {
    let templates: [String: Template]
    let messages: [LocalizedText.Language: Messages]
    /// The catalogue's `web.` entries as a nested object per language: `{{t.login.title}}`.
    let words: [LocalizedText.Language: TemplateValue]
    let statics: [String: (type: String, bytes: [UInt8])]

    public static let folder = "web"
    public static let staticFiles: [String: String] = ["workbench.css": "text/css; charset=utf-8",
                                                       "workbench.js": "text/javascript; charset=utf-8"]

    public enum LoadError: Error, CustomStringConvertible {
        case problem(String)
        public var description: String {
            switch self { case .problem(let text): return text }
        }
    }

    /// Loads every `*.mustache` in `<templates>/web/`, the static files, and both languages' catalogues.
    public init(templates directory: String) throws {
        let folder = directory + "/" + Self.folder
        var templates: [String: Template] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() where name.hasSuffix(".html.mustache") {
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path), data.count <= DossierTemplates.maxTemplateBytes,
                  let text = String(data: data, encoding: .utf8) else { throw LoadError.problem("\(path): unreadable") }
            switch DossierTemplates.parse(text, name: name, directory: folder) {
            case .success(let template): templates[String(name.dropLast(".html.mustache".count))] = template
            case .failure(let diagnostic): throw LoadError.problem("\(diagnostic.location.map { "\($0)" } ?? path): \(diagnostic.message)")
            }
        }
        guard templates["layout"] != nil else { throw LoadError.problem("\(folder)/layout.html.mustache: missing") }
        var statics: [String: (String, [UInt8])] = [:]
        for (name, type) in Self.staticFiles {
            if let data = FileManager.default.contents(atPath: folder + "/static/" + name) { statics[name] = (type, [UInt8](data)) }
        }
        var messages: [LocalizedText.Language: Messages] = [:]
        var words: [LocalizedText.Language: TemplateValue] = [:]
        for language in [LocalizedText.Language.zh, .en] {
            let loaded = MessageCatalogue.load(templates: directory, language: language)
            guard let catalogue = loaded.value else {
                throw LoadError.problem(loaded.diagnostics.map { "\($0.location.map { "\($0)" } ?? ""): \($0.message)" }.joined(separator: "\n"))
            }
            messages[language] = catalogue
            words[language] = Self.nested(catalogue.section("web"))
        }
        self.templates = templates
        self.messages = messages
        self.words = words
        self.statics = statics
    }

    /// `a.b.c = x` entries as nested objects.
    static func nested(_ flat: [String: String]) -> TemplateValue {
        final class Node {
            var text: String?
            var children: [String: Node] = [:]
        }
        let root = Node()
        for (key, value) in flat {
            var node = root
            for part in key.split(separator: ".") {
                let name = String(part)
                if let child = node.children[name] { node = child } else {
                    let child = Node()
                    node.children[name] = child
                    node = child
                }
            }
            node.text = value
        }
        func value(_ node: Node) -> TemplateValue {
            if node.children.isEmpty { return .string(node.text ?? "") }
            var entries: [String: TemplateValue] = [:]
            for (name, child) in node.children { entries[name] = value(child) }
            // A key that is both a text and a prefix (`status` and `status.draft`): the text is `_`.
            if let text = node.text { entries["_"] = .string(text) }
            return .object(TemplateObject(entries))
        }
        return value(root)
    }

    public func messages(_ language: LocalizedText.Language) -> Messages {
        messages[language] ?? messages[.zh] ?? Messages(language: .zh, entries: [:])
    }

    /// The text of `web.<key>` in `language`.
    public func word(_ key: String, _ language: LocalizedText.Language, _ values: [String: String] = [:]) -> String {
        messages(language)("web." + key, values)
    }

    public func hasPage(_ name: String) -> Bool { templates[name] != nil }

    /// A page: `name`'s template rendered with `values` (plus `t`, the words; `csrf`; `account`; `lang`), inside the
    /// layout with `title`.
    public func page(_ name: String, title: String, values: [String: TemplateValue], context: WorkbenchContext,
                     status: HTTPResponse.Status = .ok) -> Response {
        let html = render(name, title: title, values: values, language: context.language, account: context.account,
                          csrf: context.csrfToken)
        return Self.html(html, status: status)
    }

    public func render(_ name: String, title: String, values: [String: TemplateValue], language: LocalizedText.Language,
                       account: Account?, csrf: String) -> String {
        var common: [String: TemplateValue] = [
            "t": words[language] ?? .null,
            "csrf": .string(csrf),
            "lang": .string(language.rawValue),
            "isZh": .bool(language == .zh),
            "title": .string(title),
        ]
        if let account {
            common["account"] = .object(TemplateObject([
                "id": .string(String(account.id ?? 0)),
                "name": .string(account.name),
                "displayName": .string(account.displayName),
                "organisation": .string(account.organisation),
                "role": .string(account.role.rawValue),
                "roleLabel": .string(word("role." + account.role.rawValue, language)),
                "isPark": .bool(account.role == .park),
                "isReviewer": .bool(account.role == .reviewer || account.role == .chair),
                "isChair": .bool(account.role == .chair),
                "isAdmin": .bool(account.role == .admin),
            ]))
        }
        var pageValues = common
        for (key, value) in values { pageValues[key] = value }
        let body = templates[name].map { $0.render(.object(TemplateObject(pageValues))) } ?? ""
        var layoutValues = common
        layoutValues["body"] = .string(body)
        for key in ["flash", "flashError"] { if let v = values[key] { layoutValues[key] = v } }
        return templates["layout"].map { $0.render(.object(TemplateObject(layoutValues))) } ?? body
    }

    public static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A static file by its fixed name; nil for any other name.
    public func staticFile(_ name: String) -> Response? {
        guard let file = statics[name] else { return nil }
        return Response(status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=3600"],
                        body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    /// The reason of a 409 for a submitted or finalised application that someone tries to change.
    public static let readOnly = "read-only"
    /// Reasons an error may carry (`HTTPError(status, message: reason)`), each with its own title and message.
    static let reasons: Set<String> = [readOnly]

    /// The error page for `status`, in `language`; `reason` (one of `reasons`) words it more exactly.
    public func errorPage(_ status: HTTPResponse.Status, context: WorkbenchContext, detail: String? = nil, reason: String? = nil) -> Response {
        var key: String
        switch status.code {
        case 400: key = "bad-request"
        case 401: key = "unauthorized"
        case 403: key = "forbidden"
        case 404: key = "not-found"
        case 409: key = "conflict"
        case 413: key = "too-large"
        case 429: key = "too-many"
        default: key = "server"
        }
        if let reason, Self.reasons.contains(reason) { key = reason }
        let title = word("error." + key + ".title", context.language)
        var values: [String: TemplateValue] = ["message": .string(word("error." + key + ".message", context.language)),
                                               "code": .string(String(status.code))]
        if let detail { values["detail"] = .string(detail) }
        return page("error", title: title, values: values, context: context, status: status)
    }
}
