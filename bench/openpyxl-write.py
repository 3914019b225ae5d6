#!/usr/bin/python3
"""openpyxl-write.py IN.tsv OUT.xlsx: the xlsx-write benchmark's reference:
a zhili TSV file written with openpyxl in write-only mode (its fastest),
the values as zhili-cat -o xlsx writes them: dates (YYYY-MM-DD) and times
(YYYY-MM-DD HH:MM:SS) as Excel dates, everything else text (the header
bold and frozen as zhili-cat's)."""
import datetime
import re
import sys

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

ESC = re.compile(r"\\(.)")
UNESC = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")


def value(s):
    if "\\" in s:
        s = ESC.sub(lambda m: UNESC.get(m.group(1), m.group(0)), s)
    if s == "":
        return None
    try:
        if len(s) == 19 and TIME.match(s):
            return datetime.datetime.strptime(s, "%Y-%m-%d %H:%M:%S")
        if len(s) == 10 and DATE.match(s):
            return datetime.datetime.strptime(s, "%Y-%m-%d")
    except ValueError:
        pass
    return s


def main():
    src, dst = sys.argv[1:3]
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    with open(src, encoding="utf-8", newline="\n") as f:
        head = f.readline().rstrip("\n").split("\t")
        row = []
        for name in head:
            c = WriteOnlyCell(ws, value=name)
            c.font = bold
            row.append(c)
        ws.append(row)
        for line in f:
            ws.append([value(s) for s in line.rstrip("\n").split("\t")])
    wb.save(dst)


if __name__ == "__main__":
    main()
