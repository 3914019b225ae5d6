#!/usr/bin/env python3
"""mkcases2025.py: the case platform's monthly exports of 2025, for the
monthly report (zhili-report) on the example data.

    python3 examples/tools/mkcases2025.py [DATADIR]

reads DATADIR/cases-2024.csv (mkcases.py's export of 2024) and writes
DATADIR/cases/2025-01.csv .. 2025-12.csv: the same cases a year later,
one file a month by 上报时间, as a data folder fed by a monthly export
holds them.  January to November are UTF-8 with a BOM, as Excel's "CSV
UTF-8" saves them; December is GB18030 (GBK) with CRLF, as Excel's plain
"CSV" on Chinese Windows saves it.  DATADIR defaults to examples/data.
Development only: the files it writes are committed.  Python 3, standard
library only; no randomness.

Every time of the data is moved a year on, keeping its form (2024-03-05
14:20:00, 2024/3/5 14:20, 2024年3月5日 14时20分): a time of 2024 from March
on, or of January 2025, to the same day and time a year later; January
and February 2024 to the same day of 2025 but for the two days of
2024-02-28 and 2024-02-29, which go into the one day of 2025-02-28 at
half speed, so that no two times change order (no case closes before it
was reported) and no 2025-02-29 appears.  A date that is no date (the
broken row's 2024-02-30) only has its year changed.  Case ids SL2024… become
SL2025….  The six broken rows, the ten repeated ones and the open cases
stay as mkcases.py made them (see there), in the month of their 上报时间.
"""

import csv
import datetime as dt
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FEB28 = dt.datetime(2024, 2, 28)
MAR1 = dt.datetime(2024, 3, 1)
NEW_FEB28 = dt.datetime(2025, 2, 28)

DATE_RE = re.compile(
    r"(?P<y>20\d\d)(?P<s1>[-/年])(?P<m>\d{1,2})(?P<s2>[-/月])(?P<d>\d{1,2})(?P<day>日?)"
    r"(?:(?P<sp> )(?P<H>\d{1,2})(?P<s3>[:时])(?P<M>\d{2})(?P<s4>分|:(?P<S>\d{2}))?)?")


def shift(t):
    if t >= MAR1 or t < FEB28:
        y = t.year + 1
        return t.replace(year=y)
    return NEW_FEB28 + (t - FEB28) / 2


def redo(m):
    g = m.groupdict()
    try:
        t = dt.datetime(int(g["y"]), int(g["m"]), int(g["d"]),
                        int(g["H"] or 0), int(g["M"] or 0), int(g["S"] or 0))
    except ValueError:
        return str(int(g["y"]) + 1) + m.group(0)[4:]
    n = shift(t).replace(microsecond=0)

    def num(v, old):
        # 2024-03-05 09:07 pads, 2024/3/5 9:07 and 2024年3月5日 do not
        return f"{v:02d}" if g["s1"] == "-" else str(v)

    out = f"{n.year}{g['s1']}{num(n.month, g['m'])}{g['s2']}{num(n.day, g['d'])}{g['day']}"
    if g["H"] is not None:
        out += f"{g['sp']}{num(n.hour, g['H'])}{g['s3']}{n.minute:02d}"
        if g["S"] is not None:
            out += f":{n.second:02d}"
        elif g["s4"]:
            out += g["s4"]
    return out


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "data")
    with open(os.path.join(data, "cases-2024.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    months = {m: [] for m in range(1, 13)}
    for row in rows:
        new = [DATE_RE.sub(redo, v) for v in row]
        new = [re.sub(r"^SL2024", "SL2025", v) for v in new]
        m = re.match(r"2025\D(\d{1,2})", new[1])
        months[int(m.group(1))].append((row, new))
    os.makedirs(os.path.join(data, "cases"), exist_ok=True)
    for m, pairs in months.items():
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n" if m == 12 else "\n")
        w.writerow(header)
        for old, new in pairs:
            w.writerow(new)
        text = buf.getvalue()
        # the row with one field too many keeps its unquoted comma
        path = os.path.join(data, "cases", f"2025-{m:02d}.csv")
        with open(path, "wb") as f:
            f.write(text.encode("gb18030") if m == 12 else ("\ufeff" + text).encode("utf-8"))
    print(f"mkcases2025: {len(rows)} records", file=sys.stderr)


if __name__ == "__main__":
    main()
