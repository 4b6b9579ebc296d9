import Foundation
import ParkOffice
import ParkScore

/// A self-report filled in as a workbook (申报表.xlsx, as `parkscore template --format xlsx` makes it) turned into the
/// self-report YAML a person would have written, with a table from each line to the cell it came from. The YAML is read
/// by the same decoders as a YAML file, so a workbook gives the same facts, the same forgiving reading of typical
/// entries, and the same results; every problem is then located at its cell (`申报表.xlsx:事实!C12`).
///
/// Sheets are recognised by the marker in A1 (`parkscore:facts`, …), never by their names; a sheet without one is
/// ignored. Values: a number as exact decimal text, a date-formatted number as `YYYY-MM-DD`, a percent-formatted one as
/// `42%`, a boolean as true/false, text as written (plain YAML when that is safe, so `45` typed as text reads as 45);
/// a blank cell is a value not given.
public enum WorkbookSelfReport {
    /// The YAML and the cell of each of its lines.
    public struct Converted: Sendable {
        public var yaml: String
        public var cells: [Int: CellPlace]
    }

    /// Whether a file is to be read as a workbook: a ZIP or an old binary Office file by its first bytes, or a name
    /// ending in `.xlsx`/`.xlsm`/`.xls` (a YAML file renamed to `.xlsx` is then refused as not a workbook, clearly).
    public static func isWorkbook(_ file: SourceFile) -> Bool {
        if PackageReader.kind(of: file.bytes) != .other { return true }
        let lower = file.path.lowercased()
        return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") || lower.hasSuffix(".xls")
    }

    /// The place for the workbook as a whole (a problem with no cell of its own).
    static func wholeWorkbook() -> CellPlace { CellPlace(name: "", text: "") }

    public static func convert(_ file: SourceFile, dictionary: FactDictionary) -> Loaded<Converted> {
        let workbook: SpreadsheetContents
        do {
            workbook = try SpreadsheetReader.read(file.bytes)
        } catch let error as OfficeReadError {
            // LibreOffice's own format (.ods) is a ZIP too, without a workbook part: say what it is and what to do.
            if case .missingPart = error, isOpenDocument(file.bytes) {
                return Loaded(value: nil, diagnostics: [.error(Message("workbook.open-document", file.path), at: location(file.path, wholeWorkbook()))])
            }
            return Loaded(value: nil, diagnostics: [.error(message(error, file: file.path), at: location(file.path, wholeWorkbook()))])
        } catch {
            return Loaded(value: nil, diagnostics: [.error(Message("workbook.damaged", file.path), at: location(file.path, wholeWorkbook()))])
        }
        var writer = SelfReportSheets(path: file.path, dictionary: dictionary, date1904: workbook.date1904)
        writer.write(workbook)
        // Cells of 32,767 characters, a hundred thousand rows: a workbook may say more than any YAML file may (the YAML
        // reader's limit). Refused as the YAML would be, before it is built whole.
        if writer.textRead > SelfReportSheets.maxTextRead {
            return Loaded(value: nil, diagnostics: [.error(Message("workbook.hostile.too-much-cell-text", file.path, String(SelfReportSheets.maxTextRead)),
                                                           at: location(file.path, wholeWorkbook()))])
        }
        if writer.yaml.full {
            return Loaded(value: nil, diagnostics: [.error(Message("workbook.hostile.too-much-text", file.path, String(WorkbookYAML.maxBytes)),
                                                           at: location(file.path, wholeWorkbook()))])
        }
        if writer.yaml.lineCount == 0 && writer.diagnostics.isEmpty {
            writer.diagnostics.append(.error(Message("workbook.no-marker", file.path, "parkscore:facts"), at: location(file.path, wholeWorkbook())))
        }
        return Loaded(value: Converted(yaml: writer.yaml.text, cells: writer.yaml.cells), diagnostics: writer.diagnostics)
    }

    /// An OpenDocument file (.ods, .odt): its first entry, stored uncompressed, is `mimetype`, naming the format.
    static func isOpenDocument(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(120), as: UTF8.self)
        return head.contains("mimetypeapplication/vnd.oasis.opendocument")
    }

    static func location(_ path: String, _ place: CellPlace) -> SourceLocation {
        // Line 1 of the YAML made from the workbook: problems are ordered by line, and a workbook's own come first.
        SourceLocation(file: path, line: 1, column: 1, cell: place)
    }

    /// A refusal worded for the catalogue (`diagnostics.workbook.*`).
    static func message(_ error: OfficeReadError, file: String) -> Message {
        switch error {
        case .notAPackage: return Message("workbook.not-a-package", file)
        case .compoundFile: return Message("workbook.compound-file", file)
        case .damaged: return Message("workbook.damaged", file)
        case .inputTooLarge(let size, let limit): return Message("workbook.too-large", file, String(size), String(limit))
        case .tooManyEntries(let limit): return Message("workbook.too-many-entries", file, String(limit))
        case .unsafePath(let path): return Message("workbook.unsafe-path", file, printable(path))
        case .entryTooLarge(let entry, let limit): return Message("workbook.entry-too-large", file, printable(entry), String(limit))
        case .totalTooLarge(let limit): return Message("workbook.total-too-large", file, String(limit))
        case .compressionRatio(let entry, let limit): return Message("workbook.compression-ratio", file, printable(entry), String(limit))
        case .missingPart(let part): return Message("workbook.missing-part", file, printable(part))
        case .documentType(let part): return Message("workbook.document-type", file, printable(part))
        case .notUTF8(let part): return Message("workbook.not-utf8", file, printable(part))
        case .tooDeep(let part, let limit): return Message("workbook.too-deep", file, printable(part), String(limit))
        case .textTooLong(let part, let limit): return Message("workbook.text-too-long", file, printable(part), String(limit))
        case .tooManyRows(let sheet, let limit): return Message("workbook.too-many-rows", file, printable(sheet), String(limit))
        case .tooManyCells(let part, let limit): return Message("workbook.too-many-cells", file, printable(part), String(limit))
        case .malformedXML(let part, let line): return Message("workbook.malformed-xml", file, printable(part), String(line))
        case .badCellReference(let part, let reference): return Message("workbook.bad-cell-reference", file, printable(part), printable(reference))
        case .tooManySheets(let limit): return Message("workbook.too-many-sheets", file, String(limit))
        case .cellTwice(let sheet, let reference): return Message("workbook.hostile.cell-twice", file, printable(sheet), printable(reference))
        case .badValue(let sheet, let reference, let value):
            return Message("workbook.hostile.bad-value", file, printable(sheet), printable(reference), printable(value))
        case .sheetPartTwice(let sheet): return Message("workbook.hostile.sheet-part-twice", file, printable(sheet))
        case .sheetNameTooLong(let limit): return Message("workbook.hostile.sheet-name-too-long", file, String(limit))
        case .sheetNameTwice(let sheet): return Message("workbook.hostile.sheet-name-twice", file, printable(sheet))
        }
    }

    /// A file's name in a YAML comment (`convert`'s first line): nothing in it may end the comment, so line breaks of
    /// every kind YAML knows (LF, CR, NEL, LS, PS), other controls and bidi overrides are written escaped.
    public static func comment(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || [0x2028, 0x2029, 0xFEFF].contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A name from the package, short and with no control characters, to quote in a message.
    static func printable(_ text: String) -> String {
        var out = String(String.UnicodeScalarView(text.unicodeScalars.prefix(200).map { $0.value < 0x20 || $0.value == 0x7F ? "\u{FFFD}" : $0 }))
        if text.unicodeScalars.count > 200 { out += "…" }
        return out
    }
}

extension SourceFile {
    /// Where a problem with the file as a whole is placed: its first line, or for a workbook the workbook itself
    /// (`申报表.xlsx`, not a line of a ZIP).
    public var startLocation: SourceLocation {
        WorkbookSelfReport.isWorkbook(self) ? WorkbookSelfReport.location(path, WorkbookSelfReport.wholeWorkbook())
            : SourceLocation(file: path, line: 1, column: 1)
    }
}
