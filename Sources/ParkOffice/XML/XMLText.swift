/// Text made safe for XML: the five markup characters escaped, and the characters XML 1.0 cannot hold at all (C0
/// controls but tab, newline and carriage return; U+FFFE, U+FFFF; lone surrogates cannot occur in a Swift String)
/// replaced by U+FFFD, so that no input can break a part or make an office program refuse the file.
public enum XMLText {
    /// Escapes text for an element's content or an attribute value in double quotes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// The XML declaration every part starts with.
    public static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}

/// A small builder for XML text: elements with attributes in the order given (so output is deterministic), content
/// escaped unless added as markup.
public struct XMLBuilder {
    public private(set) var text: String

    public init(declaration: Bool = true) {
        text = declaration ? XMLText.declaration : ""
    }

    /// `<name a="1" b="2">`, or `<name … />` when `empty`.
    public mutating func open(_ name: String, _ attributes: [(String, String)] = [], empty: Bool = false) {
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(XMLText.escape(value))\"" }
        text += empty ? "/>" : ">"
    }

    public mutating func close(_ name: String) {
        text += "</\(name)>"
    }

    /// `<name …/>`.
    public mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        open(name, attributes, empty: true)
    }

    /// `<name …>escaped text</name>`.
    public mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        open(name, attributes)
        text += XMLText.escape(content)
        close(name)
    }

    /// `<name …>` … `</name>` around what `body` adds.
    public mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout XMLBuilder) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    /// Escaped text.
    public mutating func add(text content: String) {
        text += XMLText.escape(content)
    }

    /// Markup already made (by another builder); never user text.
    public mutating func add(markup: String) {
        text += markup
    }
}
