"""Describes an .xlsx file as JSON, read with openpyxl as a spreadsheet program would read it:
the first sheet's name, frozen panes, autofilter, column widths, whether the heading row is
bold, and every cell with its type, value and number format. The C++ tests check the JSON."""
import datetime
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
sheet = book.worksheets[0]


def describe(cell):
    value = cell.value
    if isinstance(value, (datetime.datetime, datetime.date)):
        value = value.isoformat()
    return {"type": type(cell.value).__name__, "value": value, "format": cell.number_format}


print(json.dumps({
    "sheets": len(book.worksheets),
    "title": sheet.title,
    "freeze": sheet.freeze_panes,
    "filter": sheet.auto_filter.ref,
    "header_bold": all(cell.font.b for cell in sheet[1]),
    "widths": {key: dim.width for key, dim in sheet.column_dimensions.items()},
    "rows": [[describe(cell) for cell in row] for row in sheet.iter_rows()],
}, ensure_ascii=False))
