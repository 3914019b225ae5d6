#!/usr/bin/env python3
"""expect-cases.py: the figures of case-stats, computed independently.

    python3 examples/tools/expect-cases.py [--by FIELD] [--total]
        [--metrics LIST] [--as-of TIME] [--config ZHILI.YAML]
        [--calendar TSV] [--report] FILE...

A second implementation of case-stats(1) written from its definitions, not
from the C code, used to write the golden outputs tests/case-stats/example-*.
Python 3, standard library only; exact arithmetic (fractions.Fraction),
never floating point.  --report writes to stderr the rejected records
(file, line, reason), the duplicates merged, and the cases whose on-time
verdict would change under a nearby reading of the definitions (so the
example data can avoid them).

Definitions:
- A record is rejected when it has not as many fields as the header,
  case_id, reported_at or status is empty, a date does not parse (the
  forms of DESIGN.md section 3), the status word is not in the
  configuration, or a closed case has no closed_at or closed_at <
  reported_at.  Rejected records are not counted.
- De-duplication by case_id: the latest updated_at wins (missing = older
  than any); on equal updated_at the more advanced state (open 0 <
  returned 1 < closed 2 = cancelled 2); else the later record.
- deadline: 办理时限 as a date-time (a date alone: 23:59:59 that day);
  "N个工作日": 23:59:59 of the N-th working day after the day of reporting;
  "N小时": reported_at plus N hours of office time (09:00-17:00 on working
  days); empty: the category's time limit of the configuration ("N day(s)"
  as N个工作日, "N hour(s)" as N小时), default for categories not listed.
- --as-of: a case reported after it is left out; a closed or cancelled
  case closed after it is open then, and not rated (before de-duplication,
  record by record).
- on_time: closed with closed_at <= deadline; closed_late: closed after it;
  with_deadline: closed with a deadline (every one here: the configuration
  has a default limit).  overdue_open: open or returned with deadline <
  --as-of.
- hours = (closed_at - reported_at) / 3600 for closed cases; median and p90
  by PERCENTILE.INC (R type 7).
- rated: satisfaction non-empty and not unrated; satisfied: in the list.
- Percentages and hours: two decimals, rounded half away from zero; empty
  when the denominator is 0.
"""

import csv
import datetime as dt
import io
import os
import re
import sys
from fractions import Fraction

from zltext import read_text

TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT_CONFIG = os.path.join(TOP, "etc", "zhili.yaml")
DEFAULT_CALENDAR = "/work/shared/data/cn-calendar-2024-2026.tsv"

ALL_METRICS = ["total", "closed", "open", "returned", "cancelled", "resolution_pct",
               "on_time", "closed_late", "with_deadline", "on_time_pct", "overdue_open",
               "hours_mean", "hours_median", "hours_p90", "hours_max", "rated",
               "satisfied", "satisfaction_pct"]

# Field names and the headers that mean them (DESIGN.md section 2: the
# canonical name, the Chinese title, aliases).
FIELDS = {
    "case_id": ["事件编号", "工单编号", "案件编号"],
    "reported_at": ["上报时间", "受理时间", "登记时间"],
    "closed_at": ["办结时间", "结案时间"],
    "status": ["状态", "办理状态"],
    "category": ["事件类型", "问题类型", "类别"],
    "description": ["事件描述", "问题描述", "诉求内容"],
    "street": ["街道"],
    "community": ["社区"],
    "grid_id": ["网格编号", "网格"],
    "channel": ["来源", "渠道"],
    "satisfaction": ["满意度", "评价"],
    "deadline": ["办理时限", "截止时间"],
    "updated_at": ["更新时间"],
}


# --- configuration (the case-stats: section, read by hand) -----------------
def flow_list(s):
    s = s.strip()
    if s.startswith("!words "):     # a word list (its merge: zhili.yaml(5))
        s = s[len("!words "):].strip()
    assert s.startswith("[") and s.endswith("]"), s
    out = []
    for item in s[1:-1].split(","):
        item = item.strip()
        if len(item) >= 2 and item[0] == item[-1] and item[0] in "\"'":
            item = item[1:-1]
        if item:
            out.append(item)
    return out


def read_config(path):
    cfg = {"statuses": {}, "satisfied": [], "unrated": [], "limits": {}}
    section = None
    sub = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
            if not line.strip():
                continue
            indent = len(line) - len(line.lstrip(" "))
            if indent == 0:
                section = line.strip().rstrip(":")
                continue
            if section != "case-stats":
                continue
            key, _, val = line.strip().partition(":")
            val = val.strip()
            if indent == 2:
                sub = key
                if key in ("satisfied", "unrated"):
                    cfg[key] = flow_list(val)
                elif key == "other":
                    cfg["other"] = val
            elif indent == 4 and sub == "statuses":
                cfg["statuses"][key] = flow_list(val)
            elif indent == 4 and sub == "time-limits":
                m = re.fullmatch(r"(\d+)\s*(day|days|hour|hours)", val)
                assert m, val
                cfg["limits"][key] = (int(m.group(1)), "days" if m.group(2).startswith("day") else "hours")
    status_class = {}
    for cls, words in cfg["statuses"].items():
        for w in words:
            status_class[w] = cls
    cfg["status_class"] = status_class
    return cfg


# --- calendar ---------------------------------------------------------------
class Calendar:
    def __init__(self, path):
        self.holidays, self.workdays = set(), set()
        with open(path, encoding="utf-8") as f:
            rows = list(csv.reader(f, delimiter="\t"))
        for d, kind, _ in rows[1:]:
            (self.holidays if kind == "holiday" else self.workdays).add(dt.date.fromisoformat(d))

    def working(self, d):
        if d in self.workdays:
            return True
        if d in self.holidays:
            return False
        return d.weekday() < 5

    def nth_after(self, d, n):
        """The n-th working day after day d (d itself not counted)."""
        while n > 0:
            d += dt.timedelta(days=1)
            if self.working(d):
                n -= 1
        return d

    def office_hours(self, t, n, strict_end=False):
        """t plus n hours of office time (09:00-17:00 on working days).
        strict_end: a deadline landing on 17:00 moves to the next opening
        (the nearby reading, for --report)."""
        left = n * 3600
        while True:
            d = t.date()
            opening = dt.datetime.combine(d, dt.time(9))
            closing = dt.datetime.combine(d, dt.time(17))
            if not self.working(d) or t >= closing:
                t = dt.datetime.combine(d + dt.timedelta(days=1), dt.time(9))
                continue
            t = max(t, opening)
            avail = int((closing - t).total_seconds())
            if left < avail or (left == avail and not strict_end):
                return t + dt.timedelta(seconds=left)
            left -= avail
            t = dt.datetime.combine(d + dt.timedelta(days=1), dt.time(9))


# --- values -----------------------------------------------------------------
FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
FULLWIDTH["\u3000"] = " "

TIME_HM = r"(\d{1,2}):(\d{2})(?::(\d{2}))?"
DATE_FORMS = [
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:\s+|T)" + TIME_HM + r")?"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?:\s+" + TIME_HM + r")?"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(?:(\d{1,2})时(\d{1,2})分(?:(\d{1,2})秒)?|" + TIME_HM + r"))?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
]


def parse_time(s):
    """(datetime, has_time) or None."""
    s = "".join(FULLWIDTH.get(ch, ch) for ch in s).strip()
    for rx in DATE_FORMS:
        m = rx.fullmatch(s)
        if not m:
            continue
        g = [x for x in m.groups()]
        y, mo, d = int(g[0]), int(g[1]), int(g[2])
        rest = [x for x in g[3:] if x is not None]
        hh = int(rest[0]) if rest else 0
        mi = int(rest[1]) if len(rest) > 1 else 0
        ss = int(rest[2]) if len(rest) > 2 else 0
        try:
            return dt.datetime(y, mo, d, hh, mi, ss), bool(rest)
        except ValueError:
            return None
    return None


TIES = []


def round2(x):
    """A Fraction as text with two decimals, half away from zero (the
    caller multiplies a rate by 100 first)."""
    q = x * 100
    sign = -1 if q < 0 else 1
    q = abs(q)
    if (q * 2).denominator == 1 and q.denominator != 1:
        TIES.append(x)                      # exactly half: --report says so
    n = q.numerator * 2 + q.denominator
    r = n // (2 * q.denominator)            # floor(q + 1/2)
    r *= sign
    return f"{'-' if r < 0 else ''}{abs(r) // 100}.{abs(r) % 100:02d}"


def percentile_inc(sorted_vals, p):
    n = len(sorted_vals)
    h = (n - 1) * p
    lo = int(h)                             # floor, h >= 0
    frac = h - lo
    if lo + 1 < n:
        return sorted_vals[lo] + (sorted_vals[lo + 1] - sorted_vals[lo]) * frac
    return sorted_vals[lo]


# --- reading ----------------------------------------------------------------
class Case:
    pass


def read_records(path, cfg, report):
    text, gb = read_text(path)
    if gb:
        report.append(f"{path}: not UTF-8, read as GB18030")
    first = text.split("\n", 1)[0]
    delim = "\t" if "\t" in first else ","
    src = io.StringIO(text, newline="")
    rd = csv.reader(src, delimiter=delim, strict=True) if delim == "," else None
    records = []
    if delim == ",":
        prev = 0
        for row in rd:
            start = prev + 1
            prev = rd.line_num
            records.append((start, row))
    else:
        for n, line in enumerate(text.split("\n"), 1):
            line = line.rstrip("\r")
            if line:
                records.append((n, [unescape(f) for f in line.split("\t")]))
    header = [h.strip() for h in records[0][1]]
    col = {}
    for i, h in enumerate(header):
        for name, titles in FIELDS.items():
            if h.lower() == name or h in titles:
                col[name] = i
    out, rejected = [], []
    for line, row in records[1:]:
        if not row or row == [""]:
            continue
        err = None
        if len(row) != len(header):
            err = f"{len(row)} fields, header has {len(header)}"
        else:
            v = {name: row[i].strip() for name, i in col.items()}
            err, case = make_case(v, cfg)
        if err:
            rejected.append((path, line, err))
            continue
        case.file, case.line = path, line
        out.append(case)
    return out, rejected


def unescape(s):
    return re.sub(r"\\([tnr\\])", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[m.group(1)], s)


def make_case(v, cfg):
    c = Case()
    c.id = v.get("case_id", "")
    if not c.id:
        return "empty case_id", None
    if not v.get("reported_at"):
        return "empty reported_at", None
    if not v.get("status"):
        return "empty status", None
    r = parse_time(v["reported_at"])
    if r is None:
        return f"reported_at: not a date: {v['reported_at']}", None
    c.reported = r[0]
    for name in ("closed_at", "updated_at"):
        t = None
        if v.get(name):
            r = parse_time(v[name])
            if r is None:
                return f"{name}: not a date: {v[name]}", None
            t = r[0]
        setattr(c, name.split("_")[0], t)
    c.status = v["status"]
    c.cls = cfg["status_class"].get(c.status)
    if c.cls is None:
        return f"unknown status: {c.status}", None
    if c.cls == "closed":
        if c.closed is None:
            return "closed case without closed_at", None
        if c.closed < c.reported:
            return "closed_at before reported_at", None
    c.deadline_text = v.get("deadline", "")
    dtext = c.deadline_text
    if dtext and not re.fullmatch(r"\d+(个工作日|小时)", dtext):
        r = parse_time(dtext)
        if r is None:
            return f"deadline: not a date: {dtext}", None
    c.category = v.get("category", "")
    c.community = v.get("community", "")
    c.street = v.get("street", "")
    c.channel = v.get("channel", "")
    c.grid = v.get("grid_id", "")
    c.satisfaction = v.get("satisfaction", "")
    return None, c


RANK = {"open": 0, "returned": 1, "closed": 2, "cancelled": 2}


def as_then(c, as_of):
    """The case as it stood at as_of: open, not rated, if closed after."""
    if c.cls in ("closed", "cancelled") and c.closed is not None and c.closed > as_of:
        c.cls = "open"
        c.satisfaction = ""
    return c


def dedup(cases):
    best = {}
    order = []
    merged = []
    for seq, c in enumerate(cases):
        c.seq = seq
        if c.id not in best:
            best[c.id] = c
            order.append(c.id)
            continue
        old = best[c.id]
        merged.append((old, c))
        ko = (old.updated or dt.datetime.min, RANK[old.cls], old.seq)
        kn = (c.updated or dt.datetime.min, RANK[c.cls], c.seq)
        if kn > ko:
            best[c.id] = c
    return [best[i] for i in order], merged


# --- figures ----------------------------------------------------------------
def deadline(c, cfg, cal, strict_end=False):
    t = c.deadline_text
    m = re.fullmatch(r"(\d+)(个工作日|小时)", t)
    if m:
        n, unit = int(m.group(1)), "days" if m.group(2) == "个工作日" else "hours"
    elif t:
        d, has_time = parse_time(t)
        return d if has_time else d.replace(hour=23, minute=59, second=59)
    else:
        n, unit = cfg["limits"].get(c.category, cfg["limits"]["default"])
    if unit == "days":
        return dt.datetime.combine(cal.nth_after(c.reported.date(), n), dt.time(23, 59, 59))
    return cal.office_hours(c.reported, n, strict_end)


def figures(cases, cfg, cal, as_of):
    f = {}
    f["total"] = len(cases)
    for cls in ("closed", "open", "returned", "cancelled"):
        f[cls] = sum(1 for c in cases if c.cls == cls)
    den = f["total"] - f["cancelled"]
    f["resolution_pct"] = round2(Fraction(f["closed"], den) * 100) if den else ""
    closed = [c for c in cases if c.cls == "closed"]
    f["on_time"] = sum(1 for c in closed if c.closed <= deadline(c, cfg, cal))
    f["closed_late"] = len(closed) - f["on_time"]
    f["with_deadline"] = len(closed)
    f["on_time_pct"] = round2(Fraction(f["on_time"], len(closed)) * 100) if closed else ""
    if as_of is None:
        f["overdue_open"] = ""      # not asked for without --as-of
    else:
        f["overdue_open"] = sum(1 for c in cases if c.cls in ("open", "returned")
                                and deadline(c, cfg, cal) < as_of)
    secs = sorted(int((c.closed - c.reported).total_seconds()) for c in closed)
    hours = [Fraction(s, 3600) for s in secs]
    if hours:
        f["hours_mean"] = round2(sum(hours) / len(hours))
        f["hours_median"] = round2(percentile_inc(hours, Fraction(1, 2)))
        f["hours_p90"] = round2(percentile_inc(hours, Fraction(9, 10)))
        f["hours_max"] = round2(hours[-1])
    else:
        f["hours_mean"] = f["hours_median"] = f["hours_p90"] = f["hours_max"] = ""
    rated = [c for c in cases if c.satisfaction and c.satisfaction not in cfg["unrated"]]
    f["rated"] = len(rated)
    f["satisfied"] = sum(1 for c in rated if c.satisfaction in cfg["satisfied"])
    f["satisfaction_pct"] = round2(Fraction(f["satisfied"], f["rated"]) * 100) if rated else ""
    return f


def group_value(c, by):
    if by == "month":
        return c.reported.strftime("%Y-%m")
    if by == "week":
        y, w, _ = c.reported.isocalendar()
        return f"{y}-W{w:02d}"
    return {"community": c.community, "street": c.street, "channel": c.channel,
            "category": c.category, "grid_id": c.grid, "grid": c.grid,
            "status": c.status}[by]


def check(cases, cfg, cal, as_of):
    """Cases whose verdict changes under a nearby reading."""
    notes = []
    for c in cases:
        d = deadline(c, cfg, cal)
        if c.cls == "closed":
            if c.closed == d:
                notes.append(f"{c.file}:{c.line}: {c.id} closed exactly at the deadline {d}")
            if d < c.closed <= d + dt.timedelta(seconds=1):
                notes.append(f"{c.file}:{c.line}: {c.id} closed one second after the deadline")
            d2 = deadline(c, cfg, cal, strict_end=True)
            if d2 != d and (c.closed <= d) != (c.closed <= d2):
                notes.append(f"{c.file}:{c.line}: {c.id} hours deadline at 17:00 decides on-time")
        elif c.cls in ("open", "returned") and as_of is not None:
            d2 = deadline(c, cfg, cal, strict_end=True)
            if (d < as_of) != (d2 < as_of) or d == as_of:
                notes.append(f"{c.file}:{c.line}: {c.id} overdue verdict is on the edge")
    return notes


def main(argv):
    by, total, metrics, as_of, report = None, False, ALL_METRICS, None, False
    config, calendar = DEFAULT_CONFIG, DEFAULT_CALENDAR
    files = []
    it = iter(argv)
    for a in it:
        if a == "--by":
            by = next(it)
        elif a == "--total":
            total = True
        elif a == "--metrics":
            metrics = next(it).split(",")
        elif a == "--as-of":
            as_of = parse_time(next(it))[0]
        elif a == "--config":
            config = next(it)
        elif a == "--calendar":
            calendar = next(it)
        elif a == "--report":
            report = True
        else:
            files.append(a)
    cfg = read_config(config)
    cal = Calendar(calendar)
    cases, rejected, notes = [], [], []
    for path in files:
        got, rej = read_records(path, cfg, notes)
        cases += got
        rejected += rej
    nrec = len(cases) + len(rejected)
    if as_of is not None:
        cases = [as_then(c, as_of) for c in cases if c.reported <= as_of]
    cases, merged = dedup(cases)

    out = sys.stdout
    if by:
        out.write("\t".join([by] + metrics) + "\n")
        groups = {}
        for c in cases:
            groups.setdefault(group_value(c, by), []).append(c)
        for g in sorted(groups):
            f = figures(groups[g], cfg, cal, as_of)
            out.write("\t".join([g] + [str(f[m]) for m in metrics]) + "\n")
        if total:
            f = figures(cases, cfg, cal, as_of)
            out.write("\t".join(["total"] + [str(f[m]) for m in metrics]) + "\n")
    else:
        out.write("\t".join(metrics) + "\n")
        f = figures(cases, cfg, cal, as_of)
        out.write("\t".join(str(f[m]) for m in metrics) + "\n")

    if report:
        err = sys.stderr
        for n in notes:
            print(n, file=err)
        for path, line, why in rejected:
            print(f"rejected {path}:{line}: {why}", file=err)
        print(f"{len(rejected)} of {nrec} records rejected", file=err)
        for old, new in merged:
            print(f"duplicate {old.id}: lines {old.file}:{old.line} and {new.line}", file=err)
        print(f"{len(merged)} duplicates merged", file=err)
        for n in check(cases, cfg, cal, as_of):
            print("edge " + n, file=err)
        for x in TIES:
            print(f"edge: {float(x)} was exactly half way when rounded", file=err)


if __name__ == "__main__":
    main(sys.argv[1:])
