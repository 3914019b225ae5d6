#!/usr/bin/env python3
"""expect-dual.py: the reports of dual-report, computed independently.

    python3 examples/tools/expect-dual.py [--report units|communities|members]
        [--by street|month] [--total] [--mask] [--unit NAME] [--zh]
        [--from DATE] [--to DATE] [--month YYYY-MM] [--quarter YYYY-Qn]
        [--year YYYY] [-c FILE] [--list] [--batch FILE] FILE...

A second implementation of dual-report(1) written from its rules (the
text /work/wt/dr-spec.md of issue 14, and the choices its author wrote
where the text is open), not from the C code; checked against the
program by tests/examples/dual.  Python 3, standard library only; hours
are integers in hundredths, rates computed from whole numbers, never
floating point.  Writes the report as TSV (the program's -o tsv).  The
configuration: the rules' defaults (minimum 2 a quarter, deadline 30
days, no unit left out), then the dual-report: section of each -c FILE
(exclude-units: words added; the other keys replaced).
--list writes to stderr the rejected records (file, line, reason), the
merged ones (and the one each was merged into), the early activities of
the whole input and the count of records.  --batch FILE writes one report
for each line of FILE (its report options, split at spaces), each after
a line "== OPTIONS": the files are read once.

The rules, as this script reads them:
- A file's kind by its header: date -> activities; else member_id ->
  members; else unit and (community, registered_at or projects) -> units.
- members rejected: member_id or unit empty, registered_at or listed_at
  not a date, registered_at given and community empty; a member_id again:
  merged when every field is the same, else rejected.  units: unit empty,
  registered_at not a date, projects not a whole number (empty 0); a unit
  again as members.
- activities, judged after every member and unit was read, the first
  failing check wins: a member_id not listed (unknown member), else a unit
  not known (units rows, members' units), else neither; the date; hours
  (when the file has the column: a decimal, more than 0 and at most 24,
  hundredths floored, 小时/h may follow); solved (whole, empty 0);
  community (given, else the member's, else the unit's units row's).
  Then duplicates (member or unit, day, activity) merged: the first read
  counts.  Then the records of excluded units left out.
- A period [from, to]; without options, the first to the last day of the
  activities used.  A member counts when listed_at is empty or <= to;
  registered: counts and registered_at <= to; an activity is early when
  its member was not registered on its day; active: registered and its
  activities in the period that are not early >= the minimum,
  ceil(minimum x months touched / months per minimum); overdue: counts,
  listed_at + deadline-days <= to and registered_at empty or after it.
"""

import csv
import datetime as dt
import io
import re
import sys

from zltext import read_text

# canonical name: the Chinese title and the aliases (dr-spec.md; 姓名 and
# name read as member_name)
FIELDS = {
    "member_id": ["党员编号", "党员ID"],
    "member_name": ["党员姓名", "姓名", "name"],
    "unit": ["工作单位", "所在单位", "单位名称", "单位", "工作单位名称"],
    "community": ["社区", "报到社区", "居住社区", "所在社区", "服务社区", "共建社区"],
    "street": ["街道", "所属街道"],
    "registered_at": ["报到时间", "报到日期", "单位报到时间"],
    "listed_at": ["入册时间", "列入名册时间", "加入名册时间"],
    "phone": ["联系电话", "电话", "手机", "手机号", "手机号码"],
    "projects": ["共建项目数", "项目数"],
    "date": ["日期", "服务日期", "活动日期"],
    "activity": ["服务内容", "活动名称", "活动内容"],
    "hours": ["服务时长", "时长"],
    "solved": ["解决问题数", "办实事数", "解决问题"],
}
ALIAS = {}
for _k, _v in FIELDS.items():
    for _a in [_k] + _v:
        ALIAS[_a.lower()] = _k

# --zh titles of the output (dr-choices.md: active, projects, community
# and registered keep the titles other programs declared them with)
ZH = {"unit": "工作单位", "members": "党员数", "registered": "已报到",
      "registration_pct": "报到率(%)", "overdue": "逾期未报到", "active": "活跃人数",
      "participation_pct": "参与率(%)", "activities": "活动次数", "early": "报到前活动",
      "hours": "服务时长", "solved": "解决问题数", "community": "社区", "units": "共建单位",
      "projects": "服务项目数", "member_id": "党员编号", "member_name": "党员姓名",
      "phone": "联系电话", "registered_at": "报到时间", "meets_minimum": "是否达标",
      "month": "月份", "street": "街道"}

UNITS_COLS = ["unit", "members", "registered", "registration_pct", "overdue", "active",
              "participation_pct", "activities", "early", "hours", "solved"]
COMM_COLS = ["community", "registered", "units", "projects", "active", "activities",
             "early", "hours", "solved"]
MEMBER_COLS = ["member_id", "member_name", "unit", "community", "phone", "registered_at",
               "activities", "early", "hours", "solved", "meets_minimum"]


# --- values -------------------------------------------------------------------
def fold(s):
    """Full-width ASCII and the ideographic space folded, then trimmed."""
    out = []
    for c in s:
        o = ord(c)
        if 0xFF01 <= o <= 0xFF5E:
            c = chr(o - 0xFEE0)
        elif o == 0x3000:
            c = " "
        out.append(c)
    return "".join(out).strip(" \t\r\n")


def trim(s):
    return s.strip(" \t\r\n\u3000")


DATE_RES = [
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?: ?(\d{1,2})时(\d{1,2})分(?:(\d{1,2})秒)?)?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})()()()"),
]


def parse_date(s):
    """A zhili(7) date (a time is ignored), None when not one."""
    s = fold(s)
    for r in DATE_RES:
        m = r.fullmatch(s)
        if not m:
            continue
        hh, mm, ss = (int(x) if x else 0 for x in m.group(4, 5, 6))
        if hh > 23 or mm > 59 or ss > 59:
            return None
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def parse_hours(s):
    """Hundredths (floored) of hours 0 < h <= 24, or a reason."""
    t = fold(s)
    for suf in ("小时", "h", "H"):
        if t.endswith(suf):
            t = trim(t[:-len(suf)])
            break
    m = re.fullmatch(r"\+?(\d*)(?:\.(\d*))?", t)
    if not m or not (m.group(1) or m.group(2)):
        return None, f"not a number of hours ('{s}')"
    ip, frac = m.group(1) or "0", m.group(2) or ""
    num, den = int(ip + frac), 10 ** len(frac)
    if num <= 0 or num > 24 * den:
        return None, f"hours {s}: not more than 0 or more than 24"
    return num * 100 // den, None


def whole(s):
    s = fold(s)
    if s == "":
        return 0
    return int(s) if re.fullmatch(r"\d+", s) else None


def fmt(h):
    return "%d.%02d" % divmod(h, 100)


def pct(a, b):
    """a / b as a percentage with two decimals, half away from zero."""
    if b == 0:
        return ""
    q, r = divmod(a * 10000, b)
    if 2 * r >= b:
        q += 1
    return "%d.%02d" % divmod(q, 100)


def mask(p):
    n = len(p)
    if n == 0:
        return ""
    if n >= 8:
        return p[:3] + "*" * (n - 7) + p[-4:]
    return "*" * max(0, n - 2) + p[-2:]


# --- periods --------------------------------------------------------------------
def month_end(y, m):
    return dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)


def period_opts(opts):
    lo = hi = None

    def narrow(a, b):
        nonlocal lo, hi
        lo = a if lo is None or a > lo else lo
        hi = b if hi is None or b < hi else hi
    for o, v in opts:
        if o == "--from":
            narrow(parse_date(v), dt.date.max)
        elif o == "--to":
            narrow(dt.date.min, parse_date(v))
        elif o == "--month":
            y, m = map(int, v.split("-"))
            narrow(dt.date(y, m, 1), month_end(y, m))
        elif o == "--quarter":
            y, q = int(v[:4]), int(v[-1])
            narrow(dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q))
        elif o == "--year":
            y = int(v)
            narrow(dt.date(y, 1, 1), dt.date(y, 12, 31))
    return lo, hi


def months_of(lo, hi):
    """The (first, last) days of the months [lo, hi] touches, clipped."""
    out = []
    y, m = lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        out.append((max(lo, dt.date(y, m, 1)), min(hi, month_end(y, m))))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# --- configuration --------------------------------------------------------------
def read_config(paths):
    cfg = {"minimum": 2, "minimum-per": "quarter", "deadline-days": 30, "exclude-units": []}
    for path in paths:
        section = None
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = raw.split(" #")[0].rstrip()
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                if not line.startswith(" "):
                    section = line.strip().rstrip(":")
                    continue
                if section != "dual-report":
                    continue
                key, _, val = line.strip().partition(":")
                val = val.strip()
                if key == "exclude-units":
                    rep = val.startswith("!replace")
                    val = re.sub(r"^!(replace|words)\s*", "", val)
                    words = [trim(w).strip("\"'") for w in val.strip("[]").split(",")
                             if trim(w)]
                    cfg[key] = words if rep else cfg[key] + words
                elif key in ("minimum", "deadline-days"):
                    cfg[key] = int(val)
                elif key == "minimum-per":
                    cfg[key] = val
    cfg["per_months"] = {"month": 1, "quarter": 3, "year": 12}[cfg["minimum-per"]]
    return cfg


# --- reading ------------------------------------------------------------------
class Rej(Exception):
    pass


def read_file(path):
    """(kind, set of fields, [(line, {field: value})]) of a file."""
    text, _ = read_text(path)
    first = text.split("\n", 1)[0]
    if "\t" in first:
        rows, line = [], 0
        for raw in text.split("\n"):
            line += 1
            rows.append((line, [c.replace("\\t", "\t").replace("\\n", "\n")
                                .replace("\\\\", "\\") for c in raw.rstrip("\r").split("\t")]))
    else:
        rows, line = [], 1
        for r in csv.reader(io.StringIO(text, newline="")):
            rows.append((line, r))
            line += sum(c.count("\n") for c in r) + 1
    rows = [(n, r) for n, r in rows if any(c.strip() for c in r)]
    head = [ALIAS.get(trim(h).lower()) for h in rows[0][1]]
    has = {h for h in head if h}
    if "date" in has:
        kind = "activities"
    elif "member_id" in has:
        kind = "members"
    elif "unit" in has and has & {"community", "registered_at", "projects"}:
        kind = "units"
    else:
        sys.exit(f"expect-dual: {path}: neither activities, members nor units")
    recs = [(n, {h: c for h, c in zip(head, r) if h}) for n, r in rows[1:]]
    return kind, has, recs


class Data:
    def __init__(self, cfg):
        self.cfg = cfg
        self.excluded = set(cfg["exclude-units"])
        self.members = {}          # id -> member dict (excluded ones too)
        self.units = {}            # unit -> units row dict (excluded ones too)
        self.acts = []             # used activities
        self.rejected, self.merged, self.left = [], [], []
        self.n_in = 0
        self.comm_named = []       # (community) in read order, of used records
        self.street_of = {}        # community -> street of the first record naming both

    def reject(self, path, line, why):
        self.rejected.append((path, line, why))

    def name_street(self, comm, street):
        if comm and street and comm not in self.street_of:
            self.street_of[comm] = street

    def member_row(self, path, line, r):
        m = {"id": fold(r.get("member_id", "")), "name": trim(r.get("member_name", "")),
             "unit": fold(r.get("unit", "")), "community": fold(r.get("community", "")),
             "street": fold(r.get("street", "")), "phone": fold(r.get("phone", "")),
             "where": (path, line)}
        if not m["id"]:
            raise Rej("member_id empty")
        if not m["unit"]:
            raise Rej("unit empty")
        for f in ("registered_at", "listed_at"):
            v = trim(r.get(f, ""))
            m[f] = parse_date(v) if v else None
            if v and m[f] is None:
                raise Rej(f"{f} not a date ('{v}')")
        if m["registered_at"] and not m["community"]:
            raise Rej("registered with no community")
        same = ("id", "name", "unit", "community", "street", "phone", "registered_at",
                "listed_at")
        first = self.members.get(m["id"])
        if first:
            if all(first[k] == m[k] for k in same):
                self.merged.append(((path, line), first["where"]))
                return
            raise Rej(f"member {m['id']} listed twice, first at {first['where'][0]}:"
                      f"{first['where'][1]}")
        self.members[m["id"]] = m
        if m["unit"] in self.excluded:
            self.left.append((path, line))
        else:
            self.comm_named.append(m["community"])
            self.name_street(m["community"], m["street"])

    def unit_row(self, path, line, r):
        u = {"unit": fold(r.get("unit", "")), "community": fold(r.get("community", "")),
             "street": fold(r.get("street", "")), "where": (path, line)}
        if not u["unit"]:
            raise Rej("unit empty")
        v = trim(r.get("registered_at", ""))
        u["registered_at"] = parse_date(v) if v else None
        if v and u["registered_at"] is None:
            raise Rej(f"registered_at not a date ('{v}')")
        u["projects"] = whole(r.get("projects", ""))
        if u["projects"] is None:
            raise Rej(f"projects not a whole number ('{r.get('projects')}')")
        first = self.units.get(u["unit"])
        if first:
            if all(first[k] == u[k] for k in ("unit", "community", "street", "registered_at",
                                              "projects")):
                self.merged.append(((path, line), first["where"]))
                return
            raise Rej(f"unit {u['unit']} listed twice, first at {first['where'][0]}:"
                      f"{first['where'][1]}")
        self.units[u["unit"]] = u
        if u["unit"] in self.excluded:
            self.left.append((path, line))
        else:
            self.comm_named.append(u["community"])
            self.name_street(u["community"], u["street"])

    def activity(self, path, line, has, r, seen):
        mid, unit = fold(r.get("member_id", "")), fold(r.get("unit", ""))
        a = {"where": (path, line)}
        if mid:
            if mid not in self.members:
                raise Rej(f"unknown member {mid}")
            m = a["member"] = self.members[mid]
            owner, comm = m["unit"], m["community"]
        elif unit:
            known = unit in self.units or any(m["unit"] == unit for m in self.members.values())
            if not known:
                raise Rej(f"unknown unit {unit}")
            a["member"] = None
            owner = unit
            comm = self.units[unit]["community"] if unit in self.units else ""
        else:
            raise Rej("names no member and no unit")
        a["unit"] = owner
        a["day"] = parse_date(r.get("date", ""))
        if a["day"] is None:
            raise Rej(f"not a date ('{r.get('date', '')}')")
        a["hours"] = 0
        if "hours" in has:
            a["hours"], why = parse_hours(r.get("hours", ""))
            if why:
                raise Rej(why)
        a["solved"] = whole(r.get("solved", ""))
        if a["solved"] is None:
            raise Rej(f"solved not a whole number ('{r.get('solved')}')")
        a["community"] = fold(r.get("community", "")) or comm
        if not a["community"]:
            raise Rej("no community")
        a["what"] = trim(r.get("activity", ""))
        key = (("m", mid) if mid else ("u", unit), a["day"], a["what"])
        if key in seen:
            self.merged.append(((path, line), seen[key]))
            return
        seen[key] = (path, line)
        if owner in self.excluded:
            self.left.append((path, line))
            return
        m = a["member"]
        a["early"] = m is not None and (m["registered_at"] is None
                                        or a["day"] < m["registered_at"])
        self.acts.append(a)
        self.comm_named.append(a["community"])
        self.name_street(a["community"], fold(r.get("street", "")))

    def read(self, paths):
        later = []
        for path in paths:
            kind, has, recs = read_file(path)
            for line, r in recs:
                self.n_in += 1
                if kind == "activities":
                    later.append((path, line, has, r))
                    continue
                try:
                    (self.member_row if kind == "members" else self.unit_row)(path, line, r)
                except Rej as e:
                    self.reject(path, line, str(e))
        seen = {}
        for path, line, has, r in later:
            try:
                self.activity(path, line, has, r, seen)
            except Rej as e:
                self.reject(path, line, str(e))


# --- figures ----------------------------------------------------------------------
class Figures:
    """The figures of one period [lo, hi]."""

    def __init__(self, d, lo, hi):
        self.d, self.lo, self.hi = d, lo, hi
        cfg = d.cfg
        months = len(months_of(lo, hi))
        self.minimum = -(-cfg["minimum"] * months // cfg["per_months"])
        self.acts = [a for a in d.acts if lo <= a["day"] <= hi]
        self.mem = {}
        for m in d.members.values():
            if m["unit"] in d.excluded:
                continue
            counts = m["listed_at"] is None or m["listed_at"] <= hi
            reg = counts and m["registered_at"] is not None and m["registered_at"] <= hi
            dl = None
            if m["listed_at"] and cfg["deadline-days"] > 0:
                dl = m["listed_at"] + dt.timedelta(days=cfg["deadline-days"])
            overdue = (counts and dl is not None and dl <= hi and
                       (m["registered_at"] is None or m["registered_at"] > dl))
            self.mem[m["id"]] = {"m": m, "counts": counts, "registered": reg,
                                 "overdue": overdue, "acts": 0, "early": 0, "hours": 0,
                                 "solved": 0, "fair": 0}
        for a in self.acts:
            if a["member"] is None:
                continue
            f = self.mem[a["member"]["id"]]
            f["acts"] += 1
            f["early"] += a["early"]
            f["hours"] += a["hours"]
            f["solved"] += a["solved"]
            f["fair"] += not a["early"]
        for f in self.mem.values():
            f["active"] = f["registered"] and f["fair"] >= self.minimum

    def units(self):
        d = self.d
        names = {m["unit"] for m in d.members.values()} | set(d.units)
        rows = {u: {"members": 0, "registered": 0, "overdue": 0, "active": 0,
                    "activities": 0, "early": 0, "hours": 0, "solved": 0}
                for u in names - d.excluded}
        for f in self.mem.values():
            r = rows[f["m"]["unit"]]
            r["members"] += f["counts"]
            r["registered"] += f["registered"]
            r["overdue"] += f["overdue"]
            r["active"] += f["active"]
        for a in self.acts:
            r = rows[a["unit"]]
            r["activities"] += 1
            r["early"] += a["early"]
            r["hours"] += a["hours"]
            r["solved"] += a["solved"]
        return rows

    def communities(self):
        d = self.d
        rows = {c: {"registered": 0, "units": 0, "projects": 0, "active": 0, "activities": 0,
                    "early": 0, "hours": 0, "solved": 0} for c in d.comm_named if c}
        for f in self.mem.values():
            if f["registered"]:
                rows[f["m"]["community"]]["registered"] += 1
                rows[f["m"]["community"]]["active"] += f["active"]
        for u in d.units.values():
            if u["unit"] in d.excluded or not u["community"]:
                continue
            if u["registered_at"] is not None and u["registered_at"] <= self.hi:
                rows[u["community"]]["units"] += 1
                rows[u["community"]]["projects"] += u["projects"]
        for a in self.acts:
            r = rows[a["community"]]
            r["activities"] += 1
            r["early"] += a["early"]
            r["hours"] += a["hours"]
            r["solved"] += a["solved"]
        return rows


def units_cells(r):
    return [r["members"], r["registered"], pct(r["registered"], r["members"]), r["overdue"],
            r["active"], pct(r["active"], r["registered"]), r["activities"], r["early"],
            fmt(r["hours"]), r["solved"]]


def comm_cells(r):
    return [r["registered"], r["units"], r["projects"], r["active"], r["activities"],
            r["early"], fmt(r["hours"]), r["solved"]]


def add(rows):
    tot = {}
    for r in rows:
        for k, v in r.items():
            tot[k] = tot.get(k, 0) + v
    return tot


def by_street(d, rows):
    out = {}
    for c, r in rows.items():
        s = d.street_of.get(c, "")
        out[s] = add([out[s], r]) if s in out else dict(r)
    return out


def bkey(s):
    return s.encode()


def report(d, period, o):
    rep = o["report"]
    lo, hi = period
    tot_word = "合计" if o["zh"] else "total"
    out = []
    if rep == "members":
        fg = Figures(d, lo, hi)
        out.append(MEMBER_COLS)
        yes, no = ("是", "否") if o["zh"] else ("yes", "no")
        fs = [f for f in fg.mem.values() if f["counts"]
              and (o["unit"] is None or f["m"]["unit"] == o["unit"])]
        for f in sorted(fs, key=lambda f: (bkey(f["m"]["unit"]), bkey(f["m"]["id"]))):
            m = f["m"]
            out.append([m["id"], m["name"], m["unit"], m["community"],
                        mask(m["phone"]) if o["mask"] else m["phone"],
                        m["registered_at"].isoformat() if m["registered_at"] else "",
                        f["acts"], f["early"], fmt(f["hours"]), f["solved"],
                        yes if f["active"] else no])
    else:
        units = rep == "units"
        key = "unit" if units else ("street" if o["by"] == "street" else "community")
        cols = UNITS_COLS if units else COMM_COLS
        cells = units_cells if units else comm_cells
        monthly = o["by"] == "month"
        out.append([key] + (["month"] if monthly else []) + cols[1:])
        spans = months_of(lo, hi) if monthly else [(lo, hi)]
        per = []
        for a, b in spans:
            fg = Figures(d, a, b)
            rows = fg.units() if units else fg.communities()
            if o["by"] == "street":
                rows = by_street(d, rows)
            per.append(("%04d-%02d" % (a.year, a.month), rows))
        names = sorted(per[0][1], key=bkey)
        for n in names:
            for mon, rows in per:
                out.append([n] + ([mon] if monthly else []) + cells(rows[n]))
        if o["total"]:
            for mon, rows in per:
                out.append([tot_word] + ([mon] if monthly else []) +
                           cells(add(rows.values())))
    if o["zh"]:
        out[0] = [ZH[c] for c in out[0]]
    return out


def tsv(cells):
    return "\t".join(str(c).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                     for c in cells) + "\n"


# --- main ---------------------------------------------------------------------
def parse(argv, common):
    o = {"report": "units", "by": None, "total": False, "mask": False, "unit": None,
         "zh": False, "period": []}
    it = iter(argv)
    for a in it:
        if a in ("--report", "--by", "--unit"):
            o[a[2:]] = next(it)
        elif a in ("--total", "--mask", "--zh"):
            o[a[2:]] = True
        elif a in ("--from", "--to", "--month", "--quarter", "--year"):
            o["period"].append((a, next(it)))
        elif a in ("-c", "--config"):
            common["configs"].append(next(it))
        elif a == "--batch":
            common["batch"] = next(it)
        elif a == "--list":
            common["list"] = True
        elif a.startswith("-"):
            sys.exit(f"expect-dual: unknown option {a}")
        else:
            common["files"].append(a)
    if o["unit"] is not None:
        o["unit"] = fold(o["unit"])
    return o


def period_of(d, o):
    """The period of the options; a bound not given is the input's (the
    first or last day of the activities used), the one given when that
    is on its wrong side."""
    lo, hi = period_opts(o["period"])
    days = [a["day"] for a in d.acts]
    if lo is None or lo == dt.date.min:
        lo = min(days) if hi is None or min(days) <= hi else hi
    if hi is None or hi == dt.date.max:
        hi = max(days) if max(days) >= lo else lo
    return lo, hi


def run(d, o):
    return "".join(tsv(r) for r in report(d, period_of(d, o), o))


def main(argv):
    common = {"configs": [], "batch": None, "list": False, "files": []}
    o = parse(argv, common)
    d = Data(read_config(common["configs"]))
    d.read(common["files"])
    if common["batch"] is None:
        sys.stdout.write(run(d, o))
    else:
        with open(common["batch"], encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    sys.stdout.write("== " + line.strip() + "\n")
                    sys.stdout.write(run(d, parse(line.split(), common)))
    if common["list"]:
        err = sys.stderr
        order = {p: i for i, p in enumerate(common["files"])}

        def pos(w):
            return (order[w[0]], w[1])
        for path, line, why in sorted(d.rejected, key=pos):
            print(f"rejected {path}:{line}: {why}", file=err)
        for w, first in sorted(d.merged, key=lambda x: pos(x[0])):
            print(f"merged {w[0]}:{w[1]}: the same as {first[0]}:{first[1]}", file=err)
        for a in sorted((a for a in d.acts if a["early"]), key=lambda a: pos(a["where"])):
            m = a["member"]
            reg = m["registered_at"].isoformat() if m["registered_at"] else "not registered"
            print(f"early {a['where'][0]}:{a['where'][1]}: {a['day']} {m['id']} ({reg})",
                  file=err)
        used = d.n_in - len(d.rejected) - len(d.merged) - len(d.left)
        print(f"records {d.n_in}: used {used}, left out {len(d.left)}, rejected "
              f"{len(d.rejected)}, merged {len(d.merged)}", file=err)
        print(f"activities used {len(d.acts)}, early {sum(a['early'] for a in d.acts)}, "
              f"solved {sum(a['solved'] for a in d.acts)}", file=err)


if __name__ == "__main__":
    main(sys.argv[1:])
