#!/usr/bin/env python3
"""Prints what python-docx sees in a Word document (.docx) as JSON, for the Swift tests to assert on.

    python3 scripts/office/docx-dump.py dossier.docx

paragraphs (style name, text), headings (level, text), tables (style, rows of cell texts, whether the first row
repeats as a header row on each page, which rows may not split across pages), sections (page size and margins in
twips, whether the first page has its own footer, the footer's text and fields), fonts (the document defaults, each
style's, the font table), the fields in the body (TOC, PAGEREF…), and the core properties.
Needs python-docx: pip install python-docx
"""
import json
import sys

try:
    import docx
    from docx.oxml.ns import qn
except ImportError:
    sys.stderr.write("python-docx is not installed: pip install python-docx\n")
    sys.exit(3)

EMU_PER_TWIP = 635


def twips(length):
    return None if length is None else int(round(length / EMU_PER_TWIP))


def fonts_of(rpr):
    if rpr is None:
        return None
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        return None
    return {key: fonts.get(qn("w:" + key)) for key in ("ascii", "hAnsi", "eastAsia", "cs") if fonts.get(qn("w:" + key))}


def fields(element):
    """The instructions of the fields in an element: complex (instrText) and simple (fldSimple)."""
    out = [" ".join(t.text.split()) for t in element.iter(qn("w:instrText")) if t.text]
    out += [" ".join(f.get(qn("w:instr")).split()) for f in element.iter(qn("w:fldSimple"))]
    return out


def table(t):
    rows = []
    repeats = []
    cant_split = []
    for row in t.rows:
        trpr = row._tr.trPr
        repeats.append(trpr is not None and trpr.find(qn("w:tblHeader")) is not None)
        cant_split.append(trpr is not None and trpr.find(qn("w:cantSplit")) is not None)
        rows.append([cell.text for cell in row.cells])
    return {
        "style": t.style.name if t.style is not None else None,
        "rows": rows,
        "headerRows": next((i for i, r in enumerate(repeats) if not r), len(repeats)),
        "firstRowRepeats": bool(repeats) and repeats[0],
        "rowsRepeating": repeats,
        "rowsCantSplit": cant_split,
        "columnWidths": [twips(c.width) for c in t.columns],
    }


def main(path):
    d = docx.Document(path)
    body = d.element.body
    paragraphs = [{"style": p.style.name, "text": p.text} for p in d.paragraphs]
    headings = []
    for p in d.paragraphs:
        name = p.style.name
        if name.startswith("Heading ") and name[8:].isdigit():
            headings.append({"level": int(name[8:]), "text": p.text})
    sections = []
    for s in d.sections:
        footer = s.footer
        first = s.first_page_footer
        sections.append({
            "pageWidth": twips(s.page_width),
            "pageHeight": twips(s.page_height),
            "margins": {"top": twips(s.top_margin), "bottom": twips(s.bottom_margin), "left": twips(s.left_margin),
                        "right": twips(s.right_margin), "header": twips(s.header_distance), "footer": twips(s.footer_distance)},
            "differentFirstPage": s.different_first_page_header_footer,
            "footer": {"text": "\n".join(p.text for p in footer.paragraphs), "fields": fields(footer._element),
                       "style": [p.style.name for p in footer.paragraphs]},
            "firstPageFooter": {"text": "\n".join(p.text for p in first.paragraphs), "fields": fields(first._element)},
        })
    styles = d.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    style_fonts = {}
    outline = {}
    for st in styles:
        el = st.element
        f = fonts_of(el.find(qn("w:rPr")))
        if f:
            style_fonts[st.name] = f
        ppr = el.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:outlineLvl")) is not None:
            outline[st.name] = int(ppr.find(qn("w:outlineLvl")).get(qn("w:val")))
    font_table = []
    part = d.part
    for rel in part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            from lxml import etree
            root = etree.fromstring(rel.target_part.blob)
            for font in root.iter(qn("w:font")):
                alt = font.find(qn("w:altName"))
                font_table.append({"name": font.get(qn("w:name")), "altName": alt.get(qn("w:val")) if alt is not None else None})
    page_breaks = sum(1 for p in body.iter(qn("w:pageBreakBefore"))) + sum(
        1 for br in body.iter(qn("w:br")) if br.get(qn("w:type")) == "page")
    core = d.core_properties
    out = {
        "paragraphs": paragraphs,
        "headings": headings,
        "tables": [table(t) for t in d.tables],
        "sections": sections,
        "fonts": {"default": fonts_of(rpr_default), "styles": style_fonts, "fontTable": font_table},
        "outlineLevels": outline,
        "fields": fields(body),
        "pageBreaks": page_breaks,
        "core": {"title": core.title, "subject": core.subject, "creator": core.author, "language": core.language,
                 "created": core.created.isoformat() if core.created else None,
                 "modified": core.modified.isoformat() if core.modified else None},
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: docx-dump.py FILE.docx\n")
        sys.exit(2)
    main(sys.argv[1])
