/// A font as WordprocessingML declares it: the face for Latin text and the face for East Asian text (Chinese).
public struct WordFont: Sendable, Equatable {
    public var latin: String
    public var eastAsia: String

    public init(latin: String, eastAsia: String) {
        self.latin = latin
        self.eastAsia = eastAsia
    }

    /// Body text: 宋体 (SimSun) for Chinese, Times New Roman for Latin.
    public static let body = WordFont(latin: "Times New Roman", eastAsia: "宋体")
    /// Headings and titles: 黑体 (SimHei) for Chinese, Arial for Latin.
    public static let heading = WordFont(latin: "Arial", eastAsia: "黑体")

    func write(to xml: inout XMLBuilder) {
        xml.empty("w:rFonts", [("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", eastAsia), ("w:cs", latin)])
    }
}

/// The styles part (`word/styles.xml`): the document defaults (fonts, size, language), the built-in paragraph styles
/// Word knows by id — `Title`, `Heading1`…`Heading3` with outline levels (Word's table of contents collects them),
/// `TOC1`, `TOC2`, `Footer` — the body text of tables, and one bordered table style.
public struct WordStyles: Sendable {
    public static let title = "Title"
    public static let subtitle = "Subtitle"
    public static let heading1 = "Heading1"
    public static let heading2 = "Heading2"
    public static let heading3 = "Heading3"
    public static let tocHeading = "TOCHeading"
    public static let footer = "Footer"
    public static let tableText = "TableText"
    public static let tableStyle = "ParkTable"
    /// The fill of header cells.
    public static let headerFill = "EDEDED"

    public var body: WordFont
    public var heading: WordFont
    /// The language of Latin text (`w:val`), as Word writes it for a Chinese document: `en-US`, with `zh-CN` for
    /// East Asian text. Latin text tagged Chinese is broken like Chinese, anywhere in a word (LibreOffice breaks
    /// `layout.digital_technologies` inside `technologies`); tagged English it wraps between words.
    public var latinLanguage: String
    /// Width of the text between the margins, in twips: where the contents' page numbers are right-aligned.
    public var textWidth: Int

    public init(body: WordFont = .body, heading: WordFont = .heading, latinLanguage: String = "en-US", textWidth: Int) {
        self.body = body
        self.heading = heading
        self.latinLanguage = latinLanguage
        self.textWidth = textWidth
    }

    /// The fonts part (`word/fontTable.xml`): each face named, with its alternative name, character set and PANOSE so
    /// that a program without it substitutes a like one (宋体 a serif Song face, 黑体 a sans-serif Hei face).
    public var fontTable: String {
        struct Face {
            let name: String, altName: String?, panose: String, charset: String, family: String, pitch: String
        }
        var faces: [Face] = []
        func face(_ name: String) -> Face {
            switch name {
            case "宋体": return Face(name: name, altName: "SimSun", panose: "02010600030101010101", charset: "86", family: "auto", pitch: "variable")
            case "黑体": return Face(name: name, altName: "SimHei", panose: "02010609060101010101", charset: "86", family: "modern", pitch: "fixed")
            case "Arial": return Face(name: name, altName: nil, panose: "020B0604020202020204", charset: "00", family: "swiss", pitch: "variable")
            default: return Face(name: name, altName: nil, panose: "02020603050405020304", charset: "00", family: "roman", pitch: "variable")
            }
        }
        for name in [body.latin, body.eastAsia, heading.latin, heading.eastAsia] where !faces.contains(where: { $0.name == name }) {
            faces.append(face(name))
        }
        var xml = XMLBuilder()
        xml.element("w:fonts", [("xmlns:w", WordNamespace.main)]) { fonts in
            for f in faces {
                fonts.element("w:font", [("w:name", f.name)]) { font in
                    if let altName = f.altName { font.empty("w:altName", [("w:val", altName)]) }
                    font.empty("w:panose1", [("w:val", f.panose)])
                    font.empty("w:charset", [("w:val", f.charset)])
                    font.empty("w:family", [("w:val", f.family)])
                    font.empty("w:pitch", [("w:val", f.pitch)])
                }
            }
        }
        return xml.text
    }

    public var xml: String {
        var xml = XMLBuilder()
        xml.element("w:styles", [("xmlns:w", WordNamespace.main)]) { s in
            s.element("w:docDefaults") { d in
                d.element("w:rPrDefault") { r in
                    r.element("w:rPr") { p in
                        body.write(to: &p)
                        p.empty("w:sz", [("w:val", "21")])
                        p.empty("w:szCs", [("w:val", "21")])
                        p.empty("w:lang", [("w:val", latinLanguage), ("w:eastAsia", "zh-CN"), ("w:bidi", "ar-SA")])
                    }
                }
                d.element("w:pPrDefault") { p in
                    p.element("w:pPr") { $0.empty("w:spacing", [("w:after", "120"), ("w:line", "312"), ("w:lineRule", "auto")]) }
                }
            }
            paragraphStyle(&s, id: "Normal", name: "Normal", basedOn: nil, isDefault: true)
            paragraphStyle(&s, id: Self.title, name: "Title", pPr: { p in
                p.empty("w:spacing", [("w:before", "240"), ("w:after", "360")])
                p.empty("w:jc", [("w:val", "center")])
            }, rPr: { r in
                heading.write(to: &r)
                r.empty("w:b")
                r.empty("w:bCs")
                r.empty("w:sz", [("w:val", "52")])
                r.empty("w:szCs", [("w:val", "52")])
            })
            paragraphStyle(&s, id: Self.subtitle, name: "Subtitle", pPr: { p in
                p.empty("w:spacing", [("w:before", "120"), ("w:after", "240")])
                p.empty("w:jc", [("w:val", "center")])
            }, rPr: { r in
                heading.write(to: &r)
                r.empty("w:sz", [("w:val", "30")])
                r.empty("w:szCs", [("w:val", "30")])
            })
            // Headings: 三号, 四号, 小四 in 黑体; kept with what follows; outline levels 1–3.
            for (level, size, before, after) in [(1, 32, 360, 240), (2, 28, 280, 140), (3, 24, 200, 100)] {
                paragraphStyle(&s, id: "Heading\(level)", name: "heading \(level)", pPr: { p in
                    p.empty("w:keepNext")
                    p.empty("w:keepLines")
                    p.empty("w:spacing", [("w:before", String(before)), ("w:after", String(after))])
                    p.empty("w:outlineLvl", [("w:val", String(level - 1))])
                }, rPr: { r in
                    heading.write(to: &r)
                    r.empty("w:b")
                    r.empty("w:bCs")
                    r.empty("w:sz", [("w:val", String(size))])
                    r.empty("w:szCs", [("w:val", String(size))])
                })
            }
            // The contents' own heading looks like a heading but is not in the contents.
            paragraphStyle(&s, id: Self.tocHeading, name: "TOC Heading", basedOn: Self.heading1, pPr: { p in
                p.empty("w:outlineLvl", [("w:val", "9")])
            })
            for level in 1...3 {
                paragraphStyle(&s, id: "TOC\(level)", name: "toc \(level)", pPr: { p in
                    p.element("w:tabs") { $0.empty("w:tab", [("w:val", "right"), ("w:leader", "dot"), ("w:pos", String(textWidth))]) }
                    p.empty("w:spacing", [("w:before", level == 1 ? "40" : "0"), ("w:after", level == 1 ? "40" : "20")])
                    if level > 1 { p.empty("w:ind", [("w:left", String((level - 1) * 420))]) }
                }, rPr: { r in
                    r.empty("w:sz", [("w:val", level == 1 ? "24" : "21")])
                    r.empty("w:szCs", [("w:val", level == 1 ? "24" : "21")])
                })
            }
            paragraphStyle(&s, id: Self.footer, name: "footer", pPr: { p in
                p.empty("w:spacing", [("w:after", "0")])
                p.empty("w:jc", [("w:val", "center")])
            }, rPr: { r in
                r.empty("w:sz", [("w:val", "18")])
                r.empty("w:szCs", [("w:val", "18")])
            })
            paragraphStyle(&s, id: Self.tableText, name: "Table Text", pPr: { p in
                p.empty("w:spacing", [("w:before", "20"), ("w:after", "20"), ("w:line", "264"), ("w:lineRule", "auto")])
            }, rPr: { r in
                r.empty("w:sz", [("w:val", "18")])
                r.empty("w:szCs", [("w:val", "18")])
            })
            s.element("w:style", [("w:type", "table"), ("w:default", "1"), ("w:styleId", "TableNormal")]) { t in
                t.empty("w:name", [("w:val", "Normal Table")])
                t.empty("w:uiPriority", [("w:val", "99")])
                t.empty("w:semiHidden")
                t.element("w:tblPr") { p in
                    p.empty("w:tblInd", [("w:w", "0"), ("w:type", "dxa")])
                    p.element("w:tblCellMar") { m in
                        m.empty("w:top", [("w:w", "0"), ("w:type", "dxa")])
                        m.empty("w:left", [("w:w", "108"), ("w:type", "dxa")])
                        m.empty("w:bottom", [("w:w", "0"), ("w:type", "dxa")])
                        m.empty("w:right", [("w:w", "108"), ("w:type", "dxa")])
                    }
                }
            }
            s.element("w:style", [("w:type", "table"), ("w:styleId", Self.tableStyle)]) { t in
                t.empty("w:name", [("w:val", "Park Table")])
                t.empty("w:basedOn", [("w:val", "TableNormal")])
                t.empty("w:uiPriority", [("w:val", "59")])
                t.element("w:pPr") { $0.empty("w:spacing", [("w:after", "0")]) }
                t.element("w:tblPr") { p in
                    p.element("w:tblBorders") { b in
                        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                            b.empty("w:" + side, [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "808080")])
                        }
                    }
                    p.element("w:tblCellMar") { m in
                        m.empty("w:top", [("w:w", "40"), ("w:type", "dxa")])
                        m.empty("w:left", [("w:w", "85"), ("w:type", "dxa")])
                        m.empty("w:bottom", [("w:w", "40"), ("w:type", "dxa")])
                        m.empty("w:right", [("w:w", "85"), ("w:type", "dxa")])
                    }
                }
            }
        }
        return xml.text
    }

    private func paragraphStyle(_ s: inout XMLBuilder, id: String, name: String, basedOn: String? = "Normal", isDefault: Bool = false,
                                pPr: ((inout XMLBuilder) -> Void)? = nil, rPr: ((inout XMLBuilder) -> Void)? = nil) {
        var attributes = [("w:type", "paragraph")]
        if isDefault { attributes.append(("w:default", "1")) }
        attributes.append(("w:styleId", id))
        s.element("w:style", attributes) { st in
            st.empty("w:name", [("w:val", name)])
            if let basedOn { st.empty("w:basedOn", [("w:val", basedOn)]) }
            st.empty("w:next", [("w:val", "Normal")])
            st.empty("w:qFormat")
            if let pPr { st.element("w:pPr") { pPr(&$0) } }
            if let rPr { st.element("w:rPr") { rPr(&$0) } }
        }
    }
}

enum WordNamespace {
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
}
