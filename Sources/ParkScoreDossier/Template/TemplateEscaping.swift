/// How a variable tag's text is escaped: chosen per tag when the template is compiled (HTML unless a
/// `{{% CONTENT_TYPE: … }}` pragma earlier on says otherwise), applied once on the value's UTF-8 bytes.
enum TemplateEscaping: Sendable {
    /// `& < > " '` as entities (`&amp; &lt; &gt; &quot; &#39;`), as Mustache's HTML content type does.
    case html
    /// Markdown's special characters get a backslash, line breaks become spaces (`MarkdownEscaping`).
    case markdown
    /// As it is: `{{{x}}}`, `{{&x}}`, or the `TEXT` content type.
    case none

    /// The content type a `{{% CONTENT_TYPE: NAME }}` pragma names, if it is one these templates know.
    init?(contentType name: Substring) {
        switch name {
        case "HTML": self = .html
        case "MARKDOWN": self = .markdown
        case "TEXT": self = .none
        default: return nil
        }
    }

    /// Appends `text` escaped. The bytes are read once; a special character next to a non-ASCII scalar may be part
    /// of a larger user-perceived character (a combining mark after it, a prepended mark before it), which Mustache
    /// leaves alone, so such a text is escaped character by character instead, exactly as Mustache does.
    func append(_ text: String, to out: inout [UInt8]) {
        switch self {
        case .none: out.append(contentsOf: text.utf8)
        case .html, .markdown:
            let start = out.count
            let done = text.utf8.withContiguousStorageIfAvailable { bytes in
                self == .html ? Self.appendHTML(bytes, to: &out) : Self.appendMarkdown(bytes, to: &out)
            }
            if done != true {
                out.removeSubrange(start...)
                out.append(contentsOf: (self == .html ? HTMLEscaping.escape(text) : MarkdownEscaping.escape(text)).utf8)
            }
        }
    }

    /// Whether the byte at `i` stands alone as a character: no non-ASCII scalar touches it on either side.
    @inline(__always)
    private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        (i == 0 || bytes[i - 1] < 0x80) && (i + 1 == bytes.count || bytes[i + 1] < 0x80)
    }

    /// False when a character must be escaped the slow way (nothing useful appended then).
    private static func appendHTML(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        var run = 0
        for i in 0..<bytes.count {
            let entity: StaticString
            switch bytes[i] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            guard standsAlone(bytes, i) else { return false }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            run = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        return true
    }

    private static func appendMarkdown(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        var run = 0, i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "#"), UInt8(ascii: "~"):
                guard standsAlone(bytes, i) else { return false }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(UInt8(ascii: "\\"))
                run = i
                i += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                // A line break is a character of its own (CR LF one character): one space.
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(UInt8(ascii: " "))
                i += bytes[i] == UInt8(ascii: "\r") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") ? 2 : 1
                run = i
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(UInt8(ascii: " "))
                i += 3
                run = i
            default:
                i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        return true
    }
}

/// HTML escaping character by character, as swift-mustache's `String.htmlEscape` does it: the exact reference for
/// the rare text where a special character may be part of a larger character.
enum HTMLEscaping {
    /// The same text as `escape`, read as bytes once (character by character only where it must be).
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        TemplateEscaping.html.append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
