#!/usr/bin/env python3
"""Print an .xlsx workbook as openpyxl sees it, as JSON: the check that a real spreadsheet library agrees with what
parkscore wrote. Per sheet: name, state, cells (value, type, number format, bold, fill, locked, wrap), hidden
columns and rows, column widths, freeze pane, data validations, protection, merged cells, print setup.

Usage: scripts/office/xlsx-dump.py workbook.xlsx
Needs openpyxl (pip install openpyxl); exits 3 with a message when it is missing.
"""
import datetime
import json
import sys

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:
    sys.stderr.write("openpyxl is not installed: install with: pip install openpyxl\n")
    sys.exit(3)


def value_of(cell):
    v = cell.value
    if isinstance(v, datetime.datetime):
        return v.date().isoformat() if v.time() == datetime.time(0) else v.isoformat()
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def fill_of(cell):
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return None
    rgb = fill.fgColor.rgb if fill.fgColor is not None else None
    return rgb if isinstance(rgb, str) else None


def dump(path):
    workbook = openpyxl.load_workbook(path)
    out = {"properties": {"title": workbook.properties.title, "creator": workbook.properties.creator,
                          "created": workbook.properties.created.isoformat() if workbook.properties.created else None},
           "sheets": []}
    for ws in workbook.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None and cell.style_id == 0:
                    continue
                cells[cell.coordinate] = {
                    "value": value_of(cell),
                    "type": cell.data_type,
                    "format": cell.number_format,
                    "bold": bool(cell.font and cell.font.b),
                    "fill": fill_of(cell),
                    "locked": bool(cell.protection.locked),
                    "wrap": bool(cell.alignment and cell.alignment.wrap_text),
                }
        columns = {}
        for key, dim in ws.column_dimensions.items():
            columns[key] = {"width": dim.width, "hidden": bool(dim.hidden)}
        hidden_rows = sorted(r for r, dim in ws.row_dimensions.items() if dim.hidden)
        validations = []
        for dv in ws.data_validations.dataValidation:
            validations.append({"type": dv.type, "formula1": dv.formula1, "sqref": str(dv.sqref),
                                "allow_blank": bool(dv.allow_blank), "error_style": dv.errorStyle,
                                "prompt": dv.prompt, "error": dv.error})
        print_titles = ws.print_title_rows
        out["sheets"].append({
            "name": ws.title,
            "state": ws.sheet_state,
            "cells": cells,
            "columns": columns,
            "hidden_columns": sorted(k for k, c in columns.items() if c["hidden"]),
            "hidden_rows": hidden_rows,
            "freeze": ws.freeze_panes,
            "validations": validations,
            "protected": bool(ws.protection.sheet),
            "password": ws.protection.password,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "paper_size": ws.page_setup.paperSize,
            "orientation": ws.page_setup.orientation,
            "fit_to_width": ws.page_setup.fitToWidth,
            "fit_to_page": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "print_title_rows": print_titles,
            "header": ws.oddHeader.center.text if ws.oddHeader and ws.oddHeader.center else None,
            "footer": ws.oddFooter.center.text if ws.oddFooter and ws.oddFooter.center else None,
        })
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: xlsx-dump.py workbook.xlsx\n")
        sys.exit(2)
    json.dump(dump(sys.argv[1]), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")
