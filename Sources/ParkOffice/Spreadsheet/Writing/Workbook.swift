/// A workbook: sheets in order, document properties, and how strings are stored.
public struct Workbook: Sendable {
    public enum StringStorage: Sendable {
        /// One table of strings (`xl/sharedStrings.xml`), as Excel writes it.
        case shared
        /// Each string in its cell (`t="inlineStr"`).
        case inline
    }

    public var sheets: [Sheet]
    public var properties: DocumentProperties
    public var strings: StringStorage
    /// The name of the hidden sheet that holds drop-down lists too long to write inline (made only when needed).
    public var listSheetName: String

    public init(sheets: [Sheet] = [], properties: DocumentProperties = DocumentProperties(), strings: StringStorage = .shared,
                listSheetName: String = "lists") {
        self.sheets = sheets
        self.properties = properties
        self.strings = strings
        self.listSheetName = listSheetName
    }
}

/// The document's properties (`docProps/core.xml`, `docProps/app.xml`). The dates are fixed by default so that the
/// same workbook gives the same bytes on every run; a caller that wants a real date passes one.
public struct DocumentProperties: Sendable, Hashable {
    public var title: String?
    public var subject: String?
    public var creator: String
    /// W3C date-time, `2025-01-01T00:00:00Z`.
    public var created: String
    public var modified: String
    public var application: String
    public var language: String?

    public static let fixedDate = "2025-01-01T00:00:00Z"

    public init(title: String? = nil, subject: String? = nil, creator: String = "parkscore", created: String = DocumentProperties.fixedDate,
                modified: String = DocumentProperties.fixedDate, application: String = "parkscore", language: String? = nil) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.created = created
        self.modified = modified
        self.application = application
        self.language = language
    }
}
