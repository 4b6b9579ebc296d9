#!/usr/bin/env python3
"""Fills a parkscore workbook (申报表.xlsx) the way a person would in a spreadsheet program, through openpyxl.

Usage: fill-xlsx.py TEMPLATE.xlsx FILLS.json OUT.xlsx

FILLS.json is a list of cells to fill, each found the way the workbook says: the sheet whose hidden cell A1 holds
`marker`, then the row whose hidden column A holds `key` (or the row number `row`), then `column` (a letter) or,
on a records sheet, the column whose hidden first row holds `field`:

    [{"marker": "parkscore:facts", "key": "tenants.total", "column": "C", "value": "45", "kind": "number"}, ...]

kind: number (the value is decimal text; written as a number, as typed), text, date (YYYY-MM-DD, written as a date
cell), bool (written as TRUE/FALSE). Exit status 2 when a marker or key is not in the workbook.
"""
import datetime
import decimal
import json
import sys

try:
    import openpyxl
except ImportError:
    print("openpyxl is missing: pip install openpyxl", file=sys.stderr)
    sys.exit(3)


def main():
    template, fills_path, out = sys.argv[1:4]
    workbook = openpyxl.load_workbook(template)
    sheets = {}
    for sheet in workbook.worksheets:
        marker = sheet["A1"].value
        if isinstance(marker, str) and marker.startswith("parkscore:"):
            sheets[marker] = sheet
    with open(fills_path, encoding="utf-8") as f:
        fills = json.load(f)
    for fill in fills:
        sheet = sheets.get(fill["marker"])
        if sheet is None:
            print("no sheet marked %s" % fill["marker"], file=sys.stderr)
            sys.exit(2)
        row = fill.get("row")
        if row is None:
            row = next((cell.row for cell in sheet["A"] if cell.value == fill["key"]), None)
            if row is None:
                print("no row %s in %s" % (fill["key"], fill["marker"]), file=sys.stderr)
                sys.exit(2)
        value = fill["value"]
        kind = fill.get("kind", "text")
        if kind == "number":
            number = decimal.Decimal(value)
            value = int(number) if number == number.to_integral_value() else float(number)
        elif kind == "date":
            value = datetime.date.fromisoformat(value)
        elif kind == "bool":
            value = bool(value)
        column = fill.get("column")
        if column is None:
            column = next((cell.column_letter for cell in sheet[1] if cell.value == fill["field"]), None)
            if column is None:
                print("no field %s in %s" % (fill["field"], fill["marker"]), file=sys.stderr)
                sys.exit(2)
        cell = sheet["%s%d" % (column, row)]
        cell.value = value
        if kind == "date":
            cell.number_format = "yyyy-mm-dd"
    workbook.save(out)


if __name__ == "__main__":
    main()
