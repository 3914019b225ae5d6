#!/usr/bin/env python3
"""csv2xlsx.py [--sheet NAME] [--title TEXT] IN.csv OUT.xlsx...: a CSV file
(UTF-8 or GBK) saved as a workbook the way staff keep one, with
python3-openpyxl: dates and times as dates (yyyy-mm-dd, yyyy-mm-dd
hh:mm:ss), numbers as numbers where the number shows as the text did
(12, 3.5; not 007, 1234.50, or an ID of more than 15 digits), the rest as
text.  --title puts a title row above the header; --sheet names the sheet
(after a first sheet "说明" when --notes is given).  Several pairs of
files: each converted.  zhili reads the
workbook as it reads the CSV: tests/zhili-cat/xlsx-examples.sh checks it."""
import csv
import datetime
import re
import sys

import openpyxl

DT = re.compile(r"^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$")
D = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
INT = re.compile(r"^-?(0|[1-9]\d{0,14})$")
NUM = re.compile(r"^-?\d+\.\d+$")


def typed(s):
    try:
        return typed_as(s)
    except ValueError:  # 2024-02-30: no date
        return s, None


def typed_as(s):
    m = DT.match(s)
    if m:
        return datetime.datetime(*map(int, m.groups())), "yyyy-mm-dd hh:mm:ss"
    m = D.match(s)
    if m:
        return datetime.date(*map(int, m.groups())), "yyyy-mm-dd"
    if INT.match(s):
        return int(s), None
    if NUM.match(s) and repr(float(s)) == s and len(s) <= 16:
        return float(s), None
    return s, None


def read(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    return list(csv.reader(text.splitlines(keepends=True)))


def main(argv):
    sheet, title, notes = None, None, False
    while argv and argv[0].startswith("--"):
        opt = argv.pop(0)
        if opt == "--sheet":
            sheet = argv.pop(0)
        elif opt == "--title":
            title = argv.pop(0)
        elif opt == "--notes":
            notes = True
    for src, dst in zip(argv[0::2], argv[1::2]):
        save(src, dst, sheet, title, notes)


def save(src, dst, sheet, title, notes):
    wb = openpyxl.Workbook(write_only=True)
    if notes:
        ws = wb.create_sheet("说明")
        ws.append(["this sheet is not the data"])
    ws = wb.create_sheet(sheet or "Sheet1")
    if title:
        ws.append([title])
    for i, row in enumerate(read(src)):
        cells = []
        for s in row:
            if i == 0:
                cells.append(s)
                continue
            v, fmt = typed(s)
            if fmt is None:
                cells.append(v)
            else:
                c = openpyxl.cell.WriteOnlyCell(ws, value=v)
                c.number_format = fmt
                cells.append(c)
        ws.append(cells)
    wb.save(dst)


if __name__ == "__main__":
    main(sys.argv[1:])
