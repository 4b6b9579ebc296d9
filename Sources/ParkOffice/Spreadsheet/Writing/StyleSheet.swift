/// The styles of a workbook (`xl/styles.xml`): every distinct `CellStyle` the sheets use gets one index, in the order
/// first asked for, so the same workbook always gives the same part. Index 0 is the default style.
public struct StyleSheet: Sendable {
    struct Font: Hashable { var bold: Bool; var size: Int?; var color: Color? }

    private(set) var styles: [CellStyle] = [CellStyle()]
    private var indexes: [CellStyle: Int] = [CellStyle(): 0]

    public init() {}

    /// The style's index (`s="…"` on a cell), added if new.
    public mutating func index(of style: CellStyle) -> Int {
        if let index = indexes[style] { return index }
        styles.append(style)
        indexes[style] = styles.count - 1
        return styles.count - 1
    }

    public var count: Int { styles.count }

    /// The `xl/styles.xml` part.
    public func xml() -> String {
        // Tables of fonts, fills, borders and custom number formats, each in order of first use.
        var fonts: [Font] = []
        var fills: [Color?] = [nil]          // 0: none; 1: gray125 (both required by Excel) are written first.
        var borders: [Bool] = [false]
        var formats: [String] = []
        func position<T: Equatable>(_ item: T, in list: inout [T]) -> Int {
            if let i = list.firstIndex(of: item) { return i }
            list.append(item)
            return list.count - 1
        }
        var records: [(font: Int, fill: Int, border: Int, format: Int, style: CellStyle)] = []
        for style in styles {
            let font = position(Font(bold: style.bold, size: style.fontSize, color: style.fontColor), in: &fonts)
            var fill = 0
            if let color = style.fill { fill = position(Optional(color), in: &fills) + 1 }
            let border = position(style.border, in: &borders)
            var format = 0
            if let builtin = style.numberFormat.builtinID {
                format = builtin
            } else if let code = style.numberFormat.code {
                format = 164 + position(code, in: &formats)
            }
            records.append((font, fill, border, format, style))
        }

        var b = XMLBuilder()
        b.open("styleSheet", [("xmlns", SpreadsheetNamespace.main)])
        if !formats.isEmpty {
            b.element("numFmts", [("count", String(formats.count))]) { b in
                for (i, code) in formats.enumerated() { b.empty("numFmt", [("numFmtId", String(164 + i)), ("formatCode", code)]) }
            }
        }
        b.element("fonts", [("count", String(fonts.count))]) { b in
            for font in fonts {
                b.element("font") { b in
                    if font.bold { b.empty("b") }
                    b.empty("sz", [("val", String(font.size ?? 11))])
                    if let color = font.color { b.empty("color", [("rgb", color.argb)]) }
                    b.empty("name", [("val", "Calibri")])
                    b.empty("family", [("val", "2")])
                }
            }
        }
        b.element("fills", [("count", String(fills.count + 1))]) { b in
            b.element("fill") { $0.empty("patternFill", [("patternType", "none")]) }
            b.element("fill") { $0.empty("patternFill", [("patternType", "gray125")]) }
            for case let color? in fills {
                b.element("fill") { b in
                    b.element("patternFill", [("patternType", "solid")]) { b in
                        b.empty("fgColor", [("rgb", color.argb)])
                        b.empty("bgColor", [("indexed", "64")])
                    }
                }
            }
        }
        b.element("borders", [("count", String(borders.count))]) { b in
            for thin in borders {
                b.element("border") { b in
                    for side in ["left", "right", "top", "bottom"] {
                        if thin {
                            b.element(side, [("style", "thin")]) { $0.empty("color", [("rgb", "FFA6A6A6")]) }
                        } else {
                            b.empty(side)
                        }
                    }
                    b.empty("diagonal")
                }
            }
        }
        b.element("cellStyleXfs", [("count", "1")]) { $0.empty("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")]) }
        b.element("cellXfs", [("count", String(records.count))]) { b in
            for r in records {
                var attributes = [("numFmtId", String(r.format)), ("fontId", String(r.font)), ("fillId", String(r.fill)),
                                  ("borderId", String(r.border)), ("xfId", "0")]
                if r.format != 0 { attributes.append(("applyNumberFormat", "1")) }
                if r.font != 0 { attributes.append(("applyFont", "1")) }
                if r.fill != 0 { attributes.append(("applyFill", "1")) }
                if r.border != 0 { attributes.append(("applyBorder", "1")) }
                let aligned = r.style.wrap || r.style.horizontal != nil || r.style.vertical != nil
                if aligned { attributes.append(("applyAlignment", "1")) }
                if !r.style.locked { attributes.append(("applyProtection", "1")) }
                if !aligned && r.style.locked {
                    b.empty("xf", attributes)
                    continue
                }
                b.element("xf", attributes) { b in
                    if aligned {
                        var alignment: [(String, String)] = []
                        if let h = r.style.horizontal { alignment.append(("horizontal", h.rawValue)) }
                        if let v = r.style.vertical { alignment.append(("vertical", v.rawValue)) }
                        if r.style.wrap { alignment.append(("wrapText", "1")) }
                        b.empty("alignment", alignment)
                    }
                    if !r.style.locked { b.empty("protection", [("locked", "0")]) }
                }
            }
        }
        b.element("cellStyles", [("count", "1")]) { $0.empty("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")]) }
        b.close("styleSheet")
        return b.text
    }
}

/// The namespaces of SpreadsheetML parts.
enum SpreadsheetNamespace {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
}
