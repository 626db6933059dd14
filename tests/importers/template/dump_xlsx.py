#!/usr/bin/python3
# Copyright 2026 The okrd Authors.
#
# Prints every non-empty cell of an .xlsx file as JSON, read with openpyxl
# (Debian's python3-openpyxl), so that the C++ tests can check what the XLSX
# writer produced with an independent reader:
#   {"sheets": [{"name", "state", "freeze", "bold_a1", "width_a",
#                "cells": [[ref, type, value], ...]}]}
# type: "s" string, "n" number, "b" bool, "d" date (date-only format),
# "dt" date-time, "t" time. Date-times are rounded to whole seconds.

import datetime
import json
import sys

from openpyxl import load_workbook


def cell_entry(cell):
    value = cell.value
    if isinstance(value, bool):
        return "b", value
    if isinstance(value, (int, float)):
        return "n", float(value)
    if isinstance(value, datetime.datetime):
        value = value + datetime.timedelta(microseconds=500000)
        value = value.replace(microsecond=0)
        if "h" in cell.number_format.lower():
            return "dt", value.strftime("%Y-%m-%dT%H:%M:%S")
        return "d", value.strftime("%Y-%m-%d")
    if isinstance(value, datetime.date):
        return "d", value.strftime("%Y-%m-%d")
    if isinstance(value, datetime.time):
        return "t", value.strftime("%H:%M:%S")
    return "s", str(value)


def main():
    workbook = load_workbook(sys.argv[1])
    sheets = []
    for sheet in workbook.worksheets:
        cells = []
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                kind, value = cell_entry(cell)
                cells.append([cell.coordinate, kind, value])
        sheets.append({
            "name": sheet.title,
            "state": sheet.sheet_state,
            "freeze": sheet.freeze_panes,
            "bold_a1": bool(sheet["A1"].font.b),
            "width_a": sheet.column_dimensions["A"].width,
            "cells": cells,
        })
    print(json.dumps({"sheets": sheets}))


if __name__ == "__main__":
    main()
