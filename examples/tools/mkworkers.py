#!/usr/bin/env python3
"""mkworkers.py: write the example roster and monthly pay items of the
district's community workers, for worker-salary(1).

    python3 examples/tools/mkworkers.py [OUTDIR]

writes OUTDIR/roster.csv, items-2025.csv, scale-old.yaml and README; OUTDIR defaults to
examples/data/workers next to this folder.  Development only: the files it
writes are committed, the build and CI never run it (but
tests/examples/workers runs it again to check that it writes the same
bytes).  Python 3, standard library only; a fixed seed, so two runs write
the same bytes.

What is in the data (tests/worker-salary/example-* and
examples/tools/expect-workers.py depend on it):

- 288 community workers (社区工作者) of the 23 communities of Shuangluan's
  three sub-districts (the urban part), 12 or 13 a community: one 正职, two
  or three 副职, the others 工作人员, the post written as the communities
  write it (书记, 主任, 副书记, 社区工作者 ...).
- roster.csv, as Excel on Chinese Windows saves it (GB18030, CRLF, dates
  2016/9/1): hire date, education, certificate and its date, years
  assessed 合格, the level for some (the facts decide it for the others),
  a base pay of its own for a few, the contribution base for most.
- items-2025.csv, the payroll's export of 2025 (UTF-8 with a BOM, LF): a
  row per worker and month, January (or the hire month) to December.
- Planted, each listed in README with its file and line: an unknown post,
  a level outside 1-60, items of a worker not in the roster, a negative
  amount, two items rows for one worker and month; and a worker hired in
  December with no items yet.

Everything is invented: the communities are real names, the people and
their pay are made up.
"""

import datetime as dt
import os
import random
import sys

from zlnames import GIVEN, SURNAMES, URBAN_PLACES, check_places

SEED = 20251231
YEAR = 2025

HERE = os.path.dirname(os.path.abspath(__file__))

# The 23 communities of the three sub-districts (the urban part), checked
# against DIVISIONS_TSV when it is there.
PLACES = URBAN_PLACES
N_WORKERS = 288

# How the communities write each post (worker-salary's default synonyms).
POST_WORDS = {
    "正职": ["书记", "书记", "主任", "党组织书记", "居委会主任", "正职"],
    "副职": ["副书记", "副主任", "副主任", "副职"],
    "工作人员": ["社区工作者", "社区工作者", "专职社区工作者", "工作人员"],
}
START = {"正职": 21, "副职": 11, "工作人员": 1}
EDU = {"高中": 0, "中专": 0, "大专": 1, "本科": 2, "硕士": 3}
CERTS = ["助理社会工作师", "社会工作师", "高级社会工作师"]

ROSTER_HEAD = ["序号", "工号", "姓名", "社区", "岗位", "薪级", "入职时间", "学历",
               "职业资格", "取得时间", "考核合格年数", "岗位薪级工资", "缴费基数"]
ITEMS_HEAD = ["工号", "姓名", "月份", "绩效工资", "加班费", "其他应发", "扣款", "缺勤天数",
              "专项附加扣除"]


def slash(d):
    return "%d/%d/%d" % (d.year, d.month, d.day)


def money(fen):
    """An amount as the payroll export writes it: 1200, 1200.5, 98.25."""
    s = "%d.%02d" % divmod(fen, 100)
    return s.rstrip("0").rstrip(".")


def level_of(w):
    return min(60, START[w["post"]] + EDU[w["edu"]] + w["years"])


def scale(level):
    return 200000 + (level - 1) * 5000


class Gen:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.workers = []

    def day(self, y0, y1):
        a = dt.date(y0, 1, 1).toordinal()
        b = dt.date(y1, 12, 31).toordinal()
        return dt.date.fromordinal(self.rng.randint(a, b))

    def roster(self):
        rng = self.rng
        comms = [c for _, _, cl in PLACES for c, _ in cl]
        sizes = [12] * len(comms)
        for i in rng.sample(range(len(comms)), N_WORKERS - 12 * len(comms)):
            sizes[i] += 1
        n = 0
        for comm, size in zip(comms, sizes):
            deputies = 3 if size == 13 or rng.random() < 0.3 else 2
            posts = ["正职"] + ["副职"] * deputies + ["工作人员"] * (size - 1 - deputies)
            for post in posts:
                n += 1
                self.workers.append(self.person(n, comm, post))

    def person(self, n, comm, post):
        rng = self.rng
        y0, y1 = {"正职": (1992, 2014), "副职": (2003, 2019), "工作人员": (2008, 2024)}[post]
        hired = self.day(y0, y1)
        edu = rng.choices(list(EDU), [4, 6, 30, 52, 8])[0]
        years = max(0, YEAR - 1 - hired.year - (1 if rng.random() < 0.25 else 0))
        w = {"id": "SQ%04d" % n, "name": rng.choice(SURNAMES) + rng.choice(GIVEN),
             "comm": comm, "post": post, "word": rng.choice(POST_WORDS[post]),
             "hired": hired, "edu": edu, "years": years, "cert": "", "certified": None,
             "level_given": rng.random() < 0.4, "level_text": None, "base_pay": None,
             "contrib_base": None, "sad": rng.choice([0, 0, 0, 0, 100000, 150000, 200000,
                                                        200000, 300000, 400000])}
        r = rng.random()
        if r < 0.5:
            c = rng.choices(CERTS, [70, 25, 5])[0]
            cy = max(hired.year, rng.randint(2009, 2024))
            w["cert"], w["certified"] = c, self.day(cy, cy)
        return w

    def special(self):
        """Workers hired in 2025, the few with a base pay of their own, the
        planted rows of the roster."""
        rng = self.rng
        ws = self.workers
        staff = [w for w in ws if w["post"] == "工作人员"]
        # recruited by the district's exam of 2025: hired March to October
        self.hired25 = rng.sample(staff, 10)
        for w in self.hired25:
            w["hired"] = dt.date(YEAR, rng.randint(3, 10), rng.randint(1, 28))
            w["years"], w["cert"], w["certified"] = 0, "", None
            w["edu"] = rng.choice(["本科", "本科", "大专", "硕士"])
        # certificates of 2025 (the exam of October 2024, issued in spring)
        for w in rng.sample([w for w in staff if not w["cert"] and w not in self.hired25], 12):
            w["cert"] = rng.choice(["助理社会工作师", "助理社会工作师", "社会工作师"])
            w["certified"] = dt.date(YEAR, rng.randint(1, 6), rng.randint(1, 28))
        # a certificate without its date: the allowance every month
        for w in rng.sample([w for w in ws if w["cert"] and w["certified"].year < YEAR], 5):
            w["certified"] = None
        # a base pay of their own (transferred with their pay kept)
        self.own_pay = rng.sample([w for w in ws if w["post"] != "工作人员"], 4)
        for w, fen in zip(self.own_pay, [780000, 650000, 520000, 480000]):
            w["base_pay"], w["level_given"] = fen, False
        # a veteran 正职 past 60 by the facts: 60
        vet = next(w for w in ws if w["post"] == "正职" and w not in self.own_pay)
        vet.update(hired=dt.date(1986, 8, 1), edu="硕士", years=38, level_given=False)
        self.veteran = vet
        # a level given that the facts do not make (kept from a transfer)
        self.kept = rng.sample([w for w in ws if w["level_given"] and w not in self.own_pay
                                and level_of(w) < 55], 3)
        for w in self.kept:
            w["level_text"] = str(level_of(w) + rng.randint(2, 5))
        # the contribution base: last year's average monthly pay, for most
        for w in ws:
            if rng.random() < 0.6 and w not in self.hired25:
                est = (w["base_pay"] or scale(level_of(w))) + 100000
                w["contrib_base"] = est // 1000 * 1000 + rng.choice([0, 1000, 2000, 3000])
        # planted: an unknown post, a level outside 1-60, a late hire
        self.bad_post = rng.choice([w for w in staff if w not in self.hired25])
        self.bad_post["word"] = "网格员"
        self.bad_level = self.hired25[0]
        self.bad_level.update(hired=dt.date(YEAR, 9, 1), level_given=True, level_text="61")
        self.late = self.hired25[1]
        self.late["hired"] = dt.date(YEAR, 12, 22)
        self.high = rng.sample([w for w in ws if w["post"] == "正职" and w is not vet
                                and w not in self.own_pay], 2) + self.own_pay[:1]

    def items(self):
        rng = self.rng
        self.rows = []                         # (worker, month, cells dict)
        for m in range(1, 13):
            for w in self.workers:
                h = w["hired"]
                if w is self.late or (h.year == YEAR and h.month > m):
                    continue
                self.rows.append((w, m, self.month(w, m)))

    def month(self, w, m):
        rng = self.rng
        base = {"正职": 150000, "副职": 120000, "工作人员": 90000}[w["post"]]
        perf = base + rng.randint(-20, 20) * 1000
        if m == 12:
            perf += {"正职": 1200000, "副职": 900000, "工作人员": 600000}[w["post"]]
            perf += rng.randint(-10, 10) * 10000
        if m == 1 and w["post"] == "正职":
            perf += 800000                     # last year's assessment award
        over = 0
        if (m in (7, 8) and rng.random() < 0.3) or rng.random() < 0.04:
            over = rng.randint(4, 32) * 2500
        other = 10000 if w["post"] != "工作人员" else 0
        if m == 2 and rng.random() < 0.2:
            other += rng.choice([20000, 50000])
        if w in self.high and m in (1, 6):
            other += 2500000                   # an award (先进集体, 项目奖励)
        ded = rng.randint(1, 6) * 5000 if rng.random() < 0.03 else 0
        absent = rng.choice(["0.5", "1", "1.5", "2", "3", "0.25"]) if rng.random() < 0.06 else ""
        sad = w["sad"]
        if m >= 7 and w["id"] in ("SQ0007", "SQ0100", "SQ0200"):
            sad += 200000                      # a child born, a loan begun
        return {"perf": perf, "over": over, "other": other, "ded": ded,
                "absent": absent, "sad": sad}


def roster_cells(i, w):
    level = w["level_text"] or (str(level_of(w)) if w["level_given"] else "")
    return [str(i), w["id"], w["name"], w["comm"], w["word"], level, slash(w["hired"]),
            w["edu"], w["cert"], slash(w["certified"]) if w["certified"] else "",
            str(w["years"]), money(w["base_pay"]) if w["base_pay"] else "",
            money(w["contrib_base"]) if w["contrib_base"] else ""]


def item_cells(w, m, c, monthfmt="%d-%02d"):
    z = lambda f: money(f) if f else ""
    return [w["id"], w["name"], monthfmt % (YEAR, m), money(c["perf"]), z(c["over"]),
            z(c["other"]), z(c["ded"]), c["absent"], money(c["sad"])]


def write(g, out):
    rng = g.rng
    roster = [roster_cells(i + 1, w) for i, w in enumerate(g.workers)]
    items = [item_cells(w, m, c) for w, m, c in g.rows]
    bad = {w["id"] for w in [g.bad_post, g.bad_level, g.late] + g.hired25}
    notes = {}
    # items of a worker not in the roster: a digit lost
    i = next(k for k, (w, m, c) in enumerate(g.rows) if m == 4 and w["id"] == "SQ0123")
    assert g.rows[i][0]["id"] not in bad
    items[i][0] = "SQ123"
    notes["unknown"] = g.rows[i]
    unk = items[i]
    # a negative amount: a refund typed as a negative deduction
    i = next(k for k, (w, m, c) in enumerate(g.rows) if m == 9 and w["id"] == "SQ0215")
    assert g.rows[i][0]["id"] not in bad
    items[i][6] = "-150"
    notes["negative"] = g.rows[i]
    neg = items[i]
    # one worker's May entered again in June, corrected
    i = next(k for k, (w, m, c) in enumerate(g.rows) if m == 5 and w["id"] == "SQ0042")
    assert g.rows[i][0]["id"] not in bad
    first = items[i]
    again = list(first)
    again[2] = "2025年5月"
    again[3] = money(g.rows[i][2]["perf"] + 20000)
    j = next(k for k, (w, m, c) in enumerate(g.rows) if m == 6) + 40
    items.insert(j, again)
    line = lambda r: next(k for k, x in enumerate(items) if x is r) + 2
    notes["unknown_line"] = line(unk)
    notes["negative_line"] = line(neg)
    notes["twice"] = (line(first), line(again))
    os.makedirs(out, exist_ok=True)
    text = "\r\n".join(",".join(r) for r in [ROSTER_HEAD] + roster) + "\r\n"
    text.encode("gbk")
    with open(os.path.join(out, "roster.csv"), "wb") as f:
        f.write(text.encode("gb18030"))
    text = "\n".join(",".join(r) for r in [ITEMS_HEAD] + items) + "\n"
    with open(os.path.join(out, "items-2025.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return roster, items, notes


def line_of(g, w):
    return g.workers.index(w) + 2


def readme(g, roster, items, notes):
    post = {p: sum(1 for w in g.workers if w["post"] == p) for p in START}
    words = sorted({w["word"] for w in g.workers} - {"网格员"})
    lvl = sum(1 for r in roster[1:] if r[5])
    cb = sum(1 for w in g.workers if w["contrib_base"])
    cert = sum(1 for w in g.workers if w["cert"])
    uw, um, _ = notes["unknown"]
    nw, nm, _ = notes["negative"]
    u_line, n_line = notes["unknown_line"], notes["negative_line"]
    t1, t2 = notes["twice"]
    h25 = sorted(g.hired25[2:], key=lambda w: w["id"])
    c25 = sorted((w for w in g.workers if w["certified"] and w["certified"].year == YEAR),
                 key=lambda w: w["id"])
    nocert = sorted((w for w in g.workers if w["cert"] and not w["certified"]),
                    key=lambda w: w["id"])
    own = sorted(g.own_pay, key=lambda w: w["id"])
    ids = lambda ws: ", ".join(w["id"] for w in ws)
    return f"""\
Example roster and monthly pay items of the community workers (社区工作者)
of Shuangluan District, for worker-salary(1).  Written by
examples/tools/mkworkers.py (fixed seed; do not edit by hand); the
expected figures come from examples/tools/expect-workers.py, an
independent implementation of worker-salary(1)'s method, and are pinned by
tests/worker-salary/example-*; tests/examples/workers checks that the
program and the script agree on every payslip of the year.

Everything is invented: the 23 communities are real names (Shuangluan's
statistical divisions of 2023, the communities of the sub-districts
元宝山街道, 钢城街道 and 秀水街道), the people and their pay are made up.
Read with the default configuration (its scale and contribution rates are
illustrative):

    worker-salary examples/data/workers/roster.csv examples/data/workers/items-2025.csv
    worker-salary --summary --total examples/data/workers/*.csv

Files (rows below the header):
  roster.csv: {len(roster)} workers, as Excel on Chinese Windows saves a
    sheet: GB18030 (GBK), CRLF, dates 2016/9/1.  Titles 序号 工号 姓名 社区
    岗位 薪级 入职时间 学历 职业资格 取得时间 考核合格年数 岗位薪级工资 缴费基数
    (序号 is not a field of worker-salary: ignored).
  items-2025.csv: {len(items)} rows, a row per worker and month of 2025, as
    the payroll exports it: UTF-8 with a BOM, LF, months 2025-01.  Titles
    工号 姓名 月份 绩效工资 加班费 其他应发 扣款 缺勤天数 专项附加扣除; empty is 0.

The workers:
- SQ0001 to SQ{len(g.workers):04d}, community by community: {post['正职']} 正职, {post['副职']} 副职,
  {post['工作人员']} 工作人员; the posts as written: {' '.join(words)}.
- The level (薪级) is given for {lvl} workers, for the others the facts
  decide it (start level of the post + education + years assessed 合格).
  Given levels the facts do not make (kept from a transfer): {ids(sorted(g.kept, key=lambda w: w['id']))}.
  {g.veteran['id']} (hired 1986, 硕士, 38 years passed) is past 60 by the facts: 60.
- A base pay of their own (岗位薪级工资, no level): {ids(own)}.
- The contribution base (缴费基数) is given for {cb} workers; for the
  others it is the month's gross, clamped to [4000, 20000].
- {cert} workers hold a certificate; obtained in 2025 (the allowance from the
  month after): {ids(c25)};
  without its date (the allowance every month): {ids(nocert)}.
- Hired in 2025 (items from the hire month, the months employed for the
  tax from it too): {ids(h25)}.
- Pay: monthly performance pay by post, the year's performance pay in
  December, the 正职's assessment award of 2024 in January (8000), so that
  their tax of January is more than February's cumulative tax (nothing
  withheld in February, but from SQ0089); awards of 25000 in January and June for {ids(sorted(g.high, key=lambda w: w['id']))}
  (a gross above 20000: the base of those without contribution_base
  clamped to it; cumulative taxable income past 36000, the 10% bracket);
  overtime in the flood season (July, August), absences (half days,
  quarter days), special additional deductions that rise in July for
  SQ0007, SQ0100 and SQ0200.

Planted, by file and line (the header is line 1):
- Rejected (exit status 1):
    roster.csv:{line_of(g, g.bad_post)}: {g.bad_post['id']}'s post 网格员, not a post
      of the configuration; its {sum(1 for w, m, c in g.rows if w is g.bad_post)} rows of items are rejected with it
      (the roster's row of the worker was rejected).
    roster.csv:{line_of(g, g.bad_level)}: {g.bad_level['id']}'s level 61 (for 16), outside 1-60;
      its {sum(1 for w, m, c in g.rows if w is g.bad_level)} rows of items (hired in September) rejected with it.
    items-2025.csv:{u_line}: SQ123, {uw['id']} with a digit lost: not in the
      roster ({uw['id']} has no payslip of {YEAR}-{um:02d}; its May counts
      5000 × 2 months employed).
    items-2025.csv:{n_line}: {nw['id']}'s deduction -150 of {YEAR}-{nm:02d}, negative.
    items-2025.csv:{t2}: SQ0042's May again (month written 2025年5月,
      performance 200 more), entered after the month; the row of
      items-2025.csv:{t1} is the one used.
- Not rejected: {g.late['id']}, hired 2025-12-22, has no items yet (roster.csv:{line_of(g, g.late)}:
  named on standard error).
""" + README_SCALE

# The old scale for --compare: written by hand (levels a fifth of the
# built-in ones, to 10 yuan), kept here so that the folder is this
# script's output.
README_SCALE = """
scale-old.yaml is an old scale for worker-salary --compare, ILLUSTRATIVE
as the built-in one is: each level a fifth of the built-in amount (to 10
yuan), no qualification allowance.  The monthly items are the same on
both scales, so over 2025 the mean gross is 1.91 times the old one (副职
1.76, 工作人员 2.03, 正职 1.73): the figure behind "average pay doubled".
Its figures were chosen by hand; mkworkers.py writes it as it is.
"""
SCALE_OLD = """# An old scale for worker-salary --compare on the example workers
# (examples/data/workers/README): ILLUSTRATIVE, as the built-in scale is,
# since the district's amounts are not published.  Each level a fifth of
# the built-in amount (rounded to 10 yuan) and no qualification allowance:
# a flat, low base as before the three-post, sixty-level reform.  The
# monthly items (performance, overtime, other pay) are the same on both
# scales, so the mean gross about doubles (1.91 over 2025) where the base
# pay grows five times.  Merged over the built-in configuration:
#   worker-salary --compare scale-old.yaml --summary --total roster.csv items-2025.csv
worker-salary:
  levels: [
    400, 410, 420, 430, 440, 450, 460, 470, 480, 490,
    500, 510, 520, 530, 540, 550, 560, 570, 580, 590,
    600, 610, 620, 630, 640, 650, 660, 670, 680, 690,
    700, 710, 720, 730, 740, 750, 760, 770, 780, 790,
    800, 810, 820, 830, 840, 850, 860, 870, 880, 890,
    900, 910, 920, 930, 940, 950, 960, 970, 980, 990
  ]
  allowances: !replace {}
"""


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "data", "workers")
    check_places(PLACES, urban=True)
    g = Gen()
    g.roster()
    g.special()
    g.items()
    roster, items, notes = write(g, out)
    with open(os.path.join(out, "README"), "w", encoding="utf-8") as f:
        f.write(readme(g, roster, items, notes))
    with open(os.path.join(out, "scale-old.yaml"), "w", encoding="utf-8") as f:
        f.write(SCALE_OLD)
    print(f"mkworkers: {len(roster)} workers, {len(items)} rows of items", file=sys.stderr)


if __name__ == "__main__":
    main()
