#!/usr/bin/python3
"""openpyxl-read.py IN.xlsx: the xlsx-read benchmark's reference: the
first sheet of a workbook read with openpyxl in read-only mode (its
fastest, streaming), written to standard output as CSV (RFC 4180, quoting
only where needed, LF line ends, as zhili-cat -o csv writes it): dates as
YYYY-MM-DD HH:MM:SS (the benchmark's date cells are all date-times),
integers without ".0", empty cells empty, trailing empty cells dropped."""
import csv
import datetime
import sys

import openpyxl


def text(v):
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def main():
    wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
    out = csv.writer(sys.stdout, lineterminator="\n")
    for row in wb.worksheets[0].iter_rows(values_only=True):
        row = [text(v) for v in row]
        while row and row[-1] == "":
            row.pop()
        out.writerow(row)
    wb.close()


if __name__ == "__main__":
    main()
