#!/usr/bin/env python3
"""mkdual.py: write the example records of the dual reporting mechanism
(双报到), for dual-report(1).

    python3 examples/tools/mkdual.py [OUTDIR]

writes OUTDIR/members.csv, units.csv, activities-2025-H1.csv,
activities-2025-H2.csv, unit-activities-2025.csv, exclude.yaml and
README; OUTDIR defaults to examples/data/dual next to this folder.
Development only: the files it writes are committed, the build and CI
never run it (but tests/examples/dual runs it again to check that it
writes the same bytes).  Python 3, standard library only; a fixed seed,
so two runs write the same bytes.

What is in the data (examples/tools/expect-dual.py and
tests/examples/dual depend on it):

- 48 of the district's organs, institutions and enterprises (one of them
  left out by exclude.yaml, one with no member listed) and their 845
  in-service party members (在职党员), each registered (报到) with the
  urban community where they live (the 23 communities of Shuangluan's
  three sub-districts, zlnames.URBAN_PLACES); the units themselves
  registered with a community they build with (共建社区), with their
  projects (共建项目数).
- members.csv, the organisation department's roster as Excel on Chinese
  Windows saves it (GB18030, CRLF, dates 2023/7/5); units.csv (UTF-8 with
  a BOM); the activities of 2025 as the platform exports them, a half year
  a file (the second export begins a day early), and the units' own
  activities (no hours column).
- Planted, each listed in README with its file and line: members not
  registered, registered late (overdue), activities before the member
  registered (early), duplicates (rows entered twice, the overlapping
  exports, a member and a unit written twice), unknown members and units,
  hours out of range, broken rows (a bad date, a bad count), rows the
  program must reject for the spec's other reasons, and the units of a
  unit left out by exclude.yaml (exclude-units).

Everything is invented: the communities and sub-districts are real names;
the units are invented, plausible names of a district's organs,
institutions and enterprises (no list of the district's real units was
used); the people and their records are made up.
"""

import datetime as dt
import os
import random
import sys
import unicodedata

from zlnames import GIVEN, SURNAMES, URBAN_PLACES, check_places

SEED = 20251231
YEAR = 2025
HERE = os.path.dirname(os.path.abspath(__file__))

STREET = {c: s for s, _, cl in URBAN_PLACES for c, _ in cl}
COMMUNITIES = [c for _, _, cl in URBAN_PLACES for c, _ in cl]

# The units (invented names, as a district's are written): (name, members).
ORGANS = [
    ("区委办公室", 14), ("区人大常委会机关", 10), ("区政府办公室", 16), ("区政协机关", 9),
    ("区纪委监委", 22), ("区委组织部", 15), ("区委宣传部", 11), ("区委统战部", 8),
    ("区委政法委", 9), ("区发展和改革局", 14), ("区教育局", 18), ("区公安分局", 46),
    ("区民政局", 12), ("区司法局", 13), ("区财政局", 19), ("区人力资源和社会保障局", 17),
    ("区自然资源和规划局", 15), ("区住房和城乡建设局", 16), ("区交通运输局", 11),
    ("区农业农村局", 13), ("区文化广电和旅游局", 10), ("区卫生健康局", 12),
    ("区应急管理局", 9), ("区审计局", 8), ("区市场监督管理局", 21), ("区统计局", 6),
    ("区医疗保障局", 7), ("区行政审批局", 12), ("区城市管理综合行政执法局", 24),
    ("区人民法院", 28), ("区人民检察院", 20), ("区税务局", 25), ("区总工会", 6),
    ("团区委", 5), ("区妇联", 5),
]
INSTITUTIONS = [
    ("双滦区人民医院", 58), ("双滦区中医院", 27), ("双滦区疾病预防控制中心", 14),
    ("双滦区实验中学", 36), ("双滦区实验小学", 24), ("双滦区第二小学", 18),
    ("双滦区融媒体中心", 9),
]
ENTERPRISES = [
    ("承德钢铁集团", 96), ("双滦区城市建设投资有限公司", 17), ("双滦区自来水公司", 12),
    ("双滦农商银行", 15), ("承德滦河热力有限公司", 0),
]
# Left out of the figures by exclude.yaml: the local branch of a company
# whose party members report through their own system.
EXCLUDED = ("国网双滦区供电公司", 13)
UNITS = ORGANS + INSTITUTIONS + ENTERPRISES + [EXCLUDED]
NO_UNITS_ROW = "区统计局"            # named by members only: no units row
NOT_REGISTERED_UNIT = "双滦区城市建设投资有限公司"
LATE_UNIT = "双滦农商银行"           # registered in May 2025
BAD_PROJECTS_UNIT = "区审计局"       # its units row says 若干 projects

# What members and units do, and what a unit's kind does most.
ACTIVITIES = ["政策宣讲", "环境整治", "入户走访", "文明交通劝导", "垃圾分类宣传", "助老服务",
              "关爱困难群众", "平安巡逻", "矛盾纠纷调解", "反诈宣传", "创城志愿服务",
              "楼道清理", "便民服务", "消防安全检查", "扫雪除冰", "防汛值守", "疫苗接种引导",
              "关爱留守儿童"]
SPECIAL = {"双滦区人民医院": ["义诊", "健康讲座"], "双滦区中医院": ["义诊", "健康讲座"],
           "双滦区疾病预防控制中心": ["健康讲座", "疫苗接种引导"],
           "区人民法院": ["法律咨询"], "区司法局": ["法律咨询", "矛盾纠纷调解"],
           "区人民检察院": ["法律咨询"], "区公安分局": ["反诈宣传", "平安巡逻"],
           "双滦区实验中学": ["四点半课堂"], "双滦区实验小学": ["四点半课堂"],
           "双滦区第二小学": ["四点半课堂"], "区税务局": ["政策宣讲"],
           "区应急管理局": ["消防安全检查", "防汛值守"]}
UNIT_ACTIVITIES = ["主题党日共建活动", "志愿服务集中行动", "送温暖慰问", "共建项目推进",
                   "环境卫生大扫除", "文艺汇演", "政策宣讲会", "困难群众帮扶"]
SEASON = {"扫雪除冰": (1, 2, 3, 11, 12), "防汛值守": (6, 7, 8, 9)}
HOURS = ["1", "1.5", "2", "2", "2", "2.5", "3", "3", "4"]

ROSTER_DAY = dt.date(2023, 6, 30)       # the first roster of in-service members
MEMBERS_HEAD = ["序号", "党员编号", "姓名", "工作单位", "所属街道", "报到社区", "入册时间",
                "报到时间", "联系电话"]
UNITS_HEAD = ["单位名称", "所属街道", "共建社区", "单位报到时间", "共建项目数"]
ACT_HEAD = ["党员编号", "姓名", "工作单位", "服务日期", "服务内容", "服务时长", "解决问题数",
            "服务社区"]
UACT_HEAD = ["单位名称", "活动日期", "活动名称", "服务社区", "参与人数", "解决问题数"]

EXCLUDE_YAML = """\
# The example's configuration for dual-report (examples/data/dual/README),
# merged over the built-in one with -c: the State Grid's local branch
# reports its members through its own system, so the district leaves it
# out of its figures.
dual-report:
  exclude-units: [%s]
""" % EXCLUDED[0]


def slash(d):
    return "%d/%d/%d" % (d.year, d.month, d.day)


def chinese(d):
    return "%d年%d月%d日" % (d.year, d.month, d.day)


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def day_of_year(n):
    return dt.date(YEAR, 1, 1) + dt.timedelta(days=n)


class File:
    """Rows of a CSV file as written, each with a set of tags."""

    def __init__(self, name, header, enc, eol):
        self.name, self.header, self.enc, self.eol = name, header, enc, eol
        self.rows = []

    def add(self, cells, tags=()):
        assert not any(ch in "".join(cells) for ch in ',"\r\n'), cells
        self.rows.append((cells, set(tags)))

    def lines(self, tag):
        return [i + 2 for i, (c, t) in enumerate(self.rows) if tag in t]

    def bytes(self):
        text = self.eol.join(",".join(r) for r in [self.header] + [c for c, _ in self.rows])
        text += self.eol
        if self.enc == "gbk":
            text.encode("gbk")                 # every character is in GBK
            return text.encode("gb18030")
        data = text.encode("utf-8")
        return b"\xef\xbb\xbf" + data if self.enc == "bom" else data


class Gen:
    def __init__(self):
        self.rng = random.Random(SEED)
        names = [s + g for s in SURNAMES for g in GIVEN]
        self.rng.shuffle(names)
        self.names = names
        self.keys = set()                      # (member or unit, day, activity)
        self.acts = []                         # member activities
        self.uacts = []                        # unit activities

    def day(self, lo, hi):
        """A day from lo to hi, weekends likelier."""
        rng = self.rng
        while True:
            d = lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))
            if d.weekday() < 5 and rng.random() < 0.45:
                continue
            return d

    # -- units and members ---------------------------------------------------
    def units(self):
        rng = self.rng
        self.unit = {}
        for name, n in UNITS:
            u = {"name": name, "n": n, "community": rng.choice(COMMUNITIES),
                 "registered": dt.date(2023, 7, 1) + dt.timedelta(days=rng.randint(0, 40)),
                 "projects": rng.choice([1, 2, 2, 3, 3, 4, 5]), "row": name != NO_UNITS_ROW,
                 "members": []}
            self.unit[name] = u
        self.unit[NOT_REGISTERED_UNIT]["registered"] = None
        self.unit[NOT_REGISTERED_UNIT]["projects"] = 0
        self.unit[LATE_UNIT]["registered"] = dt.date(YEAR, 5, 12)

    def members(self):
        rng = self.rng
        self.mem = []
        for name, n in UNITS:
            for _ in range(n):
                m = {"unit": name, "name": self.names.pop(), "tags": set()}
                r = rng.random()
                if r < 0.06:
                    m["listed"] = None
                elif r < 0.78:
                    m["listed"] = ROSTER_DAY
                else:
                    m["listed"] = dt.date(2023, 7, 1) + dt.timedelta(days=rng.randint(0, 540))
                base = m["listed"] or ROSTER_DAY
                m["registered"] = base + dt.timedelta(days=rng.randint(1, 26))
                m["community"] = rng.choice(COMMUNITIES)
                p = rng.random()
                m["phone"] = ("" if p < 0.05 else
                              "1%d%09d" % (rng.choice([3, 5, 8, 9]), rng.randint(0, 10 ** 9 - 1)))
                m["level"] = "low" if rng.random() < 0.14 else "usual"
                self.mem.append(m)
                self.unit[name]["members"].append(m)
        for i, m in enumerate(self.mem):
            m["id"] = "DY%05d" % (i + 1)
        ordinary = [m for m in self.mem if m["unit"] != EXCLUDED[0]]
        pick = rng.sample(ordinary, 40)
        # joined the roster in 2025 (transferred in, newly admitted), a
        # month to register: 8 on time, 5 late, 3 not yet
        self.new25 = pick[:16]
        for k, m in enumerate(self.new25):
            m["listed"] = dt.date(YEAR, 1, 6) + dt.timedelta(days=rng.randint(0, 300))
            if k < 8:
                m["registered"] = m["listed"] + dt.timedelta(days=rng.randint(3, 30))
                m["tags"].add("new")
            elif k < 13:
                m["registered"] = m["listed"] + dt.timedelta(days=rng.randint(35, 70))
                m["tags"].add("late")
            else:
                m["registered"] = None
                m["tags"].add("never")
                if k == 15:
                    m["community"] = ""
        # on the first roster, registered late (2023) or not at all
        for m in pick[16:19]:
            m["listed"] = ROSTER_DAY
            m["registered"] = ROSTER_DAY + dt.timedelta(days=rng.randint(40, 90))
            m["tags"].add("late")
        for k, m in enumerate(pick[19:22]):
            m["listed"] = ROSTER_DAY
            m["registered"] = None
            m["tags"].add("never")
            if k == 0:
                m["community"] = ""
        # not registered, no listing date (not overdue)
        for m in pick[22:24]:
            m["listed"] = None
            m["registered"] = None
            m["tags"].add("unlisted-never")
        # registered in 2025 although listed long before: served before
        for m in pick[24:30]:
            m["registered"] = dt.date(YEAR, 1, 1) + dt.timedelta(days=rng.randint(60, 250))
            m["tags"].add("late")
            m["tags"].add("early")
        # landlines and a short number
        for m, ph in zip(pick[30:33], ["0314-4012345", "0314-4038861", "4012345"]):
            m["phone"] = ph
        # broken rows: registered with no community, a date that is not one;
        # they have no activities (their rows are rejected)
        self.nocomm, self.baddate = pick[33], pick[34]
        for m in (self.nocomm, self.baddate):
            m["tags"].add("broken")
            m["listed"] = ROSTER_DAY
            m["registered"] = ROSTER_DAY + dt.timedelta(days=5)
        self.twice_same, self.twice_diff = pick[35], pick[36]
        self.fullwidth = pick[37]
        for m in self.mem:
            m["street"] = STREET.get(m["community"], "")
        self.excl = [m for m in self.mem if m["unit"] == EXCLUDED[0]]
        for m in self.excl:
            m["registered"] = min(m["registered"], dt.date(2024, 12, 31))

    # -- activities -----------------------------------------------------------
    def add(self, m, d, what, hours, solved, comm, tags=()):
        k = (m["id"], d, what)
        if k in self.keys:
            return False
        self.keys.add(k)
        self.acts.append({"m": m, "day": d, "what": what, "hours": hours, "solved": solved,
                          "comm": comm, "tags": set(tags)})
        return True

    def solved(self):
        r = self.rng.random()
        return 2 if r < 0.015 else 1 if r < 0.13 else 0

    def member_activities(self):
        rng = self.rng
        last = dt.date(YEAR, 12, 31)
        for m in self.mem:
            if m["tags"] & {"broken"}:
                continue
            u = self.unit[m["unit"]]
            pool = SPECIAL.get(m["unit"], []) * 3 + ACTIVITIES
            reg = m["registered"]
            if reg is None or reg > last:
                n = 2 if m["tags"] & {"never", "unlisted-never"} and rng.random() < 0.7 else 0
                lo = m["listed"] if m["listed"] and m["listed"].year == YEAR else dt.date(YEAR, 1, 1)
                tags = {"early"}
            else:
                n = rng.randint(0, 6) if m["level"] == "low" else rng.randint(8, 15)
                lo = max(reg, dt.date(YEAR, 1, 1))
                if "early" in m["tags"]:
                    lo = dt.date(YEAR, 1, 1)
                tags = set()
            if m["listed"] and m["listed"].year == YEAR:
                lo = max(lo, m["listed"])
                n = max(2, n * ((last - lo).days + 1) // 365)
            if "early" in m["tags"]:
                n = max(n, 9)
            k = 0
            while k < n:
                d = self.day(lo, last)
                what = rng.choice(pool)
                ok, early = d.month in SEASON.get(what, (d.month,)), reg is None or d < reg
                if early and not tags and "early" not in m["tags"]:
                    ok = False
                r = rng.random()
                comm = (m["community"] if r < 0.7 else u["community"] if r < 0.76 else "")
                if not comm and not m["community"]:
                    comm = u["community"]
                if ok and self.add(m, d, what, rng.choice(HOURS), self.solved(), comm,
                                   {"early"} if early else set()):
                    k += 1
        # New Year's Day and the last day of the year: visits
        for d in (dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)):
            for m in rng.sample([m for m in self.mem if m["registered"]
                                 and m["registered"] < dt.date(YEAR, 1, 1)
                                 and m["unit"] != EXCLUDED[0]
                                 and not m["tags"] & {"broken"}], 12):
                self.add(m, d, "走访慰问", rng.choice(["2", "3"]), rng.choice([0, 1, 1]),
                         m["community"])

    def unit_activities(self):
        rng = self.rng
        for name, _ in UNITS:
            u = self.unit[name]
            if u["registered"] is None and u["members"]:
                continue
            n = rng.randint(3, 8)
            lo = max(u["registered"] or dt.date(YEAR, 1, 1), dt.date(YEAR, 1, 1))
            seen = set()
            while len(seen) < n:
                d = self.day(lo, dt.date(YEAR, 12, 31))
                what = rng.choice(UNIT_ACTIVITIES)
                if (d, what) in seen:
                    continue
                seen.add((d, what))
                comm = u["community"] if rng.random() < 0.8 else ""
                if name in (BAD_PROJECTS_UNIT, "承德滦河热力有限公司"):
                    comm = u["community"]
                self.uacts.append({"unit": name, "day": d, "what": what, "comm": comm,
                                   "people": str(rng.randint(5, 40)),
                                   "solved": rng.choice([0, 1, 2, 2, 3, 3, 4, 5, 6]),
                                   "tags": set()})
        # the unit with no units row: a community given, or none (rejected)
        nr = [a for a in self.uacts if a["unit"] == NO_UNITS_ROW]
        for a in nr:
            a["comm"] = self.unit[NO_UNITS_ROW]["community"]
        nr[-1]["comm"] = ""
        nr[-1]["tags"].add("nocomm")


def member_cells(i, m):
    return [str(i), m["id"], m["name"], m["unit"], m["street"], m["community"],
            slash(m["listed"]) if m["listed"] else "",
            slash(m["registered"]) if m["registered"] else "", m["phone"]]


def act_cells(a, datefmt):
    m = a["m"]
    return [m["id"], m["name"], m["unit"], datefmt(a), a["what"], a["hours"],
            str(a["solved"]), a["comm"]]


def write(g, out):
    rng = g.rng
    files = {}
    # members.csv: the roster, by unit
    mf = files["members"] = File("members.csv", MEMBERS_HEAD, "gbk", "\r\n")
    for i, m in enumerate(g.mem):
        c = member_cells(i + 1, m)
        tags = set(m["tags"])
        if m is g.nocomm:
            c[4] = c[5] = ""
            tags.add("nocomm")
        if m is g.baddate:
            c[7] = "2023/7/32"
            tags.add("baddate")
        if m["unit"] == EXCLUDED[0]:
            tags.add("excluded")
        mf.add(c, tags)
        if m is g.twice_same:
            mf.add(member_cells(i + 1, m), tags | {"twice-same"})
        if m is g.twice_diff:
            first = c
    # the same member again at the end, with another unit: rejected
    c = list(first)
    c[0] = str(len(g.mem) + 1)
    c[3] = rng.choice([u for u, _ in ORGANS if u != c[3]])
    mf.add(c, {"twice-diff"})
    # units.csv
    uf = files["units"] = File("units.csv", UNITS_HEAD, "bom", "\r\n")
    for name, _ in UNITS:
        u = g.unit[name]
        if not u["row"]:
            continue
        c = [name, STREET[u["community"]], u["community"],
             chinese(u["registered"]) if u["registered"] else "",
             str(u["projects"]) if u["registered"] else ""]
        tags = {"excluded"} if name == EXCLUDED[0] else set()
        if name == BAD_PROJECTS_UNIT:
            c[4] = "若干"
            tags.add("badprojects")
        uf.add(c, tags)
        if name == "区委宣传部":
            uf.add(list(c), {"twice-same"})
    # activities of members, in two exports; the second begins on June 30
    acts = sorted(g.acts, key=lambda a: (a["day"], a["m"]["unit"], a["m"]["id"], a["what"]))
    h1 = files["h1"] = File("activities-2025-H1.csv", ACT_HEAD, "bom", "\r\n")
    h2 = files["h2"] = File("activities-2025-H2.csv", ACT_HEAD, "utf8", "\n")
    iso_t = lambda a: "%s %02d:%02d" % (a["day"].isoformat(), a["t"] // 60, a["t"] % 60)
    iso = lambda a: a["day"].isoformat()
    overlap = dt.date(YEAR, 6, 30)
    for a in acts:
        a["t"] = rng.choice([8 * 60 + 30, 9 * 60, 14 * 60 + 30, 15 * 60, 19 * 60])
        tags = set(a["tags"])
        if a["m"]["unit"] == EXCLUDED[0]:
            tags.add("excluded")
        if a["day"] < dt.date(YEAR, 7, 1):
            h1.add(act_cells(a, iso_t), tags)
        if a["day"] >= overlap and not (a["day"] == overlap and "excluded" in tags):
            h2.add(act_cells(a, iso), tags | ({"overlap"} if a["day"] == overlap else set()))
    # messy but valid: a full-width id, hours with a unit, an empty count
    plain = [i for i, (c, t) in enumerate(h1.rows) if not t]
    i = rng.choice(plain)
    h1.rows[i][0][0] = fullwidth(h1.rows[i][0][0])
    h1.rows[i][1].add("fullwidth")
    for i in sorted(rng.sample([i for i, (c, t) in enumerate(h2.rows) if not t], 6)):
        c = h2.rows[i][0]
        c[5] += "小时" if rng.random() < 0.5 else "h"
        h2.rows[i][1].add("unit")
    for i in sorted(rng.sample([i for i, (c, t) in enumerate(h2.rows)
                                if not t and c[6] == "0"], 10)):
        h2.rows[i][0][6] = ""
        h2.rows[i][1].add("empty")

    def copy_near(f, tag, edit=None, pred=lambda c: True):
        """A copy of a plain row of f a few rows below it, edited."""
        i = rng.choice([i for i, (c, t) in enumerate(f.rows) if not t and pred(c)])
        c = list(f.rows[i][0])
        if edit:
            edit(c)
        f.rows.insert(i + rng.randint(1, 25), (c, {tag}))
        return c
    # rows entered twice: as they were, and with other hours (the first counts)
    for f in (h1, h2):
        copy_near(f, "twice")
    copy_near(h2, "twice-hours", lambda c: c.__setitem__(5, "2.5" if c[5] != "2.5" else "3"))
    # unknown members: a digit lost
    copy_near(h1, "unknown", lambda c: c.__setitem__(0, c[0][:2] + c[0][3:]))
    copy_near(h2, "unknown", lambda c: c.__setitem__(0, c[0][:2] + c[0][3:]))
    # hours out of range, a date that is not one, a count that is not one
    copy_near(h1, "hours", lambda c: c.__setitem__(5, "0"), lambda c: c[1] != "")
    copy_near(h1, "hours", lambda c: c.__setitem__(5, "25"))
    copy_near(h2, "hours", lambda c: c.__setitem__(5, "24.5"))
    copy_near(h1, "baddate", lambda c: c.__setitem__(3, "2025-02-29 09:00"),
              lambda c: c[3].startswith("2025-02"))
    copy_near(h2, "badsolved", lambda c: c.__setitem__(6, "两件"))
    # the units' own activities, by date
    ua = sorted(g.uacts, key=lambda a: (a["day"], a["unit"], a["what"]))
    u = files["uacts"] = File("unit-activities-2025.csv", UACT_HEAD, "bom", "\r\n")
    for a in ua:
        tags = set(a["tags"])
        if a["unit"] == EXCLUDED[0]:
            tags.add("excluded")
        u.add([a["unit"], slash(a["day"]), a["what"], a["comm"], a["people"],
               str(a["solved"])], tags)
    i = rng.choice([i for i, (c, t) in enumerate(u.rows) if not t])
    u.rows[i][0][0] += " "
    u.rows[i][1].add("space")
    copy_near(u, "twice")
    copy_near(u, "unknown-unit", lambda c: c.__setitem__(0, c[0].replace("局", "厅")),
              lambda c: c[0].endswith("财政局"))
    copy_near(u, "noname", lambda c: c.__setitem__(0, ""))
    os.makedirs(out, exist_ok=True)
    for f in files.values():
        with open(os.path.join(out, f.name), "wb") as fh:
            fh.write(f.bytes())
    with open(os.path.join(out, "exclude.yaml"), "w", encoding="utf-8") as fh:
        fh.write(EXCLUDE_YAML)
    return files


def counts(files):
    """Records, rejected, merged and left out by file, from the tags."""
    rej = {"nocomm", "baddate", "twice-diff", "badprojects", "unknown", "hours", "badsolved",
           "unknown-unit", "noname"}
    mer = {"twice-same", "twice", "twice-hours", "overlap"}
    out = {}
    for key, f in files.items():
        n = {"rows": len(f.rows), "rejected": 0, "merged": 0, "excluded": 0}
        for c, t in f.rows:
            if t & rej:
                n["rejected"] += 1
            elif t & mer:
                n["merged"] += 1
            elif "excluded" in t:
                n["excluded"] += 1
        out[key] = n
    return out


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def wrap(line, limit=76):
    """A long line broken at spaces, its parts indented as it is (a list
    item's two more), wide characters counted twice."""
    if width(line) <= limit:
        return [line]
    lead = line[:len(line) - len(line.lstrip())]
    more = lead + "  " if line.lstrip().startswith("- ") or lead else lead
    out, cur = [], lead
    for w in line.split(" ")[len(lead):]:
        if cur.strip() and width(cur + " " + w) > limit:
            out.append(cur)
            cur = more + w
        else:
            cur = cur + (" " if cur.strip() else "") + w
    out.append(cur)
    return out


def ids(ms):
    return ", ".join(m["id"] for m in sorted(ms, key=lambda m: m["id"]))


def readme(g, files):
    mf, uf, h1, h2, u = (files[k] for k in ("members", "units", "h1", "h2", "uacts"))
    n = counts(files)
    tot = {k: sum(x[k] for x in n.values()) for k in ("rows", "rejected", "merged", "excluded")}
    used = tot["rows"] - tot["rejected"] - tot["merged"] - tot["excluded"]
    acts = [a for a in g.acts if a["m"]["unit"] != EXCLUDED[0]]
    uacts = [a for a in g.uacts if a["unit"] != EXCLUDED[0] and "nocomm" not in a["tags"]]
    solved = sum(a["solved"] for a in acts) + sum(a["solved"] for a in uacts)
    early = [a for a in acts if "early" in a["tags"]]
    last = dt.date(YEAR, 12, 31)
    ok = [m for m in g.mem if m["unit"] != EXCLUDED[0] and "broken" not in m["tags"]]
    overdue = [m for m in ok if m["listed"] and m["listed"] + dt.timedelta(days=30) <= last
               and (m["registered"] is None or
                    m["registered"] > m["listed"] + dt.timedelta(days=30))]
    never = [m for m in ok if m["registered"] is None]
    new25 = [m for m in ok if m["listed"] and m["listed"].year == YEAR]
    units = [x for x, _ in UNITS if x != EXCLUDED[0]]

    def at(f, tag):
        return ", ".join(f"{f.name}:{line}" for line in f.lines(tag))
    ov = h2.lines("overlap")
    text = f"""\
Example records of the dual reporting mechanism (双报到) of Shuangluan
District, for dual-report(1): the in-service party members (在职党员) of
the district's organs, institutions and enterprises, registered (报到)
with the communities where they live, the units registered with the
communities they build with (共建社区), and their activities of {YEAR}.
Written by examples/tools/mkdual.py (fixed seed; do not edit by hand);
the expected figures come from examples/tools/expect-dual.py, an
independent implementation of the rules, and tests/examples/dual checks
that the program and the script agree on every report.

Everything is invented: the 23 communities and the three sub-districts
are real names (Shuangluan's statistical divisions of 2023, the urban
part: 元宝山街道, 钢城街道, 秀水街道); the units are invented, plausible
names of a district's organs, institutions and enterprises; the people
and their records are made up.

Read them with the example's configuration, which leaves one unit out:

    dual-report -c examples/data/dual/exclude.yaml --total examples/data/dual/*.csv
    dual-report -c examples/data/dual/exclude.yaml --report communities \\
        --quarter {YEAR}-Q2 --total examples/data/dual/*.csv
    dual-report -c examples/data/dual/exclude.yaml --report members \\
        --unit 区财政局 --mask examples/data/dual/*.csv

Files (rows below the header; line 1 is the header):
  members.csv: {len(mf.rows)} rows, the organisation department's roster of in-service members as Excel on Chinese Windows saves it: GB18030 (GBK), CRLF, dates 2023/7/5.  Titles {' '.join(MEMBERS_HEAD)} (序号 is not a field of dual-report: ignored).
  units.csv: {len(uf.rows)} rows, the units and their partner communities: UTF-8 with a BOM, CRLF, dates 2023年7月5日.  Titles {' '.join(UNITS_HEAD)}.
  activities-{YEAR}-H1.csv: {len(h1.rows)} rows, the platform's export of the members' activities of January to June: UTF-8 with a BOM, CRLF, dates with a time (2025-03-05 09:30).  Titles {' '.join(ACT_HEAD)} (服务社区 empty: the member's community).
  activities-{YEAR}-H2.csv: {len(h2.rows)} rows, the export of {YEAR}-06-30 to 12-31 (it begins a day early): UTF-8, LF, dates 2025-07-05.
  unit-activities-{YEAR}.csv: {len(u.rows)} rows, the activities the units organised themselves: UTF-8 with a BOM, CRLF, dates 2025/3/5, no hours column (0 hours).  Titles {' '.join(UACT_HEAD)} (参与人数 is not a field: ignored; 服务社区 empty: the unit's partner community).
  exclude.yaml: the example's configuration: exclude-units: [{EXCLUDED[0]}].

The units and members:
- {len(units)} units named by members.csv or units.csv (and {EXCLUDED[0]}, left out): {len(ORGANS)} organs (区委组织部, 区财政局 ...), {len(INSTITUTIONS)} institutions (双滦区人民医院 ...), {len(ENTERPRISES)} enterprises (承德钢铁集团 ...).  {NO_UNITS_ROW} has no row in units.csv (named by its members only); 承德滦河热力有限公司 has no member listed (its rates are empty); {NOT_REGISTERED_UNIT} has not registered with a community; {LATE_UNIT} registered on {YEAR}-05-12.
- {len(g.mem)} members, DY00001 to DY{len(g.mem):05d} unit by unit, {len(g.excl)} of them of {EXCLUDED[0]}; listed on the first roster of {ROSTER_DAY}, later, or with no listing date (入册时间 empty).
- Listed in {YEAR} (transferred in, newly admitted): {len(new25)} members: {ids(new25)}.
- Not registered (报到时间 empty): {len(never)} members: {ids(never)}.
- Overdue as of {last} (listed more than 30 days before, registered after the deadline or not at all): {len(overdue)} members: {ids(overdue)}.
- Phones: mobile numbers, a few empty, the landlines 0314-4012345 and 0314-4038861 and the short number 4012345 (masked *****45).

Planted, by file and line:
- Rejected (exit status 1):
    {at(mf, 'nocomm')}: registered with no community.
    {at(mf, 'baddate')}: 报到时间 2023/7/32, not a date.
    {at(mf, 'twice-diff')}: {g.twice_diff['id']} listed again with another unit.
    {at(uf, 'badprojects')}: {BAD_PROJECTS_UNIT}'s 共建项目数 若干, not a number.
    {at(h1, 'unknown')}, {at(h2, 'unknown')}: member ids with a digit lost (unknown members).
    {at(u, 'unknown-unit')}: 区财政厅 for 区财政局 (an unknown unit).
    {at(h1, 'hours')}, {at(h2, 'hours')}: hours 0, 25 and 24.5.
    {at(h1, 'baddate')}: the date 2025-02-29.
    {at(h2, 'badsolved')}: 解决问题数 两件, not a whole number.
    {at(u, 'noname')}: no unit and no member.
    {at(u, 'nocomm')}: {NO_UNITS_ROW}'s activity with no community (it has no units row to give one).
- Merged (the first read counts):
    {at(mf, 'twice-same')}: {g.twice_same['id']}'s row again, the same.
    {at(uf, 'twice-same')}: 区委宣传部's row again, the same.
    {h2.name} lines {ov[0]}-{ov[-1]}: the {len(ov)} activities of {YEAR}-06-30, also in {h1.name} (the exports overlap by a day).
    {at(h1, 'twice')}, {at(h2, 'twice')}, {at(u, 'twice')}: rows entered twice.
    {at(h2, 'twice-hours')}: a row entered again with other hours.
- Left out ({EXCLUDED[0]}, exclude.yaml): its {n['members']['excluded']} members, its units row, {n['h1']['excluded'] + n['h2']['excluded']} activities of its members and {n['uacts']['excluded']} of its own.
- Early (kept, flagged on standard error, counted in early): {len(early)} activities of members before they registered: of the members registered in {YEAR} long after they were listed ({ids(m for m in ok if 'early' in m['tags'])}) and of members not registered.
- Messy but valid:
    {at(h1, 'fullwidth')}: a full-width member id.
    {h2.name}: hours with a unit (2小时, 2h): lines {', '.join(map(str, h2.lines('unit')))}; 解决问题数 empty (0): lines {', '.join(map(str, h2.lines('empty')))}.
    {at(u, 'space')}: a unit name with a trailing space.

Counts (tests/examples/dual checks them against the program's):
  records {tot['rows']}: used {used}, left out {tot['excluded']}, rejected {tot['rejected']}, merged {tot['merged']}
  activities used {len(acts) + len(uacts)} ({len(acts)} of members, {len(uacts)} of units), early {len(early)}
  problems solved in {YEAR}: {solved}
"""
    return "".join(x + "\n" for line in text.split("\n")[:-1] for x in wrap(line))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "data", "dual")
    check_places(URBAN_PLACES, urban=True)
    g = Gen()
    g.units()
    g.members()
    g.member_activities()
    g.unit_activities()
    files = write(g, out)
    with open(os.path.join(out, "README"), "w", encoding="utf-8") as f:
        f.write(readme(g, files))
    n = {k: len(f.rows) for k, f in files.items()}
    print(f"mkdual: {n}", file=sys.stderr)


if __name__ == "__main__":
    main()
