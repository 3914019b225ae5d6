#!/usr/bin/env python3
"""expect-volunteers.py: the reports of volunteer-points, computed independently.

    python3 examples/tools/expect-volunteers.py [--report NAME] [--as-of DATE]
        [--total] [--volunteer ID] [--top N] [--by hours|points]
        [--from DATE] [--to DATE] [--month YYYY-MM] [--quarter YYYY-Qn]
        [--year YYYY] [--zh] [-c ZHILI.YAML] [--list] [--batch FILE] FILE...

A second implementation of volunteer-points(1) written from its rules (issue
12), not from the C code, used to write the golden outputs
tests/volunteer-points/example-*.out and checked against the program by
tests/examples/volunteers.  Python 3, standard library only; hours and
points are integers in hundredths, never floating point.  Writes the report
as TSV (the program's -o tsv).  The configuration is etc/zhili.yaml's
volunteer-points: section, then that of each -c FILE (kinds merged key by
key unless !replace, verified words added, the other keys replaced).
--list writes to stderr the rejected records (file, line, reason), the
merged ones (and the one each was merged into) and the count of records.
--batch FILE writes one report for each line of FILE (its report options,
split at spaces), each after a line "== OPTIONS": the records are read
and the ledger computed once.

The rules, as this script reads them:
- Fields by header (case and surrounding spaces ignored): the canonical
  name, the Chinese title, the aliases; title rows above the header are
  skipped.  A file with hours holds service records, one with points
  redemptions, one with both either (hours given: a service; else points
  given: a redemption; neither or both: rejected).
- Rejected: an empty volunteer id, a bad date or one after --as-of, hours
  <= 0 or > 24 or not a number (a unit 小时 or h may follow), an unknown
  kind (unless default-multiplier), points not > 0 or with more than two
  decimals, a redemption of a volunteer with no service record (merged
  and unverified ones count), a redemption larger than the balance then.
- Step by step: duplicates (volunteer, day, project, hours) merged, the
  first verified one (else the first) kept; unverified records earn
  nothing; hours rounded down to the unit; the daily cap in the order
  time, project, kind, hours, read order; points = floor(hours x
  points-per-hour x multiplier); points of month M expire on the first
  day of month M + N + 1; a day's events: expiries, earnings, redemptions
  (by time, points, item, read order); a redemption spends the oldest
  points first.
- A volunteer's name and team: those of the latest service record (merged
  ones too; the later read on the same day and time).  teams: a team is
  one named on any service record, merged ones too, and its volunteers
  are those of any such record.  ledger: an earning's date is its day, a
  service cut to nothing (by the unit or the cap) is listed with 0.00.
"""

import csv
import datetime as dt
import io
import os
import re
import sys

from zltext import read_text

TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT_CONFIG = os.path.join(TOP, "etc", "zhili.yaml")

# canonical name: the Chinese title and the aliases
FIELDS = {
    "volunteer_id": ["志愿者编号", "编号", "志愿者ID"],
    "volunteer_name": ["姓名", "志愿者姓名", "name"],
    "team": ["志愿服务队", "队伍", "服务队", "志愿队"],
    "project": ["服务项目", "项目", "项目名称"],
    "date": ["日期", "服务日期", "兑换日期", "服务时间", "兑换时间"],
    "hours": ["服务时长", "时长", "小时数"],
    "kind": ["服务类型", "类型", "服务类别"],
    "verified": ["审核状态", "是否审核", "审核"],
    "points": ["兑换积分", "积分"],
    "item": ["兑换物品", "物品", "商品", "兑换商品"],
}
ZH = {"volunteer_id": "志愿者编号", "volunteer_name": "姓名", "team": "志愿服务队",
      "hours": "服务时长", "earned": "获得积分", "redeemed": "已兑换积分",
      "expired": "已过期积分", "balance": "积分余额", "star": "星级",
      "unverified_hours": "未审核时长", "date": "日期", "event": "事项", "what": "内容",
      "kind": "服务类型", "change": "积分变动", "volunteers": "志愿者人数",
      "active": "活跃人数", "projects": "服务项目数", "services": "服务次数",
      "rank": "名次", "stars_0": "无星级", "stars_1": "一星级", "stars_2": "二星级",
      "stars_3": "三星级", "stars_4": "四星级", "stars_5": "五星级"}
EVENT_ZH = {"earn": "获得", "redeem": "兑换", "expire": "过期"}


# --- numbers ------------------------------------------------------------------
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
    return "".join(out).strip()


def decimal(s, max_decimals=None):
    """'12.345' -> (1234, (12345, 1000)): the hundredths (extra decimals
    dropped) and the exact value as a fraction; None when not a plain
    decimal (or one with more than max_decimals decimals)."""
    m = re.fullmatch(r"([0-9]+)(?:\.([0-9]+))?", s)
    if not m:
        return None
    frac = m.group(2) or ""
    if max_decimals is not None and len(frac) > max_decimals:
        return None
    num = int(m.group(1) + frac)
    den = 10 ** len(frac)
    return num * 100 // den, (num, den)


def fmt(h):
    """hundredths -> '12.34' ('-0.50' for -50)."""
    sign = "-" if h < 0 else ""
    h = abs(h)
    return "%s%d.%02d" % (sign, h // 100, h % 100)


# --- dates --------------------------------------------------------------------
DATE_RES = [
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?: ?(\d{1,2})时(\d{1,2})分(?:(\d{1,2})秒)?)?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})()()()"),
]


def parse_date(s):
    """'2025/3/5' -> (date, seconds of the day), None when not a date."""
    s = fold(s)
    for r in DATE_RES:
        m = r.fullmatch(s)
        if not m:
            continue
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        hh, mm, ss = (int(x) if x else 0 for x in m.group(4, 5, 6))
        try:
            day = dt.date(y, mo, d)
        except ValueError:
            return None
        if hh > 23 or mm > 59 or ss > 59:
            return None
        return day, hh * 3600 + mm * 60 + ss
    return None


def month_index(day):
    return day.year * 12 + day.month - 1


def first_of(month):
    return dt.date(month // 12, month % 12 + 1, 1)


def period(args):
    """(from, to) days, None for no bound."""
    lo, hi = None, None

    def narrow(a, b):
        nonlocal lo, hi
        lo = a if lo is None or a > lo else lo
        hi = b if hi is None or b < hi else hi
    for opt, val in args:
        if opt == "--from":
            narrow(parse_date(val)[0], dt.date.max)
        elif opt == "--to":
            narrow(dt.date.min, parse_date(val)[0])
        elif opt == "--month":
            y, m = map(int, val.split("-"))
            narrow(dt.date(y, m, 1), first_of(y * 12 + m) - dt.timedelta(days=1))
        elif opt == "--quarter":
            y, q = int(val[:4]), int(val[-1])
            narrow(dt.date(y, 3 * q - 2, 1), first_of(y * 12 + 3 * q) - dt.timedelta(days=1))
        elif opt == "--year":
            y = int(val)
            narrow(dt.date(y, 1, 1), dt.date(y, 12, 31))
    return lo, hi


# --- configuration (the volunteer-points: section, read by hand) --------------
def flow_list(s):
    s = s.strip()
    if s.startswith("!words "):
        s = s[len("!words "):].strip()
    assert s.startswith("[") and s.endswith("]"), s
    return [x.strip().strip("\"'") for x in s[1:-1].split(",") if x.strip()]


def read_section(path, cfg, user):
    """The volunteer-points: section of a zhili.yaml into cfg: the built-in
    file sets every key; a user's file (user) adds kinds key by key (all
    of them with kinds: !replace) and verified words, and replaces the
    other keys.  Block or flow mappings and flow lists only."""
    section, sub = None, None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if raw.lstrip().startswith("#") or not raw.strip():
                continue
            line = raw.split(" #")[0].rstrip()
            indent = len(line) - len(line.lstrip(" "))
            if indent == 0:
                section = line.strip().rstrip(":")
                continue
            if section != "volunteer-points":
                continue
            key, _, val = line.strip().partition(":")
            val = val.strip()
            if indent == 2:
                sub = key
                if key == "kinds":
                    if not user or val.startswith("!replace"):
                        cfg["kinds"] = {}
                        val = val[len("!replace"):].strip()
                    if val.startswith("{"):
                        for item in val.strip("{}").split(","):
                            k, _, v = item.partition(":")
                            cfg["kinds"][k.strip()] = v.strip()
                elif key == "verified":
                    words = flow_list(val)
                    cfg[key] = cfg[key] + words if user and not val.startswith("!replace") else words
                elif key == "stars":
                    cfg[key] = flow_list(val)
                else:
                    cfg[key] = None if val in ("~", "null", "") else val
            elif indent == 4 and sub == "kinds":
                cfg["kinds"][key] = val


def read_config(paths):
    cfg = {"points-per-hour": "10", "kinds": {"日常服务": "1", "专业服务": "1.5", "应急服务": "2"},
           "default-multiplier": None, "hours-unit": "0.5", "daily-cap": "8",
           "verified": ["已审核", "审核通过", "是"], "expiry-months": "24",
           "stars": ["100", "300", "600", "1000", "1500"]}
    for i, path in enumerate(paths):
        read_section(path, cfg, i > 0)

    def h(s):
        return decimal(s)[0]
    return {"pph": h(cfg["points-per-hour"]),
            "kinds": {k: h(v) for k, v in cfg["kinds"].items()},
            "default": None if cfg["default-multiplier"] is None else h(cfg["default-multiplier"]),
            "unit": h(cfg["hours-unit"]), "cap": h(cfg["daily-cap"]),
            "verified": [w.lower() for w in cfg["verified"]],
            "expiry": int(cfg["expiry-months"]),
            "stars": [h(s) for s in cfg["stars"]]}


# --- reading ------------------------------------------------------------------
class Rec:
    pass


def canonical(title):
    t = title.strip().lower()
    for name, alias in FIELDS.items():
        if t == name or t in (a.lower() for a in alias):
            return name
    return None


def read_file(path, cfg, as_of, seq):
    """Service records and redemptions of one file, and the rejected."""
    text, _ = read_text(path)
    first = text.split("\n", 1)[0]
    delim = "\t" if "\t" in first else ","
    if delim == "\t":
        rows = [(i + 1, l.rstrip("\r").split("\t")) for i, l in enumerate(text.split("\n"))]
        rows = [(n, [c.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\") for c in r])
                for n, r in rows]
    else:
        rows, line = [], 1
        for r in csv.reader(io.StringIO(text, newline="")):
            rows.append((line, r))
            line += sum(c.count("\n") for c in r) + 1
    rows = [(n, r) for n, r in rows if any(c != "" for c in r)]
    head = None
    for i, (n, r) in enumerate(rows[:20]):
        names = [canonical(c) for c in r]
        if "volunteer_id" in names and "date" in names and ("hours" in names or "points" in names):
            head = i
            break
    if head is None:
        sys.exit(f"expect-volunteers: {path}: no header naming volunteer_id, date and hours or points")
    names = [canonical(c) for c in rows[head][1]]
    svcs, reds, rejected = [], [], []
    for n, r in rows[head + 1:]:
        if len(r) != len(names):
            rejected.append((path, n, f"{len(r)} fields, the header has {len(names)}"))
            continue
        f = {k: v for k, v in zip(names, r) if k}
        seq[0] += 1
        why = None
        x = Rec()
        x.file, x.line, x.seq = path, n, seq[0]
        x.vid = fold(f.get("volunteer_id", ""))
        hours_s, points_s = fold(f.get("hours", "")), fold(f.get("points", ""))
        is_svc = hours_s != "" if "hours" in f and "points" in f else "hours" in f
        if "hours" in f and "points" in f and (hours_s == "") == (points_s == ""):
            why = "both hours and points, or neither"
        d = parse_date(f.get("date", ""))
        if why:
            pass
        elif x.vid == "":
            why = "empty volunteer id"
        elif d is None:
            why = f"not a date ({f.get('date', '')!r})"
        elif d[0] > as_of:
            why = f"date after --as-of ({d[0]})"
        if why is None:
            x.day, x.time = d
            if is_svc:
                hs = re.sub(r"(小时|h)$", "", hours_s).strip()
                v = decimal(hs)
                if v is None:
                    why = f"hours not a number ({hours_s!r})"
                else:
                    x.hours = v[0]
                    num, den = v[1]
                    if num <= 0 or num > 24 * den:
                        why = f"hours {hours_s!r}: not more than 0 and at most 24"
                if why is None:
                    x.kind = f.get("kind", "").strip()
                    if x.kind in cfg["kinds"]:
                        x.mult = cfg["kinds"][x.kind]
                    elif cfg["default"] is not None:
                        x.mult = cfg["default"]
                    else:
                        why = f"unknown kind {x.kind!r}"
                if why is None:
                    x.verified = f.get("verified", "").strip().lower() in cfg["verified"] \
                        if "verified" in f else True
                    x.project = f.get("project", "").strip()
                    x.team = f.get("team", "").strip()
                    x.name = f.get("volunteer_name", "").strip()
                    svcs.append(x)
            else:
                v = decimal(points_s, 2)
                if v is None or v[0] <= 0:
                    why = f"points not more than 0 with at most two decimals ({points_s!r})"
                else:
                    x.points = v[0]
                    x.item = f.get("item", "").strip()
                    reds.append(x)
        if why:
            rejected.append((path, n, why))
    return svcs, reds, rejected


# --- the ledger -----------------------------------------------------------------
class Vol:
    def __init__(self, vid):
        self.vid = vid
        self.records = []        # every service record not rejected (merged ones too)
        self.kept = []           # after merging
        self.events = []         # (day, order key, event dict)
        self.hours = self.earned = self.redeemed = self.expired = self.unverified = 0
        self.balance = 0


def dedupe(svcs):
    groups = {}
    for s in svcs:
        groups.setdefault((s.vid, s.day, s.project, s.hours), []).append(s)
    kept, merged = [], []
    for g in groups.values():
        g.sort(key=lambda s: s.seq)
        keep = next((s for s in g if s.verified), g[0])
        kept.append(keep)
        merged += [(s, keep) for s in g if s is not keep]
    kept.sort(key=lambda s: s.seq)
    return kept, merged


def ledger(vols, reds, cfg, as_of, rejected):
    """Steps 3 to 9 for every volunteer; redemptions rejected added."""
    by = {}
    for r in reds:
        by.setdefault(r.vid, []).append(r)
    for vid, rs in by.items():
        if vid not in vols:
            for r in rs:
                rejected.append((r.file, r.line, f"volunteer {vid!r} has no service record"))
    for v in vols.values():
        # steps 3 to 5: unit, cap, points
        days = {}
        for s in v.kept:
            if not s.verified:
                v.unverified += s.hours
                s.counted = s.points = 0
                continue
            days.setdefault(s.day, []).append(s)
        earn = []
        for day, ss in days.items():
            ss.sort(key=lambda s: (s.time, s.project.encode(), s.kind.encode(), s.hours, s.seq))
            used = 0
            for s in ss:
                c = s.hours // cfg["unit"] * cfg["unit"]
                if cfg["cap"]:
                    c = max(0, min(c, cfg["cap"] - used))
                used += c
                s.counted = c
                s.points = c * cfg["pph"] * s.mult // 10000
                v.hours += c
                earn.append(s)
        # steps 6 to 9: the events in order
        pools = {}               # earning month -> points left
        ev = []
        for i, s in enumerate(sorted(earn, key=lambda s: (s.day, s.time, s.project.encode(),
                                                         s.kind.encode(), s.hours, s.seq))):
            ev.append((s.day, 1, i, "earn", s))
        for r in sorted(by.get(v.vid, []), key=lambda r: (r.time, r.points, r.item.encode(), r.seq)):
            ev.append((r.day, 2, (r.time, r.points, r.item.encode(), r.seq), "redeem", r))
        months = sorted({month_index(s.day) for s in earn})
        if cfg["expiry"]:
            for m in months:
                d = first_of(m + cfg["expiry"] + 1)
                if d <= as_of:
                    ev.append((d, 0, m, "expire", m))
        ev.sort(key=lambda e: e[:3])
        bal = 0
        for day, _, _, what, x in ev:
            if what == "earn":
                pools[month_index(x.day)] = pools.get(month_index(x.day), 0) + x.points
                bal += x.points
                v.earned += x.points
                v.events.append({"date": x.day, "event": "earn", "what": x.project, "kind": x.kind,
                                 "hours": fmt(x.counted), "change": x.points, "balance": bal})
            elif what == "expire":
                left = pools.pop(x, 0)
                if left:
                    bal -= left
                    v.expired += left
                    v.events.append({"date": day, "event": "expire",
                                     "what": "%04d-%02d" % (x // 12, x % 12 + 1), "kind": "",
                                     "hours": "", "change": -left, "balance": bal})
            else:
                if x.points > bal:
                    rejected.append((x.file, x.line, f"a redemption of {fmt(x.points)} points is "
                                     f"more than the balance {fmt(bal)} on {x.day}"))
                    continue
                need = x.points
                for m in sorted(pools):
                    take = min(need, pools[m])
                    pools[m] -= take
                    need -= take
                    if not pools[m]:
                        del pools[m]
                    if not need:
                        break
                bal -= x.points
                v.redeemed += x.points
                x.applied = True
                v.events.append({"date": x.day, "event": "redeem", "what": x.item, "kind": "",
                                 "hours": "", "change": -x.points, "balance": bal})
        v.balance = bal
        assert bal == v.earned - v.redeemed - v.expired and bal >= 0
        v.star = sum(1 for t in cfg["stars"] if t <= v.hours)


def latest(v):
    """The service record that gives a volunteer's name and team."""
    return max(v.records, key=lambda s: (s.day, s.time, s.seq))


# --- reports -------------------------------------------------------------------
def tsv(cells):
    return "\t".join(str(c).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                     .replace("\r", "\\r") for c in cells)


def in_period(day, per):
    lo, hi = per
    return (lo is None or day >= lo) and (hi is None or day <= hi)


def report_balance(vols, opts, out):
    cols = ["volunteer_id", "volunteer_name", "team", "hours", "earned", "redeemed",
            "expired", "balance", "star", "unverified_hours"]
    out.append(cols)
    tot = [0] * 6
    for vid in sorted(vols, key=lambda k: k.encode()):
        v = vols[vid]
        s = latest(v)
        figs = [v.hours, v.earned, v.redeemed, v.expired, v.balance, v.unverified]
        tot = [a + b for a, b in zip(tot, figs)]
        out.append([vid, s.name, s.team] + [fmt(x) for x in figs[:5]] + [v.star, fmt(figs[5])])
    if opts["total"]:
        out.append([opts["total_word"], "", ""] + [fmt(x) for x in tot[:5]] + ["", fmt(tot[5])])


def report_ledger(vols, opts, out):
    out.append(["volunteer_id", "volunteer_name", "date", "event", "what", "kind", "hours",
                "change", "balance"])
    for vid in sorted(vols, key=lambda k: k.encode()):
        if opts["volunteer"] is not None and vid != opts["volunteer"]:
            continue
        v = vols[vid]
        name = latest(v).name
        for e in v.events:
            if not in_period(e["date"], opts["period"]):
                continue
            ev = EVENT_ZH[e["event"]] if opts["zh"] else e["event"]
            out.append([vid, name, e["date"].isoformat(), ev, e["what"], e["kind"], e["hours"],
                        fmt(e["change"]), fmt(e["balance"])])


def report_teams(vols, kept_all, opts, out):
    out.append(["team", "volunteers", "active", "hours", "earned", "projects", "services",
                "unverified_hours"])
    teams = {}

    def row(t):
        return teams.setdefault(t, {"vols": set(), "active": set(), "hours": 0, "earned": 0,
                                    "projects": set(), "services": 0, "unverified": 0})
    for v in vols.values():
        for s in v.records:
            row(s.team)["vols"].add(v.vid)
    for s in kept_all:
        if not in_period(s.day, opts["period"]):
            continue
        t = row(s.team)
        if not s.verified:
            t["unverified"] += s.hours
            continue
        t["active"].add(s.vid)
        t["hours"] += s.counted
        t["earned"] += s.points
        if s.project:
            t["projects"].add(s.project)
        t["services"] += 1
    tot = {"vols": set(), "active": set(), "hours": 0, "earned": 0, "projects": set(),
           "services": 0, "unverified": 0}
    for name in sorted(teams, key=lambda k: k.encode()):
        t = teams[name]
        out.append([name, len(t["vols"]), len(t["active"]), fmt(t["hours"]), fmt(t["earned"]),
                    len(t["projects"]), t["services"], fmt(t["unverified"])])
        for k in ("vols", "active", "projects"):
            tot[k] |= t[k]
        for k in ("hours", "earned", "services", "unverified"):
            tot[k] += t[k]
    if opts["total"]:
        t = tot
        out.append([opts["total_word"], len(t["vols"]), len(t["active"]), fmt(t["hours"]),
                    fmt(t["earned"]), len(t["projects"]), t["services"], fmt(t["unverified"])])


def report_rank(vols, kept_all, opts, out):
    out.append(["rank", "volunteer_id", "volunteer_name", "team", "hours", "earned"])
    figs = {}
    for s in kept_all:
        if s.verified and in_period(s.day, opts["period"]):
            f = figs.setdefault(s.vid, [0, 0])
            f[0] += s.counted
            f[1] += s.points
    i = 0 if opts["by"] == "hours" else 1
    rows = sorted(((f, vid) for vid, f in figs.items() if f[i] > 0),
                  key=lambda x: (-x[0][i], x[1].encode()))
    rank, prev = 0, None
    for n, (f, vid) in enumerate(rows, 1):
        if f[i] != prev:
            rank, prev = n, f[i]
        if rank > opts["top"]:
            break
        s = latest(vols[vid])
        out.append([rank, vid, s.name, s.team, fmt(f[0]), fmt(f[1])])


def report_stars(vols, opts, out):
    out.append(["team"] + ["stars_%d" % i for i in range(6)] + ["volunteers"])
    teams = {}
    for v in vols.values():
        t = teams.setdefault(latest(v).team, [0] * 6)
        t[v.star] += 1
    tot = [0] * 6
    for name in sorted(teams, key=lambda k: k.encode()):
        t = teams[name]
        tot = [a + b for a, b in zip(tot, t)]
        out.append([name] + t + [sum(t)])
    if opts["total"]:
        out.append([opts["total_word"]] + tot + [sum(tot)])


# --- main ---------------------------------------------------------------------
def parse(argv, common):
    """The options of argv: those of a report (a dict), and into common
    the others (--as-of, -c, --batch, --list, the files)."""
    opts = {"report": "balance", "total": False, "volunteer": None, "top": 10, "by": "hours",
            "zh": False}
    per = []
    it = iter(argv)
    for a in it:
        if a in ("--report", "--volunteer", "--by"):
            opts[a[2:]] = next(it)
        elif a == "--top":
            opts["top"] = int(next(it))
        elif a in ("--total", "--zh"):
            opts[a[2:]] = True
        elif a in ("--from", "--to", "--month", "--quarter", "--year"):
            per.append((a, next(it)))
        elif a == "--as-of":
            common["as_of"] = parse_date(next(it))[0]
        elif a in ("-c", "--config"):
            common["configs"].append(next(it))
        elif a == "--batch":
            common["batch"] = next(it)
        elif a == "--list":
            common["list"] = True
        else:
            common["files"].append(a)
    if opts["volunteer"] is not None:
        opts["volunteer"] = fold(opts["volunteer"])
    opts["period"] = period(per)
    opts["total_word"] = "合计" if opts["zh"] else "total"
    return opts


def report(vols, kept, opts):
    """The rows of one report, its header first."""
    out = []
    rep = opts["report"]
    if rep == "balance":
        report_balance(vols, opts, out)
    elif rep == "ledger":
        report_ledger(vols, opts, out)
    elif rep == "teams":
        report_teams(vols, kept, opts, out)
    elif rep == "rank":
        report_rank(vols, kept, opts, out)
    elif rep == "stars":
        report_stars(vols, opts, out)
    else:
        sys.exit(f"expect-volunteers: no report {rep}")
    if opts["zh"]:
        out[0] = [ZH.get(c, c) for c in out[0]]
    return out


def main(argv):
    common = {"as_of": None, "configs": [DEFAULT_CONFIG], "batch": None, "list": False,
              "files": []}
    opts = parse(argv, common)
    files, as_of = common["files"], common["as_of"]
    if as_of is None:
        as_of = (dt.datetime.utcnow() + dt.timedelta(hours=8)).date()
    cfg = read_config(common["configs"])
    seq = [0]
    svcs, reds, rejected = [], [], []
    for path in files:
        s, r, j = read_file(path, cfg, as_of, seq)
        svcs += s
        reds += r
        rejected += j
    n_in = len(svcs) + len(reds) + len(rejected)
    kept, merged = dedupe(svcs)
    vols = {}
    for s in svcs:
        vols.setdefault(s.vid, Vol(s.vid)).records.append(s)
    for s in kept:
        vols[s.vid].kept.append(s)
    ledger(vols, reds, cfg, as_of, rejected)

    if common["batch"] is None:
        sys.stdout.write("".join(tsv(r) + "\n" for r in report(vols, kept, opts)))
    else:
        # one report for each line of the batch file (its options, split
        # at spaces), each after a line "== OPTIONS"
        with open(common["batch"], encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    o = parse(line.split(), {"configs": [], "files": []})
                    sys.stdout.write("== " + line.strip() + "\n")
                    sys.stdout.write("".join(tsv(r) + "\n" for r in report(vols, kept, o)))

    if common["list"]:
        err = sys.stderr
        order = {p: i for i, p in enumerate(files)}
        for path, line, why in sorted(rejected, key=lambda x: (order[x[0]], x[1])):
            print(f"rejected {path}:{line}: {why}", file=err)
        for s, keep in sorted(merged, key=lambda m: m[0].seq):
            print(f"merged {s.file}:{s.line}: the same service as {keep.file}:{keep.line}", file=err)
        applied = sum(1 for r in reds if getattr(r, "applied", False))
        print(f"records {n_in}: services {len(kept)} ({sum(1 for s in kept if not s.verified)} "
              f"unverified), redemptions applied {applied}, rejected {len(rejected)}, "
              f"merged {len(merged)}", file=err)
        assert n_in == len(kept) + applied + len(rejected) + len(merged)


if __name__ == "__main__":
    main(sys.argv[1:])
