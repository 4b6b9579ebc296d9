/// A compiled Mustache template: parsed once when the templates are loaded into a tree of nodes (text as UTF-8
/// bytes, each tag's name split and its escaping settled), then rendered any number of times into a byte buffer.
///
/// It reads the Mustache that dossier templates need, exactly as swift-mustache 2.1 reads it (standalone lines
/// included): variables `{{x}}` `{{{x}}}` `{{&x}}`, dotted names, `{{.}}`, sections and inverted sections over lists,
/// booleans, objects and strings, comments, and the `{{% CONTENT_TYPE: HTML|MARKDOWN|TEXT }}` pragma. Partials,
/// blocks, parents, delimiter changes and transforms are refused with the place they are used (`TemplateError`).
public struct Template: Sendable {
    let nodes: [TemplateNode]

    /// Parses `text`; sections nest `maxDepth` deep at most.
    public init(_ text: String, maxDepth: Int = 64) throws(TemplateError) {
        var parser = TemplateParser(text, maxDepth: maxDepth)
        nodes = try parser.parseTemplate()
    }

    /// Appends the template rendered over `context` to `out`.
    public func render(_ context: TemplateValue, into out: inout [UInt8]) {
        var renderer = TemplateRenderer(context: context, out: out)
        out = []
        renderer.render(nodes)
        out = renderer.out
    }

    /// Renders over `context` a piece at a time: `write` gets the output whenever it reaches `limit` bytes (after an
    /// item of a list) and once at the end, so a list of any length is never held whole.
    public func render(_ context: TemplateValue, flushingEvery limit: Int, to write: @escaping ([UInt8]) -> Void) {
        var renderer = TemplateRenderer(context: context, out: [])
        renderer.flushAt = limit
        renderer.flush = { out in
            write(out)
            out.removeAll(keepingCapacity: true)
        }
        renderer.render(nodes)
        if !renderer.out.isEmpty { write(renderer.out) }
    }

    /// The template rendered over `context`, as UTF-8 bytes.
    public func renderBytes(_ context: TemplateValue) -> [UInt8] {
        var out: [UInt8] = []
        render(context, into: &out)
        return out
    }

    /// The template rendered over `context`.
    public func render(_ context: TemplateValue) -> String {
        String(decoding: renderBytes(context), as: UTF8.self)
    }
}

/// One piece of a compiled template.
enum TemplateNode: Sendable {
    /// Text copied as it is.
    case text([UInt8])
    /// `{{name}}` and its unescaped forms: the value's text, escaped as the tag's position in the template says.
    case variable(TemplateName, TemplateEscaping)
    /// `{{#name}}…{{/name}}`: once per list element, once for `true`, an object or a string; never for `false`,
    /// an empty list, nothing or null.
    case section(TemplateName, [TemplateNode])
    /// `{{^name}}…{{/name}}`: once when the section would not render, never otherwise.
    case invertedSection(TemplateName, [TemplateNode])
}

/// A tag's name, split once: `.` (or an empty name) is the current value, `.a.b` starts from the current value,
/// `a.b` looks for `a` from the innermost value outwards and then follows `b` from what it found.
enum TemplateName: Sendable, Equatable {
    case current
    case fromCurrent([String])
    case searched([String])

    init(_ name: Substring) {
        let parts = name.split(separator: ".").map(String.init)
        if name == "." || parts.isEmpty {
            self = .current
        } else if name.first == "." {
            self = .fromCurrent(parts)
        } else {
            self = .searched(parts)
        }
    }
}
