/// Why an Office file was refused while it was read. Each case is one problem a person can be told about (the IO layer
/// words it through the message catalogue); the values are what the message quotes.
public enum OfficeReadError: Error, Sendable, Equatable {
    // The container.
    /// The bytes are not a ZIP package at all (a text file, a YAML file named `.xlsx`).
    case notAPackage
    /// An old binary Office file (`.xls`, `.doc`) or a password-protected one: a Compound File (`D0 CF 11 E0`).
    case compoundFile
    /// The ZIP is cut short or damaged (its directory cannot be read, or an entry does not inflate or check).
    case damaged
    /// More bytes than the reader takes.
    case inputTooLarge(size: Int, limit: Int)
    /// More entries in the package than the reader takes.
    case tooManyEntries(limit: Int)
    /// An entry whose path could leave the package (`..`, absolute, a backslash, a NUL).
    case unsafePath(String)
    /// An entry that inflates to more than the per-entry limit (counted while inflating, whatever its header says).
    case entryTooLarge(entry: String, limit: Int)
    /// The entries read so far inflate to more than the total limit.
    case totalTooLarge(limit: Int)
    /// An entry that inflates to more than `limit` times its compressed size (a zip bomb).
    case compressionRatio(entry: String, limit: Int)
    /// A part the package must have is not there.
    case missingPart(String)

    // The XML of a part.
    /// A document type declaration (`<!DOCTYPE`, `<!ENTITY`): refused before parsing, so no entity is ever expanded.
    case documentType(part: String)
    /// A part not in UTF-8 (UTF-16 and other encodings are refused, so that the DTD check cannot be dodged).
    case notUTF8(part: String)
    /// Elements nested deeper than the limit.
    case tooDeep(part: String, limit: Int)
    /// A text (a cell's, a string's) longer than the limit in characters.
    case textTooLong(part: String, limit: Int)
    /// More rows in a sheet (named) than the limit.
    case tooManyRows(sheet: String, limit: Int)
    /// More cells (or shared strings) in a part than the limit.
    case tooManyCells(part: String, limit: Int)
    /// XML the parser refuses, at a line.
    case malformedXML(part: String, line: Int)

    // The spreadsheet.
    /// A sheet's cell reference that is not a cell (`r="ZZZZ1"`).
    case badCellReference(part: String, reference: String)
    /// More sheets than the limit.
    case tooManySheets(limit: Int)
    /// A cell given twice in a sheet (`<c r="C2">` twice, or a row repeated): which one an office program shows is not
    /// defined, so neither is read.
    case cellTwice(sheet: String, reference: String)
    /// A cell whose stored value is none its type allows: a number that is not a decimal (`0x10`, `NaN`, `INF`,
    /// `1E+400`), a logical value other than 0 or 1, a shared string's index that is not in the table. No office
    /// program writes one; read as blank or as a guess, it would score what no one sees.
    case badValue(sheet: String, reference: String, value: String)
    /// Two sheets that are one part: each would be read, and counted, again.
    case sheetPartTwice(sheet: String)
    /// A sheet's name longer than the limit (Excel's own is 31 characters): every cell's location quotes it.
    case sheetNameTooLong(limit: Int)
    /// Two sheets of one name (Excel compares names ignoring case): a cell's location (`事实!C12`) would not say which.
    case sheetNameTwice(sheet: String)
}
