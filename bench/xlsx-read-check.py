#!/usr/bin/python3
"""xlsx-read-check.py A.csv B.csv: the xlsx-read benchmark's check: two
CSV files read from the same workbook hold the same rows, cell by cell;
rows with no value are left out (zhili-cat writes none, the others an
empty line or a line of commas: LibreOffice's workbook has one at its
end); a date and time in B may be one second earlier than in A (xlsx2csv
cuts the fraction of a second a serial date's float leaves, where
zhili-cat rounds it: 04:38:43.99999 is 04:38:44).  Prints one line;
exit 1 when they differ."""
import csv
import datetime
import re
import sys
from itertools import zip_longest

TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")
FMT = "%Y-%m-%d %H:%M:%S"


def second_less(a, b):
    if len(a) != 19 or not TIME.match(a) or not TIME.match(b):
        return False
    t = datetime.datetime.strptime(a, FMT) - datetime.timedelta(seconds=1)
    return t.strftime(FMT) == b


def values(f):
    return (r for r in csv.reader(f) if any(r))


def main():
    a, b = sys.argv[1:3]
    cut = rows = 0
    with open(a, newline="", encoding="utf-8") as fa, \
            open(b, newline="", encoding="utf-8") as fb:
        for rows, (x, y) in enumerate(
                zip_longest(values(fa), values(fb)), 1):
            if x == y:
                continue
            if x is None or y is None or len(x) != len(y):
                print("DIFFER: row %d: %r and %r" % (rows, x, y))
                return 1
            for u, v in zip(x, y):
                if u == v:
                    continue
                if not second_less(u, v):
                    print("DIFFER: row %d: %r and %r" % (rows, u, v))
                    return 1
                cut += 1
    print("the same: %d rows, cell by cell%s" % (rows, cut and
          ", but %d times one second less in %s (seconds cut)" %
          (cut, b.rsplit("/", 1)[-1]) or ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
