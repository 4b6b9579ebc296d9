/// A rule on what may be typed into cells; for now a drop-down list of allowed values, which is what forms need.
///
/// A list is written inline (`"是,否"`) when it can be: at most 255 characters, and no item with a comma or a double
/// quote. A longer list, or one whose items need those characters, the `WorkbookWriter` puts into a hidden sheet and
/// the validation refers to its cells instead — so any list works, whatever its length.
public struct DataValidation: Sendable, Hashable {
    public var ranges: [CellRange]
    public var list: [String]
    public var allowBlank: Bool
    /// Shown when a cell is selected (optional).
    public var promptTitle: String?
    public var prompt: String?
    /// Shown when a value off the list is typed; when `strict`, the value is refused, otherwise only warned about.
    public var errorTitle: String?
    public var error: String?
    public var strict: Bool

    public init(ranges: [CellRange], list: [String], allowBlank: Bool = true, promptTitle: String? = nil, prompt: String? = nil,
                errorTitle: String? = nil, error: String? = nil, strict: Bool = true) {
        self.ranges = ranges
        self.list = list
        self.allowBlank = allowBlank
        self.promptTitle = promptTitle
        self.prompt = prompt
        self.errorTitle = errorTitle
        self.error = error
        self.strict = strict
    }

    /// The most characters a validation's inline list may take, quotes included (Excel's limit).
    public static let inlineLimit = 255

    /// `"a,b,c"`, when the list can be written inline.
    var inlineFormula: String? {
        guard !list.isEmpty, !list.contains(where: { $0.contains(",") || $0.contains("\"") || $0.isEmpty }) else { return nil }
        let formula = "\"" + list.joined(separator: ",") + "\""
        return formula.count <= Self.inlineLimit ? formula : nil
    }
}
