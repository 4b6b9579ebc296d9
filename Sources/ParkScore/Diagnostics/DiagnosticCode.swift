/// Stable names of kinds of diagnostics, for a message catalogue to key on. A code never changes meaning once given;
/// a new kind of message gets a new code. The values a message quotes travel in `Diagnostic.arguments`, in the order
/// listed beside each code.
public enum DiagnosticCode {
    // ── typical entries read as the fact's type (notes); arguments: the entry as written, the value read ──
    /// `是`, `否`, `有`, `无` read as true or false.
    public static let readBoolean = "input.read.boolean"
    /// The Chinese label of an enum value or a list item read as the value (`大数据` → `big_data`).
    public static let readLabel = "input.read.label"
    /// A number written with full-width digits, thousands separators or the fact's unit (`20家`, `１２`, `1,250,000`).
    public static let readNumber = "input.read.number"
    /// A percentage written with `％` or full-width digits (`42％`).
    public static let readPercent = "input.read.percent"
    /// An amount in 元, 万元 or 亿元 (`86万元` → 860000), or with thousands separators.
    public static let readMoney = "input.read.money"
    /// A date written `2026年1月20日` or `2026/1/20`.
    public static let readDate = "input.read.date"
    /// A rubric level written with 级 (`2级`) or full-width digits.
    public static let readLevel = "input.read.level"

    // ── entries that cannot be read, each with a hint showing the accepted forms; arguments: key, entry; parts: what was
    // written (`input.written.*`), the hint (`input.hint.*`) ──
    public static let invalidBoolean = "input.invalid.boolean"
    public static let invalidInteger = "input.invalid.integer"
    public static let invalidNumber = "input.invalid.number"
    public static let invalidPercent = "input.invalid.percent"
    public static let invalidMoney = "input.invalid.money"
    public static let invalidDate = "input.invalid.date"
    public static let invalidText = "input.invalid.text"
    /// A list written as one text (`manufacturing` for `[manufacturing]`). Arguments: key, entry.
    public static let invalidList = "input.invalid.list"
    /// Arguments: key, entry, the allowed values; a third part: the allowed values with their labels.
    public static let invalidEnum = "input.invalid.enum"
    /// Arguments: key, entry, the allowed items; parts: a did-you-mean hint, the allowed items with their labels.
    public static let invalidListItem = "input.invalid.list-item"
    /// A number with a unit other than the fact's (`20人` for a fact counted in 家). Arguments: key, entry, the unit written, the
    /// fact's unit; a third part: what the fact wants (`input.wanted.*`).
    public static let wrongUnit = "input.invalid.unit"
    /// A rating that is not a whole number. Arguments: criterion id, entry.
    public static let invalidLevel = "input.invalid.level"

    // ── the file itself ──
    /// A full-width colon `：` where YAML needs `:` and a space. Arguments: the line number, the key before the colon,
    /// the line as it should be written (`talent.forums: 6`).
    public static let fullWidthColon = "yaml.full-width-colon"
    /// A group of facts written as one text with a full-width colon (`talent.forums：6`). Arguments: the group (`facts`),
    /// the text, the line as it should be written.
    public static let factsFullWidthColon = "input.facts.full-width-colon"
    /// A line indented with a tab. Arguments: the line number.
    public static let tabIndentation = "yaml.tab-indentation"
    /// A file that is not UTF-8 but reads as GB18030/GBK. Arguments: the first line that cannot be read.
    public static let notUTF8GB18030 = "yaml.encoding.gb18030"
    /// A file that is not UTF-8, in no encoding recognised. Arguments: the first byte that cannot be read, in hex.
    public static let notUTF8 = "yaml.encoding.unknown"

    // ── validation a park can act on ──
    /// An unknown fact key within a typo of a known one: an error. Arguments: the key written, the known key.
    public static let unknownFactTypo = "fact.unknown.typo"
    /// An unknown fact key like no known one: a warning. Arguments: the key written; part: a did-you-mean hint.
    public static let unknownFact = "fact.unknown"
    /// The known fact a typo stands for is needed by a scorecard. Arguments: known key, scorecard id, gate and criterion ids,
    /// the key as written.
    public static let typoFactNeeded = "fact.unknown.typo-needed"
    /// A gate that cannot be decided for want of facts. Arguments: scorecard id, gate id, the missing facts.
    public static let gateUndecided = "completeness.gate"
    /// A criterion that cannot be scored for want of facts. Arguments: scorecard id, criterion id, the missing facts.
    public static let criterionUndecided = "completeness.criterion"
    /// A sha256 that is not 64 hex digits. Arguments: evidence id, the number of characters written.
    public static let sha256Malformed = "evidence.sha256.malformed"
    /// A file whose content does not match the recorded sha256. Arguments: file, recorded, actual, and the first 12
    /// digits of recorded and actual.
    public static let sha256Mismatch = "evidence.sha256.mismatch"
    /// An evidence entry with no sha256. Arguments: evidence id, file, the file's sha256.
    public static let sha256Missing = "evidence.sha256.missing"
    /// `evidence --fill` wrote a sha256 where none was. Arguments: evidence id, sha256, file.
    public static let sha256Filled = "evidence.fill.added"
    /// `evidence --fill` replaced a stale sha256. Arguments: evidence id, old, new, file.
    public static let sha256Replaced = "evidence.fill.replaced"
    /// `evidence --fill` could not compute or write a sha256. Arguments: evidence id; part: why (`evidence.file.*`, `evidence.fill.*`).
    public static let sha256NotFilled = "evidence.fill.refused"
}
