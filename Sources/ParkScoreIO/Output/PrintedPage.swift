import ParkOffice

/// What every printed page of a parkscore workbook carries: a title at the top (what the page is) and
/// 「第 1 页，共 3 页」 at the bottom, worded by the catalogue (`template.workbook.footer`).
enum PrintedPage {
    /// The footer: the catalogue's wording around the page number and the page count.
    static func footer(_ messages: Messages) -> [HeaderFooterPart] {
        // The wording split at its placeholders, filled with markers no message holds.
        let footer = messages("template.workbook.footer", ["page": "\u{1}", "pages": "\u{2}"])
        var parts: [HeaderFooterPart] = []
        var text = ""
        for character in footer {
            guard character == "\u{1}" || character == "\u{2}" else {
                text.append(character)
                continue
            }
            if !text.isEmpty { parts.append(.text(text)) }
            text = ""
            parts.append(character == "\u{1}" ? .pageNumber : .pageCount)
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }
}
