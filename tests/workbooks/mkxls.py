#!/usr/bin/env python3
"""mkxls.py IN.csv OUT.xls: a CSV file (UTF-8 or GBK) as an .xls workbook
(BIFF8) with python3-xlwt, the Debian package, as csv2xlsx.py types it:
dates and times as dates, numbers as numbers, the rest as text; a second
sheet "其他" (one row).  Wrote tests/workbooks/cases-sample.xls, shipped
so that the tests need no xlwt:
  /usr/bin/python3 tests/workbooks/mkxls.py \\
      examples/data/cases-sample-gbk.csv tests/workbooks/cases-sample.xls
"""
import os
import sys

import xlwt

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "examples", "tools"))
from csv2xlsx import read, typed  # noqa: E402


def main(src, dst):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("案件")
    styles = {}
    for i, row in enumerate(read(src)):
        for j, s in enumerate(row):
            v, fmt = (s, None) if i == 0 else typed(s)
            if fmt is None:
                ws.write(i, j, v)
            else:
                st = styles.setdefault(fmt, xlwt.easyxf(num_format_str=fmt))
                ws.write(i, j, v, st)
    other = wb.add_sheet("其他")
    other.write(0, 0, "sheet")
    other.write(1, 0, "other")
    wb.save(dst)


if __name__ == "__main__":
    main(*sys.argv[1:])
