import ParkOffice

/// Workbooks made to hurt a reader, each with the refusal it must meet. Each is small to build (a bomb is a few
/// kilobytes of zeros deflated), so the tests that use them stay quick and bounded in memory.
public enum HostileWorkbooks {
    /// A minimal, valid workbook: one facts sheet.
    public static func valid() -> TestWorkbook {
        var w = TestWorkbook()
        w.sheet("事实", TestWorkbook.row(1, TestWorkbook.inline("A1", "parkscore:facts")))
        return w
    }

    /// More entries than `PackageLimits.default.maxEntries`.
    public static func manyEntries() throws -> [UInt8] {
        var writer = PackageWriter()
        for (name, text) in valid().parts { writer.add(name, text) }
        for i in 0..<PackageLimits.default.maxEntries { writer.add("xl/media/pad\(i).xml", "<a/>") }
        return try writer.bytes()
    }

    /// A sheet of `megabytes` MiB of one repeated byte: deflated a thousand times and more (a zip bomb by ratio).
    public static func ratioBomb(megabytes: Int = 16) throws -> [UInt8] {
        let padding = [UInt8](repeating: 0x20, count: megabytes << 20)
        let sheet = Array("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".utf8) + padding
            + Array("</sheetData></worksheet>".utf8)
        return try valid().bytes(replacing: [("xl/worksheets/sheet1.xml", sheet)])
    }

    /// Bytes that compress only a little (a simple generator's output), for size limits that are not ratio limits.
    public static func noise(_ count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var out = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out[i] = 0x41 + UInt8((state >> 59) & 0x0F)
        }
        return out
    }

    /// A workbook with an extra part of `bytes` noise bytes, read as a sheet would be.
    public static func withPart(_ name: String, _ bytes: [UInt8]) throws -> [UInt8] {
        try valid().bytes(replacing: [(name, bytes)])
    }

    /// A workbook whose sheet's headers (local and central) say it inflates to `declared` bytes, while it inflates to
    /// `actual`. Only the size fields are changed (the CRC is of the real bytes).
    public static func lyingSize(actual: Int, declared: UInt32) throws -> [UInt8] {
        let name = "xl/worksheets/sheet1.xml"
        var bytes = try valid().bytes(replacing: [(name, Array("<worksheet><sheetData>".utf8) + noise(actual) + Array("</sheetData></worksheet>".utf8))])
        let nameBytes = Array(name.utf8)
        func put(_ value: UInt32, at offset: Int) {
            for k in 0..<4 { bytes[offset + k] = UInt8((value >> (8 * UInt32(k))) & 0xFF) }
        }
        var i = 0
        while i + 46 < bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04 {
                let n = Int(bytes[i + 26]) | Int(bytes[i + 27]) << 8
                if Array(bytes[(i + 30)..<min(bytes.count, i + 30 + n)]) == nameBytes { put(declared, at: i + 22) }
            }
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x01, bytes[i + 3] == 0x02 {
                let n = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
                if Array(bytes[(i + 46)..<min(bytes.count, i + 46 + n)]) == nameBytes { put(declared, at: i + 24) }
            }
            i += 1
        }
        return bytes
    }

    /// A workbook with an entry whose path leaves the package.
    public static func escaping(_ path: String = "../../evil.xml") throws -> [UInt8] {
        try valid().bytes(replacing: [(path, Array("<a/>".utf8))])
    }

    /// The "billion laughs": entities that expand to gigabytes, declared in the workbook part's DTD.
    public static func entityExpansion() throws -> [UInt8] {
        var lol = "<!DOCTYPE workbook [<!ENTITY lol \"lol\">"
        for k in 1...9 { lol += "<!ENTITY lol\(k) \"" + String(repeating: "&lol\(k == 1 ? "" : String(k - 1));", count: 10) + "\">" }
        lol += "]>"
        let part = XMLText.declaration + lol + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets>"
            + "<sheet name=\"&lol9;\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
        return try valid().bytes(replacing: [("xl/workbook.xml", Array(part.utf8))])
    }

    /// An external entity, pointing at a file of this machine.
    public static func externalEntity() throws -> [UInt8] {
        let part = XMLText.declaration + "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&xxe;</t></si></sst>"
        return try valid().bytes(replacing: [("xl/sharedStrings.xml", Array(part.utf8))])
    }

    /// A sheet of a million (empty, numbered) rows: some 17 MB, under every size and ratio limit.
    public static func millionRows() throws -> [UInt8] {
        var rows = "<row r=\"1\">" + TestWorkbook.inline("A1", "parkscore:facts") + "</row>"
        rows.reserveCapacity(18_000_000)
        for n in 2...1_000_000 { rows += "<row r=\"\(n)\"/>" }
        var w = TestWorkbook()
        w.sheet("事实", rows)
        return try w.bytes()
    }

    /// A cell of one megabyte of text (letters that hardly compress, so that no ratio limit stops it first).
    public static func megabyteCell() throws -> [UInt8] {
        var w = valid()
        w.sheets[0].rows += TestWorkbook.row(2, TestWorkbook.inline("A2", "tenants.total"), TestWorkbook.inline("C2", String(decoding: noise(1 << 20), as: UTF8.self)))
        return try w.bytes()
    }

    /// A valid workbook cut in half.
    public static func truncated() throws -> [UInt8] {
        let bytes = try valid().bytes()
        return Array(bytes.prefix(bytes.count / 2))
    }

    /// A YAML self-report, named .xlsx.
    public static let yaml = Array("park:\n  name: 星河\nfacts:\n  tenants.total: 45\n".utf8)

    /// The start of an old binary Excel file (a Compound File).
    public static let legacyExcel: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
}

extension HostileWorkbooks {
    /// A workbook whose `count` sheets all name the same sheet part (one relationship target), each with a marker.
    public static func sheetsSharingAPart(_ count: Int) throws -> [UInt8] {
        var w = valid()
        for i in 1..<count { w.sheet("S\(i)", "") }
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let rels = XMLText.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (1...count).map { "<Relationship Id=\"rId\($0)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>" }.joined()
            + "</Relationships>"
        return try w.bytes(replacing: [("xl/_rels/workbook.xml.rels", Array(rels.utf8))])
    }

    /// A facts sheet with one more row: `cells` is the row's XML (row 2).
    public static func factsRow(_ cells: String, sharedStrings: [String] = []) throws -> [UInt8] {
        var w = valid()
        w.sharedStrings = sharedStrings
        w.sheets[0].rows += "<row r=\"2\">" + cells + "</row>"
        return try w.bytes()
    }
}
