/// What a number format makes of a number: a date, a percentage, or a plain number. Built-in formats are known by id
/// (ECMA-376 Part 1, 18.8.30: 14–22 and 45–47 are dates and times, and the Chinese locale's built-in date formats 27–31,
/// 36, 50–54, 57–58); a custom format by its code.
public enum NumberFormats {
    public static func style(id: Int, code: String?) -> NumberStyle {
        if let code { return style(code: code) }
        switch id {
        case 9, 10: return .percent
        case 14...22, 27...31, 36, 45...47, 50...54, 57, 58: return .date
        default: return .number
        }
    }

    /// The built-in code of an id, for messages and tests; `General` for the rest.
    public static func builtInCode(_ id: Int) -> String {
        switch id {
        case 1: return "0"
        case 2: return "0.00"
        case 3: return "#,##0"
        case 4: return "#,##0.00"
        case 9: return "0%"
        case 10: return "0.00%"
        case 14: return "yyyy-mm-dd"
        case 22: return "yyyy-mm-dd h:mm"
        case 49: return "@"
        default: return "General"
        }
    }

    /// A custom code: a date when, outside quoted text, escapes and brackets, it has a year, month or day (an `m` only
    /// with an hour or seconds is minutes: a time, not a date); a percentage when it has `%`.
    public static func style(code: String) -> NumberStyle {
        // Only the first section (positive numbers) says how the value is shown.
        var stripped: [Character] = []
        var quoted = false
        var bracket = false
        var bracketText = ""
        var escape = false
        for c in code {
            if escape { escape = false; continue }
            if quoted { if c == "\"" { quoted = false }; continue }
            if bracket {
                if c == "]" {
                    bracket = false
                    // Elapsed time, `[h]`, `[mm]`, `[ss]`: a duration, counted as a time.
                    if let first = bracketText.lowercased().first, "hms".contains(first), bracketText.allSatisfy({ "hHmMsS".contains($0) }) {
                        stripped.append("h")
                    }
                } else {
                    bracketText.append(c)
                }
                continue
            }
            if c == ";" { break }
            switch c {
            case "\"": quoted = true
            case "[":
                bracket = true
                bracketText = ""
            case "\\", "_", "*": escape = true
            default: stripped.append(Character(c.lowercased()))
            }
        }
        if stripped.contains("%") { return .percent }
        if stripped.contains("y") || stripped.contains("d") { return .date }
        if stripped.contains("m") && !stripped.contains("h") && !stripped.contains("s") { return .date }
        return .number
    }
}
