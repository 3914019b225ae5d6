#!/usr/bin/env python3
"""expect-workers.py: the payslips of worker-salary, computed independently.

    python3 examples/tools/expect-workers.py [--summary] [--by FIELDS]
        [--total] [--zh] [--list] [--batch FILE] FILE...

A second implementation of worker-salary(1) written from its manual page
(THE PAYSLIP, CONFIGURATION, FIELDS), not from the C code, used to write
the golden outputs tests/worker-salary/example-*.out and checked against
the program by tests/examples/workers.  Python 3, standard library only;
amounts are integers in fen, rates and quotients Fractions, never floating
point.  Writes the payslips, or with --summary the summary, as TSV (the
program's -o tsv); --zh only with --summary.  The configuration is the
default (etc/zhili.yaml's worker-salary: section as zhili.yaml(5) and
worker-salary(1) state it), written out below; -c is not supported.
--list writes to stderr the rejected records (file, line, reason), the
workers of the roster without items, and the count of records.
--batch FILE writes the output of each line of FILE (its options, split at
spaces), each after a line "== OPTIONS": the files are read once.

The method, as this script reads worker-salary(1):
- A file with month and without post holds monthly items, with post and
  without month the roster, with both a row per worker and month.
- Level: pay_level when given (1-60, else rejected); else empty when
  base_pay is given; else the post's start level + the education's levels
  + years_passed, 60 at most.  base_pay: the roster's, else the level's.
- Absence: days x round(base / 21.75), rounded again; added to deduction.
  The allowance from the month after certified_at (every month without).
- gross = base + performance + allowance + overtime + other_pay -
  deduction; each contribution = round(base x rate), the base being
  contribution_base or gross, clamped to [4000, 20000].
- taxable_ytd = cumulative gross - 5000 x months employed this year (from
  January, or the hire month when hired this year) - cumulative
  contributions - cumulative special additional deductions; due =
  round(taxable_ytd x rate) - quick deduction (0 when taxable_ytd <= 0);
  tax = due - tax withheld so far, never below 0.
- Rejected: an unknown post, a level outside 1-60, an unknown education or
  certificate, a bad date or month, a negative amount or one that is not
  one, items of a worker not in the roster (or whose roster row was
  rejected), a worker twice in the roster and two items rows for one
  worker and month (the later), a month before the hire month, a month of
  a year without contributions, a net pay below zero (its month then
  leaves the worker's year as if it had no items).
- Payslips by worker_id in byte order, each worker's months in order
  (worker-salary(1) does not say; the program writes them so).
- Named as without items: a worker of the roster no items row names
  (rows rejected after the reading, such as a month before the hire
  month, count as items).
"""

import csv
import datetime as dt
import io
import re
import sys
from fractions import Fraction

from zltext import read_text

# --- the default configuration ------------------------------------------------
POSTS = {"正职": (21, ["书记", "主任", "党组织书记", "居委会主任"]),
         "副职": (11, ["副书记", "副主任"]),
         "工作人员": (1, ["社区工作者", "专职社区工作者"])}
EDUCATION = {"高中": 0, "中专": 0, "大专": 1, "本科": 2, "硕士": 3, "博士": 4}
LEVELS = [200000 + 5000 * i for i in range(60)]          # fen, levels 1-60
ALLOWANCES = {"助理社会工作师": 5000, "社会工作师": 10000, "高级社会工作师": 20000}
PAID_DAYS = Fraction("21.75")
YEAR_RATES = {"base_min": 400000, "base_max": 2000000,
              "pension": ("8", "16"), "medical": ("2", "8"),
              "unemployment": ("0.5", "0.7"), "work_injury": ("0", "0.2"),
              "housing_fund": ("10", "10")}
CONTRIBUTIONS = {y: YEAR_RATES for y in (2024, 2025, 2026)}
THRESHOLD = 500000
BRACKETS = [(3600000, 3, 0), (14400000, 10, 252000), (30000000, 20, 1692000),
            (42000000, 25, 3192000), (66000000, 30, 5292000), (96000000, 35, 8592000),
            (None, 45, 18192000)]
ITEMS = ("pension", "medical", "unemployment", "housing_fund")
EMPLOYER = ("pension", "medical", "unemployment", "work_injury", "housing_fund")

FIELDS = {
    "worker_id": ["工号", "职工编号", "人员编号"],
    "worker_name": ["职工姓名", "姓名", "name"],
    "community": ["社区"],
    "post": ["岗位", "岗位类别", "职务"],
    "pay_level": ["薪级", "等级", "级别", "level"],
    "hired_at": ["入职时间", "入职日期"],
    "education": ["学历"],
    "certificate": ["职业资格", "职业资格证书"],
    "certified_at": ["取得时间", "资格取得时间"],
    "years_passed": ["考核合格年数", "合格年数"],
    "base_pay": ["岗位薪级工资", "基本工资"],
    "contribution_base": ["缴费基数", "社保缴费基数"],
    "month": ["月份", "工资月份", "所属月份"],
    "performance": ["绩效工资", "绩效"],
    "overtime": ["加班费", "加班工资"],
    "other_pay": ["其他应发"],
    "deduction": ["扣款"],
    "absence_days": ["缺勤天数"],
    "special_additional_deduction": ["专项附加扣除"],
}
ALIAS = {}
for k, v in FIELDS.items():
    for a in [k] + v:
        ALIAS[a.lower()] = k

PAYSLIP = ["worker_id", "worker_name", "community", "post", "pay_level", "month", "base_pay",
           "performance", "allowance", "overtime", "other_pay", "deduction", "gross",
           "pension", "medical", "unemployment", "housing_fund", "contributions",
           "special_additional_deduction", "taxable_ytd", "tax_ytd", "tax", "net",
           "employer_pension", "employer_medical", "employer_unemployment",
           "employer_work_injury", "employer_housing_fund", "employer_cost"]
ZH = {"community": "社区", "post": "岗位", "headcount": "职工人数", "gross_total": "应发总额",
      "gross_mean": "人均应发", "net_mean": "人均实发", "employer_cost": "单位用工成本"}


# --- values -------------------------------------------------------------------
def fold(s):
    """Full-width characters folded to ASCII, trimmed."""
    out = []
    for c in s:
        o = ord(c)
        if 0xFF01 <= o <= 0xFF5E:
            c = chr(o - 0xFEE0)
        elif o == 0x3000:
            c = " "
        out.append(c)
    return "".join(out).strip()


def rnd(x):
    """A Fraction of fen rounded half away from zero to a whole fen."""
    x = Fraction(x)
    q, r = divmod(abs(x.numerator), x.denominator)
    if 2 * r >= x.denominator:
        q += 1
    return q if x >= 0 else -q


def pct(s):
    return Fraction(s) / 100


def amount(s):
    """fen of an amount (empty is 0); ValueError with the reason."""
    s = fold(s)
    if s == "":
        return 0
    t = s.lstrip("¥￥").rstrip("元").replace(",", "")
    m = re.fullmatch(r"(-?)(\d+)(?:\.(\d{1,2}))?", t)
    if not m:
        raise ValueError(f"not an amount ('{s}')")
    fen = int(m.group(2)) * 100 + int((m.group(3) or "0").ljust(2, "0"))
    if m.group(1):
        raise ValueError(f"negative ('{s}')")
    if fen > 10000000000:
        raise ValueError(f"more than 100000000.00 ('{s}')")
    return fen


def date(s):
    s = fold(s)
    for pat in (r"(\d{4})-(\d{1,2})-(\d{1,2})", r"(\d{4})/(\d{1,2})/(\d{1,2})",
                r"(\d{4})年(\d{1,2})月(\d{1,2})日", r"(\d{4})(\d{2})(\d{2})"):
        m = re.fullmatch(pat + r"(?:[ T].*)?", s)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError(f"not a date ('{s}')")


def month(s):
    s = fold(s)
    for pat in (r"(\d{4})-(\d{1,2})", r"(\d{4})/(\d{1,2})", r"(\d{4})年(\d{1,2})月",
                r"(\d{4})(\d{2})"):
        m = re.fullmatch(pat, s)
        if m and 1 <= int(m.group(2)) <= 12:
            return (int(m.group(1)), int(m.group(2)))
    d = date(s)
    return (d.year, d.month)


def fmt(fen):
    sign = "-" if fen < 0 else ""
    return "%s%d.%02d" % ((sign,) + divmod(abs(fen), 100))


# --- reading ------------------------------------------------------------------
class Reject(Exception):
    pass


def read_file(path):
    """(kind, [(line, {field: value})]) of a file."""
    text, _ = read_text(path)
    tsv = "\t" in text.split("\n", 1)[0]
    if tsv:                                    # no escapes in the files read here
        rows = [l.rstrip("\r").split("\t") for l in text.split("\n")]
        rows = rows[:-1] if rows and rows[-1] == [""] else rows
    else:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    head = [ALIAS.get(h.strip().lower()) for h in rows[0]]
    recs = []
    line = 1
    for r in rows[1:]:
        line += 1
        if not any(c.strip() for c in r):
            continue
        recs.append((line, {h: c.strip() for h, c in zip(head, r) if h}))
    has = set(head)
    kind = {(True, False): "items", (False, True): "roster", (True, True): "both"}.get(
        ("month" in has, "post" in has))
    if kind is None:
        sys.exit(f"expect-workers: {path}: neither roster nor items")
    return kind, recs


def post_of(word):
    for p, (_, syn) in POSTS.items():
        if word == p or word in syn:
            return p
    raise Reject(f"field 'post': unknown post '{word}'")


def roster_row(r):
    w = {"id": fold(r.get("worker_id", "")), "name": r.get("worker_name", ""),
         "community": r.get("community", "")}
    if not w["id"]:
        raise Reject("field 'worker_id': empty")
    w["post"] = post_of(r.get("post", ""))
    try:
        w["base_pay"] = amount(r["base_pay"]) if r.get("base_pay") else None
        w["contribution_base"] = (amount(r["contribution_base"])
                                  if r.get("contribution_base") else None)
        w["hired"] = date(r["hired_at"]) if r.get("hired_at") else None
        w["certified"] = date(r["certified_at"]) if r.get("certified_at") else None
    except ValueError as e:
        raise Reject(str(e))
    lv = fold(r.get("pay_level", ""))
    if lv:
        if not re.fullmatch(r"\d+", lv) or not 1 <= int(lv) <= 60:
            raise Reject(f"field 'pay_level': not a whole number from 1 to 60 ('{lv}')")
        w["level"] = int(lv)
    elif w["base_pay"] is not None:
        w["level"] = None
    else:
        edu = r.get("education", "")
        if edu and edu not in EDUCATION:
            raise Reject(f"field 'education': unknown ('{edu}')")
        yp = fold(r.get("years_passed", "")) or "0"
        if not re.fullmatch(r"\d+", yp):
            raise Reject(f"field 'years_passed': not a whole number ('{yp}')")
        w["level"] = min(60, POSTS[w["post"]][0] + EDUCATION.get(edu, 0) + int(yp))
    if w["base_pay"] is None:
        w["base_pay"] = LEVELS[w["level"] - 1]
    cert = r.get("certificate", "")
    if cert and cert not in ALLOWANCES:
        raise Reject(f"field 'certificate': unknown ('{cert}')")
    w["cert"] = cert
    return w


def items_row(r):
    it = {"month": None}
    try:
        it["month"] = month(r.get("month", ""))
        for f in ("performance", "overtime", "other_pay", "deduction",
                  "special_additional_deduction"):
            try:
                it[f] = amount(r.get(f, ""))
            except ValueError as e:
                raise Reject(f"field '{f}': {e}")
    except ValueError as e:
        raise Reject(f"field 'month': {e}")
    a = fold(r.get("absence_days", "")) or "0"
    if not re.fullmatch(r"\d+(\.\d{1,2})?", a):
        raise Reject(f"field 'absence_days': ('{a}')")
    it["absence"] = Fraction(a)
    if it["absence"] > 31:
        raise Reject(f"field 'absence_days': more than 31 ('{a}')")
    return it


def read_all(paths):
    roster, order, items, rejected, nodata = {}, [], [], [], []
    bad_roster, named = set(), set()
    n_in = 0
    parsed = [(p,) + read_file(p) for p in paths]
    # the roster first (rows of both kinds give their roster part too)
    for path, kind, recs in parsed:
        if kind == "items":
            continue
        for line, r in recs:
            if kind == "roster":
                n_in += 1
            try:
                w = roster_row(r)
            except Reject as e:
                if kind == "roster":
                    rejected.append((path, line, str(e)))
                bad_roster.add(fold(r.get("worker_id", "")))
                continue
            if w["id"] in roster:
                if kind == "roster":
                    rejected.append((path, line, f"worker '{w['id']}' twice in the roster"))
                continue
            w["where"] = (path, line)
            roster[w["id"]] = w
            order.append(w["id"])
    for path, kind, recs in parsed:
        if kind == "roster":
            continue
        for line, r in recs:
            n_in += 1
            wid = fold(r.get("worker_id", ""))
            try:
                if wid not in roster:
                    if wid in bad_roster:
                        raise Reject(f"worker '{wid}': the roster's row of the worker was rejected")
                    raise Reject(f"worker '{wid}' is not in the roster")
                named.add(wid)
                it = items_row(r)
            except Reject as e:
                rejected.append((path, line, str(e)))
                continue
            it.update(worker=roster[wid], where=(path, line))
            items.append(it)
    return roster, order, items, rejected, n_in, named


# --- the payslips ---------------------------------------------------------------
def payslips(roster, order, items, rejected):
    by = {}
    seen = {}
    for it in items:
        w, m = it["worker"], it["month"]
        k = (w["id"], m)
        if k in seen:
            p, l = seen[k]
            rejected.append(it["where"] + (f"month {m[0]}-{m[1]:02d} of worker '{w['id']}' "
                                           f"twice (first at {p}:{l})",))
            continue
        h = w["hired"]
        if h and (h.year, h.month) > m:
            rejected.append(it["where"] + (f"month before the worker was hired",))
            continue
        if m[0] not in CONTRIBUTIONS:
            rejected.append(it["where"] + (f"no contributions of {m[0]}",))
            continue
        seen[k] = it["where"]
        by.setdefault(w["id"], []).append(it)
    out = []
    for wid in sorted(order, key=lambda i: i.encode()):
        w = roster[wid]
        state = {}                             # year: (cum gross, contrib, sad, tax)
        for it in sorted(by.get(wid, []), key=lambda i: i["month"]):
            p = payslip(w, it, state)
            if p is None:
                rejected.append(it["where"] + ("net pay below zero",))
            else:
                out.append(p)
    return out, by


def payslip(w, it, state):
    y, m = it["month"]
    c = CONTRIBUTIONS[y]
    base = w["base_pay"]
    day = rnd(Fraction(base) / PAID_DAYS)
    absence = rnd(it["absence"] * day)
    deduction = it["deduction"] + absence
    cert = w["certified"]
    allowance = 0
    if w["cert"] and (cert is None or (cert.year, cert.month) < (y, m)):
        allowance = ALLOWANCES[w["cert"]]
    gross = base + it["performance"] + allowance + it["overtime"] + it["other_pay"] - deduction
    cb = w["contribution_base"] if w["contribution_base"] is not None else gross
    cb = min(max(cb, c["base_min"]), c["base_max"])
    emp = {k: rnd(cb * pct(c[k][0])) for k in ITEMS}
    er = {k: rnd(cb * pct(c[k][1])) for k in EMPLOYER}
    contributions = sum(emp.values())
    h = w["hired"]
    start = h.month if h and h.year == y else 1
    g0, c0, s0, t0 = state.get(y, (0, 0, 0, 0))
    g1, c1 = g0 + gross, c0 + contributions
    s1 = s0 + it["special_additional_deduction"]
    taxable = g1 - THRESHOLD * (m - start + 1) - c1 - s1
    due = 0
    if taxable > 0:
        for up, rate, qd in BRACKETS:
            if up is None or taxable <= up:
                due = rnd(Fraction(taxable * rate, 100)) - qd
                break
    tax = max(0, due - t0)
    net = gross - contributions - tax
    if net < 0:
        return None
    state[y] = (g1, c1, s1, t0 + tax)
    return {"worker_id": w["id"], "worker_name": w["name"], "community": w["community"],
            "post": w["post"], "pay_level": "" if w["level"] is None else str(w["level"]),
            "month": "%d-%02d" % (y, m), "base_pay": base,
            "performance": it["performance"], "allowance": allowance,
            "overtime": it["overtime"], "other_pay": it["other_pay"], "deduction": deduction,
            "gross": gross, **emp, "contributions": contributions,
            "special_additional_deduction": it["special_additional_deduction"],
            "taxable_ytd": taxable, "tax_ytd": t0 + tax, "tax": tax, "net": net,
            **{"employer_" + k: v for k, v in er.items()},
            "employer_cost": gross + sum(er.values())}


def cell(v):
    return fmt(v) if isinstance(v, int) else v


def summary(slips, by, total, zh):
    keys = by.split(",")
    head = keys + ["headcount", "gross_total", "gross_mean", "net_mean", "employer_cost"]
    groups = {}
    for p in slips:
        groups.setdefault(tuple(p[k] for k in keys), []).append(p)

    def row(label, ps):
        n = len(ps)
        g = sum(p["gross"] for p in ps)
        return label + [str(len({p["worker_id"] for p in ps})), fmt(g),
                        fmt(rnd(Fraction(g, n))),
                        fmt(rnd(Fraction(sum(p["net"] for p in ps), n))),
                        fmt(sum(p["employer_cost"] for p in ps))]

    out = [[ZH.get(h, h) for h in head] if zh else head]
    for k in sorted(groups, key=lambda k: [x.encode() for x in k]):
        out.append(row(list(k), groups[k]))
    if total:
        out.append(row(["合计" if zh else "total"] + [""] * (len(keys) - 1), slips))
    return out


def run(opts, slips):
    if opts["summary"]:
        rows = summary(slips, opts["by"], opts["total"], opts["zh"])
    else:
        rows = [PAYSLIP] + [[cell(p[k]) for k in PAYSLIP] for p in slips]
    return "".join("\t".join(r) + "\n" for r in rows)


def parse(argv, files):
    opts = {"summary": False, "by": "community,post", "total": False, "zh": False,
            "list": False, "batch": None}
    it = iter(argv)
    for a in it:
        if a in ("--summary", "--total", "--zh", "--list"):
            opts[a[2:]] = True
        elif a in ("--by", "--batch"):
            opts[a[2:]] = next(it)
        elif a.startswith("-"):
            sys.exit(f"expect-workers: unknown option {a}")
        else:
            files.append(a)
    return opts


def main(argv):
    files = []
    opts = parse(argv, files)
    roster, order, items, rejected, n_in, named = read_all(files)
    slips, by = payslips(roster, order, items, rejected)
    if opts["batch"] is None:
        sys.stdout.write(run(opts, slips))
    else:
        with open(opts["batch"], encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    sys.stdout.write("== " + line.strip() + "\n")
                    sys.stdout.write(run(parse(line.split(), []), slips))
    if opts["list"]:
        err = sys.stderr
        order_f = {p: i for i, p in enumerate(files)}
        for path, line, why in sorted(rejected, key=lambda x: (order_f[x[0]], x[1])):
            print(f"rejected {path}:{line}: {why}", file=err)
        for wid in order:
            if wid not in named:
                p, l = roster[wid]["where"]
                print(f"no items {p}:{l}: worker '{wid}'", file=err)
        print(f"records {n_in}: payslips {len(slips)}, rejected {len(rejected)}", file=err)


if __name__ == "__main__":
    main(sys.argv[1:])
