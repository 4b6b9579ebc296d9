import Foundation
import XCTest

/// What openpyxl (a real spreadsheet library) sees in an .xlsx file, through `scripts/office/xlsx-dump.py`.
/// Tests skip, saying how to install it, when python3 or openpyxl is missing.
public struct SpreadsheetDump {
    public let json: [String: Any]

    /// Dumps the workbook's bytes (written to a temporary file).
    public static func of(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> SpreadsheetDump {
        let folder = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("book.xlsx")
        try Data(bytes).write(to: url)
        return try of(url)
    }

    public static func of(_ url: URL) throws -> SpreadsheetDump {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Parkscore.repository.appendingPathComponent("scripts/office/xlsx-dump.py").path, url.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw XCTSkip("python3 is not available (\(error)); install python3 and: pip install openpyxl") }
        let errBox = PipeBox()
        let reader = Thread { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); errBox.done.signal() }
        reader.start()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        errBox.done.wait()
        process.waitUntilExit()
        let stderr = String(decoding: errBox.data, as: UTF8.self)
        if process.terminationStatus == 3 || process.terminationStatus == 127 {
            throw XCTSkip("openpyxl is not available: install with: pip install openpyxl (\(stderr))")
        }
        guard process.terminationStatus == 0 else {
            XCTFail("xlsx-dump.py failed (\(process.terminationStatus)): \(stderr)")
            throw NSError(domain: "SpreadsheetDump", code: Int(process.terminationStatus))
        }
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw NSError(domain: "SpreadsheetDump", code: -1)
        }
        return SpreadsheetDump(json: json)
    }

    public var sheets: [[String: Any]] { json["sheets"] as? [[String: Any]] ?? [] }

    public var sheetNames: [String] { sheets.compactMap { $0["name"] as? String } }

    public func sheet(_ name: String) -> [String: Any]? { sheets.first { $0["name"] as? String == name } }

    /// The sheet whose A1 holds `marker` (how the reader finds sheets).
    public func sheet(marker: String) -> [String: Any]? {
        sheets.first { (($0["cells"] as? [String: Any])?["A1"] as? [String: Any])?["value"] as? String == marker }
    }

    /// The row whose (hidden) column A holds `key`: how the reader finds a fact's, a criterion's or a cover key's row.
    public func row(of key: String, in sheet: [String: Any]?) -> Int? {
        let cells = sheet?["cells"] as? [String: Any] ?? [:]
        return cells.first { $0.key.hasPrefix("A") && Int($0.key.dropFirst()) != nil && ($0.value as? [String: Any])?["value"] as? String == key }
            .flatMap { Int($0.key.dropFirst()) }
    }

    /// One cell's dump: value, type, format, bold, fill, locked, wrap.
    public func cell(_ sheet: [String: Any]?, _ reference: String) -> [String: Any]? {
        (sheet?["cells"] as? [String: Any])?[reference] as? [String: Any]
    }
}

private final class PipeBox: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
