#!/usr/bin/python3
"""xlsx-check.py A.xlsx B.xlsx [N]: the xlsx-write benchmark's check: both
workbooks open (openpyxl, read-only) and their first sheets have the same
rows, cell by cell (dates as dates, numbers as numbers, text as text):
every row, or the first N.  Prints one line; exit 1 when they differ."""
import sys
from itertools import islice, zip_longest

import openpyxl


def values(path, n):
    wb = openpyxl.load_workbook(path, read_only=True)
    for row in islice(wb.worksheets[0].iter_rows(values_only=True), n):
        row = list(row)
        while row and row[-1] is None:  # trailing empty cells
            row.pop()
        yield row
    wb.close()


def main():
    a, b = sys.argv[1:3]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else None
    i = 0
    for i, (x, y) in enumerate(zip_longest(values(a, n), values(b, n)), 1):
        if x != y:
            print("DIFFER: row %d: %r and %r" % (i, x, y))
            return 1
    print("the same: %d rows, cell by cell" % i)
    return 0


if __name__ == "__main__":
    sys.exit(main())
