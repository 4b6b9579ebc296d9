/// Renders compiled nodes into a byte buffer: a stack of the values sections entered, names looked up through it
/// from the innermost value outwards, each value's text escaped once as it is appended.
struct TemplateRenderer {
    private var stack: [TemplateValue]
    var out: [UInt8]
    /// Where the output goes once it holds `flushAt` bytes or more (checked after each item of a list); none: kept.
    var flush: ((inout [UInt8]) -> Void)?
    var flushAt = Int.max

    init(context: TemplateValue, out: [UInt8]) {
        stack = [context]
        self.out = out
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let name, let escaping):
                guard let value = lookUp(name) else { continue }
                switch value {
                case .string(let text): escaping.append(text, to: &out)
                case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
                case .null: break
                case .list, .object, .rows: escaping.append(value.shownText, to: &out)
                }
            case .section(let name, let nodes):
                switch lookUp(name) {
                case nil, .null?, .bool(false)?: break
                case .bool(true)?: render(nodes)
                case .list(let items)?:
                    for item in items {
                        enter(item, nodes)
                        flushIfFull()
                    }
                case .rows(let rows)?:
                    for i in 0..<rows.count {
                        enter(rows.item(i), nodes)
                        flushIfFull()
                    }
                case let value?: enter(value, nodes)
                }
            case .invertedSection(let name, let nodes):
                switch lookUp(name) {
                case nil, .null?, .bool(false)?: render(nodes)
                case .list(let items)? where items.isEmpty:
                    // Mustache renders it with the empty list as the current value.
                    enter(.list(items), nodes)
                case .rows(let rows)? where rows.count == 0:
                    enter(.list([]), nodes)
                default: break
                }
            }
        }
    }

    private mutating func flushIfFull() {
        if out.count >= flushAt, let flush { flush(&out) }
    }

    private mutating func enter(_ value: TemplateValue, _ nodes: [TemplateNode]) {
        stack.append(value)
        render(nodes)
        stack.removeLast()
    }

    /// The value a name finds, if any: `.null` found stops the search but gives nothing.
    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        let found: TemplateValue?
        switch name {
        case .current:
            found = stack.last
        case .fromCurrent(let parts):
            found = stack.last.flatMap { follow(parts[...], from: $0) }
        case .searched(let parts):
            found = search(parts)
        }
        if case .null? = found { return nil }
        return found
    }

    private func search(_ parts: [String]) -> TemplateValue? {
        guard let first = parts.first else { return stack.last }
        for value in stack.reversed() {
            if let child = value.child(first) { return follow(parts.dropFirst(), from: child) }
        }
        return nil
    }

    private func follow(_ parts: ArraySlice<String>, from value: TemplateValue) -> TemplateValue? {
        var value = value
        for part in parts {
            guard let child = value.child(part) else { return nil }
            value = child
        }
        return value
    }
}
