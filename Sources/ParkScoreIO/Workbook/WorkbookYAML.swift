import ParkScore
import ParkYAML

/// YAML text built line by line, each line remembering the cell it was made from: what the decoders read, and where
/// every problem they find is shown. Its quoting (`scalar`, `quoted`, `key`) is public: the web workbench's form writes
/// its values into YAML exactly as a workbook's cells are written.
public struct WorkbookYAML {
    private(set) var text = ""
    /// The cell of each line, by 1-based line number.
    private(set) var cells: [Int: CellPlace] = [:]
    private(set) var lineCount = 0
    /// Bytes of `text`, and whether a line was refused for passing `maxBytes` (the text then stops growing).
    private(set) var byteCount = 0
    private(set) var full = false

    /// The most a YAML self-report may hold (the YAML reader's own limit): a workbook may not say more.
    public static let maxBytes = ParseLimits.default.maxInputBytes

    mutating func line(_ indent: Int, _ content: String, _ place: CellPlace) {
        guard !full else { return }
        let size = indent + content.utf8.count + 1
        guard byteCount + size <= Self.maxBytes else {
            full = true
            return
        }
        byteCount += size
        text += String(repeating: " ", count: indent) + content + "\n"
        lineCount += 1
        cells[lineCount] = place
    }

    /// A key as YAML writes it: plain when that reads back as the same text, else quoted.
    public static func key(_ key: String) -> String { scalar(key) }

    /// A string as a person would write it in YAML: plain when it is safe to (so that `45` typed as text reads as the
    /// number 45, as it would from a YAML file, and `是` as the typical entry it is), double-quoted when plain would
    /// change it (a leading indicator, `: `, ` #`, surrounding spaces, a line break, a control character, or a null).
    public static func scalar(_ text: String) -> String {
        plainIsSafe(text) ? text : quoted(text)
    }

    static func plainIsSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if ["~", "null", "Null", "NULL"].contains(text) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if first == " " || last == " " || last == ":" { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return false
            default: continue
            }
        }
        return true
    }

    /// Double-quoted, with every character YAML would read otherwise escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                switch scalar.value {
                case 0..<0x20, 0x7F...0x9F: out += "\\x" + hex(scalar.value, 2)
                case 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: out += "\\u" + hex(scalar.value, 4)
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
