#!/usr/bin/env python3
"""mkvolunteers.py: write the example records of the volunteer points system.

    python3 examples/tools/mkvolunteers.py [OUTDIR]

writes OUTDIR/services-2022-2023.csv, services-2025-Q1.csv … Q3.csv,
services-2025-Q4-gbk.csv, redemptions.csv and README; OUTDIR defaults to
examples/data/volunteers next to this folder.  Development only: the files
it writes are committed, the build and CI never run it (but
tests/examples/volunteers runs it again to check that it writes the same
bytes).  Python 3, standard library only; a fixed seed, so two runs write
the same bytes.

What is in the data (tests/volunteer-points/example-* and
examples/tools/expect-volunteers.py depend on it):

- 72 volunteer teams under the 31 communities of Shuangluan (a 党员志愿服务队
  in each, a second and some a third team in the 23 urban ones), 996
  service projects (13 or 14 a team, each named after its community and
  each served in 2025), about 1500 volunteers.
- The service records of 2025 as the district's volunteer platform exports
  them, a quarter a file (8000+ rows), the last quarter re-saved by Excel on
  Chinese Windows (GB18030, CRLF, dates 2025/10/5); the records of the
  points system's first 15 months (October 2022 to December 2023) from the
  old platform, under other column titles; the points shop's (积分超市)
  redemptions of 2023 to January 2026.  The records of 2024 are not part
  of the example.
- Planted, each listed in README with its file and line: days over the
  8-hour cap, hours that are not a multiple of 0.5 h, unverified records
  (待审核, 未通过, 否, empty), exact duplicates (overlapping exports, a row
  entered twice), redemptions larger than the balance, a redemption by a
  volunteer with no service record, five broken service records (a bad
  date, hours 0 and 25, the unknown kind 应急, an empty volunteer id),
  and one volunteer (README: the ledger) whose history holds a capped day,
  points that expire and a rejected redemption.

Everything is invented: the communities are real names (and the
sub-districts and towns they belong to), the teams, projects, people and
their records are made up.
"""

import datetime as dt
import os
import random
import sys
import unicodedata

from zlnames import GIVEN, SURNAMES, URBAN_PLACES, check_places

SEED = 20260115

HERE = os.path.dirname(os.path.abspath(__file__))

# --- places -----------------------------------------------------------------
# (sub-district or town, division code, [(community, division code)]): the
# 31 communities (社区居民委员会) of Shuangluan, 23 of them in the three
# sub-districts (the urban part), 8 in towns.  Checked against
# DIVISIONS_TSV when it is there.
PLACES = [
    *URBAN_PLACES,
    ("双塔山镇", "130803100", [
        ("龙玺御园社区", "130803100001"), ("下店子社区", "130803100002"),
        ("三岔口社区", "130803100003"), ("松树沟社区", "130803100004")]),
    ("大庙镇", "130803102", [
        ("黑山社区", "130803102001"), ("福园社区", "130803102002")]),
    ("偏桥子镇", "130803103", [("阳桥社区", "130803103001")]),
    ("西地镇", "130803104", [("佳园社区", "130803104001")]),
]
URBAN = ("130803001", "130803002", "130803003")

# --- teams and projects -----------------------------------------------------
PARTY = "党员志愿服务队"
TEAM_TYPES = ["巾帼志愿服务队", "青年志愿服务队", "银龄志愿服务队", "红袖标志愿服务队"]
N_TEAMS = 72
N_PROJECTS = 996

D, P, E = "日常服务", "专业服务", "应急服务"
# activity: (kind, usual hours, months it is done in or None for all)
ACTIVITIES = {
    "助老送餐": (D, [1, 1.5, 2], None),
    "环境整治": (D, [2, 2.5, 3], None),
    "楼道清理": (D, [1.5, 2, 3], None),
    "小广告清理": (D, [1, 2], None),
    "垃圾分类宣传": (D, [1.5, 2], None),
    "文明交通劝导": (D, [2, 3], None),
    "平安巡逻": (D, [2, 3, 4], None),
    "消防安全巡查": (D, [2, 3], None),
    "燃气安全入户": (D, [2, 3], None),
    "电动车充电隐患排查": (D, [2], None),
    "政策宣讲": (D, [1.5, 2], None),
    "反诈宣传": (D, [1.5, 2], None),
    "禁毒宣传": (D, [1.5, 2], None),
    "创城宣传": (D, [2, 3], None),
    "走访慰问": (D, [2, 3], None),
    "结对帮扶": (D, [2, 3], None),
    "矛盾调解": (D, [1.5, 2, 3], None),
    "关爱留守儿童": (D, [2, 3], None),
    "四点半课堂": (D, [1.5, 2], None),
    "老年人智能手机教学": (D, [1.5, 2], None),
    "读书分享": (D, [1.5, 2], None),
    "文艺演出": (D, [2, 3, 4], None),
    "衣物捐赠": (D, [2, 3], None),
    "家风家训宣讲": (D, [1.5, 2], None),
    "便民服务日": (D, [3, 4], None),
    "助残服务": (D, [2, 3], None),
    "代购代办": (D, [1, 1.5, 2], None),
    "无偿献血引导": (D, [3, 4], None),
    "疫苗接种引导": (D, [3, 4], None),
    "河道清理": (D, [2, 3], range(4, 11)),
    "植树护绿": (D, [3, 4], range(3, 6)),
    "防溺水巡查": (D, [2, 3], range(5, 10)),
    "文明祭扫劝导": (D, [3, 4], (3, 4)),
    "重阳节敬老": (D, [2, 3], (10,)),
    "学雷锋志愿服务": (D, [2, 3], (3,)),
    "义诊": (P, [3, 4], None),
    "法律咨询": (P, [2, 3], None),
    "心理疏导": (P, [1.5, 2], None),
    "家电维修": (P, [2, 3], None),
    "健康讲座": (P, [1.5, 2], None),
    "爱心义剪": (P, [2, 3], None),
    "助学辅导": (P, [2], None),
    "应急值守": (E, [4, 6, 8], None),
    "防汛值守": (E, [4, 6, 8], range(6, 10)),
    "扫雪除冰": (E, [2, 3, 4], (1, 2, 3, 11, 12)),
    "森林防火值守": (E, [4, 6], (1, 2, 3, 4, 5, 10, 11, 12)),
}
# what each kind of team does most
POOLS = {
    PARTY: ["政策宣讲", "走访慰问", "结对帮扶", "矛盾调解", "环境整治", "创城宣传",
            "应急值守", "防汛值守", "扫雪除冰", "学雷锋志愿服务", "便民服务日",
            "垃圾分类宣传", "文明交通劝导", "助老送餐", "法律咨询", "义诊"],
    "巾帼志愿服务队": ["助老送餐", "关爱留守儿童", "家风家训宣讲", "四点半课堂", "衣物捐赠",
                "心理疏导", "爱心义剪", "健康讲座", "助残服务", "代购代办", "重阳节敬老",
                "文艺演出"],
    "青年志愿服务队": ["四点半课堂", "助学辅导", "老年人智能手机教学", "反诈宣传", "植树护绿",
                "河道清理", "无偿献血引导", "文艺演出", "读书分享", "禁毒宣传", "家电维修",
                "防溺水巡查"],
    "银龄志愿服务队": ["平安巡逻", "楼道清理", "小广告清理", "矛盾调解", "文明祭扫劝导",
                "读书分享", "文艺演出", "重阳节敬老", "垃圾分类宣传", "疫苗接种引导",
                "代购代办"],
    "红袖标志愿服务队": ["平安巡逻", "消防安全巡查", "防溺水巡查", "燃气安全入户",
                 "电动车充电隐患排查", "应急值守", "森林防火值守", "文明交通劝导",
                 "扫雪除冰", "防汛值守"],
}
# the projects of the team of the volunteer whose ledger the README shows
LEDGER_TEAM = "元宝山社区" + PARTY
LEDGER_ACTIVITIES = ["助老送餐", "平安巡逻", "政策宣讲", "防汛值守"]

# --- the points shop --------------------------------------------------------
ITEMS = [("香皂", "5"), ("牙膏", "10"), ("毛巾", "10"), ("酱油", "12.5"),
         ("洗洁精", "15"), ("挂面", "15"), ("卷纸", "20"), ("洗发水", "25"),
         ("洗衣液", "30"), ("鸡蛋", "30"), ("雨伞", "40"), ("大米 5kg", "50"),
         ("保温杯", "60"), ("食用油 5L", "80"), ("米面油套装", "120"),
         ("电饭煲", "300")]


HIST_FROM, HIST_TO = dt.date(2022, 10, 1), dt.date(2023, 12, 31)
YEAR_FROM, YEAR_TO = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
FLOOD_DAY = dt.date(2025, 7, 26)
# star tiers: (number of volunteers, hours before 2024, hours of 2025)
TIERS = {5: (2, (760, 820), (760, 820)), 4: (2, (480, 560), (560, 640)),
         3: (5, (280, 380), (330, 450)), 2: (15, (140, 230), (180, 280)),
         1: (45, (40, 100), (70, 140))}
ODD_HOURS = ["1.7", "2.2", "0.8", "3.25", "1.25", "2.75", "1.3", "2.4", "0.3"]


def hundredths(s):
    """'2.75' -> 275 (the written hours or points, exact)."""
    whole, _, frac = s.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def hstr(h):
    """hours 2.0 -> '2', 1.5 -> '1.5'."""
    return ("%.2f" % h).rstrip("0").rstrip(".")


def month_of(d):
    return d.year * 12 + d.month - 1


def expiry_day(month, n=24):
    m = month + n + 1
    return dt.date(m // 12, m % 12 + 1, 1)


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


class Svc:
    """A service record (one row, or the row and its copies)."""

    def __init__(self, vol, team, project, day, hours, kind=None, verified=None):
        self.vol, self.team, self.project, self.day = vol, team, project, day
        self.hours = hours                     # as written, e.g. '2.5'
        self.kind = kind or ACTIVITIES[project_activity(project)][0]
        self.verified = verified               # None: decided later
        self.tags = set()

    def key(self):
        return (self.vol["id"], self.day, self.project, hundredths(self.hours))


def project_activity(project, known={}):
    if project in known:
        return known[project]
    for a in ACTIVITIES:
        if project.endswith(a) and project[:-len(a)].endswith("社区"):
            known[project] = a
            return a
    raise KeyError(project)


class Gen:
    def __init__(self):
        self.rng = random.Random(SEED)
        names = [s + g for s in SURNAMES for g in GIVEN]
        self.rng.shuffle(names)
        self.names = names
        self.services = []
        self.days = {}          # (volunteer id, day) -> hours written that day
        self.keys = set()

    # -- places, teams, projects -------------------------------------------
    def teams(self):
        rng = self.rng
        comms = [(c, code, street) for street, scode, cl in PLACES for c, code in cl]
        urban = [c for c in comms if c[1][:9] in URBAN]
        third = set(rng.sample([c[0] for c in urban], N_TEAMS - len(comms) - len(urban)))
        teams = []
        for c, code, street in comms:
            kinds = [PARTY]
            if code[:9] in URBAN:
                kinds += rng.sample(TEAM_TYPES, 2 if c in third else 1)
            for k in kinds:
                teams.append({"name": c + k, "kind": k, "community": c, "street": street})
        assert len(teams) == N_TEAMS, len(teams)
        n13 = set(rng.sample(range(N_TEAMS), 14 * N_TEAMS - N_PROJECTS))
        used = {}
        for i, t in enumerate(teams):
            n = 13 if i in n13 else 14
            taken = used.setdefault(t["community"], set())
            pool = [a for a in POOLS[t["kind"]] if a not in taken]
            rng.shuffle(pool)
            rest = [a for a in ACTIVITIES if a not in taken and a not in pool]
            rng.shuffle(rest)
            first = LEDGER_ACTIVITIES if t["name"] == LEDGER_TEAM else []
            acts = first + [a for a in pool + rest if a not in first]
            acts = acts[:n]
            assert len(acts) == n, t["name"]
            taken.update(acts)
            t["projects"] = [t["community"] + a for a in acts]
        assert sum(len(t["projects"]) for t in teams) == N_PROJECTS
        self.team_list = teams
        self.team = {t["name"]: t for t in teams}
        shop = {}
        for c, code, street in comms:
            shop[c] = 1 if c == "元宝山社区" else rng.randint(5, 25)
        self.shop_day = shop
        return teams

    # -- volunteers --------------------------------------------------------
    def volunteers(self):
        rng = self.rng
        vols = []
        for t in self.team_list:
            n = rng.randint(20, 32) if t["kind"] == PARTY else rng.randint(11, 23)
            for _ in range(n):
                v = {"name": self.names.pop(), "team": t["name"], "team25": t["name"],
                     "second": None, "tier": 0, "special": None}
                r = rng.random()
                v["hist"] = r < 0.58
                v["left"] = v["hist"] and rng.random() < 0.12
                vols.append(v)
        rng.shuffle(vols)
        # registration order: the old platform's volunteers first
        vols.sort(key=lambda v: not v["hist"])
        for i, v in enumerate(vols):
            v["id"] = "SL%05d" % (i + 1)
        self.vols = vols
        hist = [v for v in vols if v["hist"] and not v["left"]]
        pick = rng.sample(hist, 1 + 6 + sum(t[0] for t in TIERS.values()))
        ledger = pick.pop()
        ledger["team"] = ledger["team25"] = LEDGER_TEAM
        ledger["special"] = "ledger"
        self.ledger = ledger
        for _ in range(6):                      # moved to another team in 2025
            v = pick.pop()
            t = rng.choice([t for t in self.team_list if t["name"] != v["team"]])
            v["team25"] = t["name"]
            v["moved"] = True
        for tier in sorted(TIERS, reverse=True):
            for _ in range(TIERS[tier][0]):
                pick.pop()["tier"] = tier
        new = [v for v in vols if not v["hist"] and v["tier"] == 0]
        e = rng.sample(new, 2)
        e[0]["special"], e[1]["special"] = "star100", "star99"
        for v in vols:
            if v["special"] is None and rng.random() < 0.08:
                t = self.team[v["team25"]]
                others = [x["name"] for x in self.team_list
                          if x["community"] == t["community"] and x["name"] != t["name"]]
                if others:
                    v["second"] = rng.choice(others)
        return vols

    # -- service records -----------------------------------------------------
    def add(self, s, cap_ok=False):
        k = s.key()
        dk = (s.vol["id"], s.day)
        h = hundredths(s.hours)
        if k in self.keys or (not cap_ok and self.days.get(dk, 0) + h > 800):
            return False
        self.keys.add(k)
        self.days[dk] = self.days.get(dk, 0) + h
        self.services.append(s)
        return True

    def random_day(self, lo, hi, months):
        """A day from lo to hi in one of months (None: any), or None."""
        rng = self.rng
        for _ in range(200):
            d = lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))
            if months is not None and d.month not in months:
                continue
            if d.weekday() < 5 and rng.random() < 0.3:
                continue                      # more service at weekends
            return d
        return None

    def fill(self, v, lo, hi, target, team_of):
        """Records of v between lo and hi until target hours are reached."""
        rng = self.rng
        total, tries = 0.0, 0
        while total < target and tries < 5000:
            tries += 1
            team = team_of()
            project = rng.choice(self.team[team]["projects"])
            kind, usual, months = ACTIVITIES[project_activity(project)]
            if kind == E and rng.random() < 0.6:
                continue                      # emergencies are rarer
            if v["tier"]:
                h = max(usual + [rng.choice([4, 5, 6, 6, 8])])
            else:
                h = rng.choice(usual)
            h = min(h, target - total) if target - total >= 1 else h
            h = max(1.0, round(h * 2) / 2)
            d = self.random_day(lo, hi, months)
            if d and self.add(Svc(v, team, project, d, hstr(h))):
                total += h

    def regular(self):
        rng = self.rng
        for v in self.vols:
            if v["special"]:
                continue

            def team_hist(v=v):
                return v["team"]

            def team_25(v=v):
                if v["second"] and rng.random() < 0.15:
                    return v["second"]
                return v["team25"]
            if v["tier"]:
                _, hh, h25 = TIERS[v["tier"]]
                th, t25 = rng.uniform(*hh), rng.uniform(*h25)
            else:
                th = min(rng.lognormvariate(1.4, 0.7), 40)
                t25 = min(rng.lognormvariate(2.0, 0.7), 50)
            if v["hist"]:
                lo = HIST_FROM if rng.random() < 0.7 else self.random_day(HIST_FROM, dt.date(2023, 9, 30), None)
                hi = HIST_TO if not v["left"] else self.random_day(dt.date(2023, 3, 1), HIST_TO, None)
                self.fill(v, lo, max(lo, hi), th, team_hist)
            if not v["left"]:
                lo = YEAR_FROM if v["hist"] or rng.random() < 0.55 else self.random_day(YEAR_FROM, dt.date(2025, 11, 30), None)
                self.fill(v, lo, YEAR_TO, t25, team_25)

    def cover(self):
        """Every project served (and verified) at least once in 2025."""
        rng = self.rng
        served = {s.project for s in self.services if s.day.year == 2025}
        for t in self.team_list:
            members = [v for v in self.vols if v["team25"] == t["name"] and not v["special"]
                       and not v["left"] and v["tier"] == 0]
            for p in t["projects"]:
                while p not in served:
                    v = rng.choice(members)
                    kind, usual, months = ACTIVITIES[project_activity(p)]
                    s = Svc(v, t["name"], p, self.random_day(YEAR_FROM, YEAR_TO, months),
                            hstr(rng.choice(usual)), verified="已审核")
                    if self.add(s):
                        served.add(p)

    def cover_verified(self):
        """... and verified: one of its records of 2025 is, if none was."""
        ok = {s.project for s in self.services if s.day.year == 2025 and s.verified == "已审核"}
        for t in self.team_list:
            for p in t["projects"]:
                if p not in ok:
                    cands = [s for s in self.services if s.project == p and s.day.year == 2025
                             and not s.tags and not s.vol["special"]]
                    self.rng.choice(cands).verified = "已审核"

    def special(self):
        rng = self.rng
        L = self.ledger
        team = LEDGER_TEAM

        def svc(d, act, h, tag=None):
            s = Svc(L, team, "元宝山社区" + act, dt.date(*d), h,
                    verified="是" if d[0] < 2024 else "已审核")
            if tag:
                s.tags.add(tag)
            assert self.add(s, cap_ok=True)
        for d, act, h in [((2023, 1, 14), "助老送餐", "2"), ((2023, 2, 11), "平安巡逻", "3"),
                          ((2023, 3, 18), "政策宣讲", "2"), ((2023, 4, 15), "平安巡逻", "3"),
                          ((2023, 5, 20), "助老送餐", "2"), ((2023, 7, 29), "防汛值守", "6"),
                          ((2023, 9, 16), "平安巡逻", "3"), ((2023, 12, 16), "平安巡逻", "3"),
                          ((2025, 1, 11), "平安巡逻", "3"), ((2025, 3, 15), "助老送餐", "2"),
                          ((2025, 5, 17), "政策宣讲", "2"), ((2025, 10, 18), "平安巡逻", "3")]:
            svc(d, act, h)
        svc((2025, 7, 26), "平安巡逻", "4", "cap")
        svc((2025, 7, 26), "防汛值守", "6", "cap")
        self.ledger_redemptions = [
            (dt.date(2024, 3, 1), "洗衣液", "30", None),
            (dt.date(2024, 9, 1), "大米 5kg", "50", None),
            (dt.date(2025, 8, 1), "电饭煲", "300", "over"),
            (dt.date(2025, 9, 1), "食用油 5L", "80", None)]
        # two volunteers new in 2025 at exactly 100 and 99.5 counted hours
        for v in self.vols:
            if v["special"] not in ("star100", "star99"):
                continue
            left = 10000 if v["special"] == "star100" else 9950
            t = self.team[v["team25"]]
            while left > 0:
                h = rng.choice([200, 250, 300, 350, 400]) if left > 600 else left
                p = rng.choice([p for p in t["projects"]
                                if ACTIVITIES[project_activity(p)][0] == D
                                and ACTIVITIES[project_activity(p)][2] is None])
                s = Svc(v, t["name"], p, self.random_day(YEAR_FROM, YEAR_TO, None),
                        hstr(h / 100), verified="已审核")
                if self.add(s):
                    s.tags.add(v["special"])
                    left -= h
        # flood duty: one record of 10 or 12 hours, past the 8-hour cap
        flood = [v for v in self.vols if not v["special"] and not v["left"]
                 and any(p.endswith("防汛值守") for p in self.team[v["team25"]]["projects"])
                 and (v["id"], FLOOD_DAY) not in self.days]
        for v in rng.sample(flood, 8):
            p = [p for p in self.team[v["team25"]]["projects"] if p.endswith("防汛值守")][0]
            s = Svc(v, v["team25"], p, FLOOD_DAY, rng.choice(["10", "12"]), verified="已审核")
            assert self.add(s, cap_ok=True)
            s.tags.add("cap")
        # emergency duty on a day that already had service: two records past the cap
        for year_lo, year_hi, n in ((YEAR_FROM, YEAR_TO, 8), (HIST_FROM, HIST_TO, 3)):
            done = 0
            cands = [s for s in self.services if year_lo <= s.day <= year_hi and not s.tags
                     and not s.vol["special"] and hundredths(s.hours) >= 250]
            rng.shuffle(cands)
            for s0 in cands:
                if done == n:
                    break
                team = self.team[s0.team]
                em = [p for p in team["projects"] if p.endswith("应急值守")]
                if not em or self.days[(s0.vol["id"], s0.day)] != hundredths(s0.hours):
                    continue
                h = rng.choice(["6", "8"])
                s = Svc(s0.vol, s0.team, em[0], s0.day, h, verified="是" if year_lo.year < 2024 else "已审核")
                if self.add(s, cap_ok=True):
                    s.tags.add("cap")
                    s0.tags.add("cap")
                    s0.verified = s.verified
                    done += 1
            assert done == n
        # hours that are not a multiple of 0.5
        cands = [s for s in self.services if not s.tags and not s.vol["special"]]
        for s in rng.sample(cands, 60):
            old = hundredths(s.hours)
            new = rng.choice(ODD_HOURS)
            k = (s.vol["id"], s.day, s.project, hundredths(new))
            if k in self.keys or self.days[(s.vol["id"], s.day)] - old + hundredths(new) > 800:
                continue
            self.keys.discard(s.key())
            self.days[(s.vol["id"], s.day)] += hundredths(new) - old
            s.hours = new
            self.keys.add(k)
            s.tags.add("odd")

    def statuses(self):
        rng = self.rng
        for s in self.services:
            if s.verified is not None:
                continue
            r = rng.random()
            if s.day.year < 2024:
                s.verified = "否" if r < 0.01 else "" if r < 0.015 else "是"
            elif s.day >= dt.date(2025, 12, 20) and r < 0.55:
                s.verified = "待审核"          # not yet reviewed when exported
            else:
                s.verified = ("未通过" if r < 0.008 else "" if r < 0.012
                              else "待审核" if r < 0.017 else "已审核")

    # -- redemptions ---------------------------------------------------------
    def redemptions(self):
        rng = self.rng
        earn = {}
        for s in self.services:
            if s.verified not in ("是", "已审核") or "cap" in s.tags:
                continue                       # a lower bound of what was earned
            h = hundredths(s.hours) // 50 * 50
            mult = {D: 100, P: 150, E: 200}[s.kind]
            earn.setdefault(s.vol["id"], []).append((s.day, h * 1000 * mult // 10000))
        self.earn = earn
        shop_days = []
        m = month_of(dt.date(2023, 3, 1))
        while m <= month_of(dt.date(2026, 1, 1)):
            shop_days.append(m)
            m += 1
        reds = []
        for v in self.vols:
            if v["special"]:
                continue
            r = rng.random()
            v["habit"] = "never" if r < 0.2 else "saver" if r < 0.55 else "spender"
            if v["habit"] == "never":
                continue
            goal = rng.randint(40, 90) * 100 if v["habit"] == "spender" else rng.randint(150, 400) * 100
            p = 0.35 if v["habit"] == "spender" else 0.25
            spent = 0
            ev = earn.get(v["id"], [])
            for m in shop_days:
                y, mo = divmod(m, 12)
                comm = self.team[v["team"] if y < 2025 else v["team25"]]["community"]
                d = dt.date(y, mo + 1, self.shop_day[comm])
                if d >= dt.date(2026, 1, 15):
                    break
                lb = sum(pts for day, pts in ev if day < d and expiry_day(month_of(day)) > d) - spent
                if lb < goal or rng.random() > p:
                    continue
                budget = lb * rng.uniform(0.5, 0.9)
                for _ in range(rng.randint(1, 2)):
                    fit = [it for it in ITEMS if hundredths(it[1]) <= budget]
                    if not fit:
                        break
                    item, pts = rng.choice(fit[-6:])
                    budget -= hundredths(pts)
                    spent += hundredths(pts)
                    reds.append({"vid": v["id"], "day": d, "item": item, "points": pts,
                                 "comm": comm, "tags": set()})
        L = self.ledger
        for d, item, pts, tag in self.ledger_redemptions:
            reds.append({"vid": L["id"], "day": d, "item": item, "points": pts,
                         "comm": "元宝山社区", "tags": {tag} if tag else set()})
        # over the balance: a never-redeemer asks for more than all they earned
        self.over = []
        nevers = [v for v in self.vols if v.get("habit") == "never" and not v["hist"]]
        rng.shuffle(nevers)
        want = [("大米 5kg", "50", 1000, 4500), ("电饭煲", "300", 15000, 29000)]
        for v in nevers:
            if not want:
                break
            item, pts, lo, hi = want[0]
            comm = self.team[v["team25"]]["community"]
            for mo in range(2, 13):
                d = dt.date(2025, mo, self.shop_day[comm])
                ub = sum(self.upper(v, d))
                if lo <= ub <= hi:
                    reds.append({"vid": v["id"], "day": d, "item": item, "points": pts,
                                 "comm": comm, "tags": {"over"}})
                    want.pop(0)
                    break
        assert not want
        # no service record: a digit lost when the id was typed
        v = rng.choice([v for v in self.vols if v.get("habit") == "spender"])
        gone = v["id"][:3] + v["id"][4:]
        comm = self.team[v["team25"]]["community"]
        reds.append({"vid": gone, "day": dt.date(2025, 6, self.shop_day[comm]), "item": "卷纸",
                     "points": "20", "comm": comm, "tags": {"noservice"}})
        reds.sort(key=lambda r: (r["day"], list(self.shop_day).index(r["comm"]), r["vid"]))
        self.reds = reds

    def upper(self, v, d):
        """Points v earned up to day d at most (no cap, no expiry)."""
        for s in self.services:
            if s.vol is v and s.day <= d and s.verified in ("是", "已审核"):
                h = hundredths(s.hours) // 50 * 50
                yield h * 1000 * {D: 100, P: 150, E: 200}[s.kind] // 10000


# --- writing ----------------------------------------------------------------
HEAD_OLD = ["编号", "姓名", "服务队", "项目", "日期", "时长", "类型", "是否审核"]
HEAD_NEW = ["志愿者编号", "姓名", "志愿服务队", "服务项目", "服务日期", "服务时长", "服务类型", "审核状态"]
HEAD_RED = ["志愿者编号", "兑换日期", "兑换积分", "兑换物品"]


class File:
    def __init__(self, name, header, enc, eol, datefmt):
        self.name, self.header, self.enc, self.eol, self.datefmt = name, header, enc, eol, datefmt
        self.rows = []                         # (cells, set of tags)

    def date(self, d):
        if self.datefmt == "slash":
            return "%d/%d/%d" % (d.year, d.month, d.day)
        return d.isoformat()

    def add(self, cells, note):
        assert not any(ch in "".join(cells) for ch in ',"\r\n'), cells
        self.rows.append((cells, note))

    def insert(self, i, cells, note):
        self.rows.insert(i, (cells, note))

    def lines(self, tag):
        """The lines (the header is line 1) of the rows with tag."""
        return [i + 2 for i, (c, n) in enumerate(self.rows) if tag in n]

    def bytes(self):
        lines = [",".join(self.header)] + [",".join(c) for c, n in self.rows]
        text = self.eol.join(lines) + self.eol
        if self.enc == "gbk":
            text.encode("gbk")                 # every character is in GBK
            return text.encode("gb18030")
        data = text.encode("utf-8")
        return b"\xef\xbb\xbf" + data if self.enc == "bom" else data


def svc_cells(f, s, **over):
    c = {"id": s.vol["id"], "name": s.vol["name"], "team": s.team, "project": s.project,
         "date": f.date(s.day), "hours": s.hours, "kind": s.kind, "verified": s.verified}
    c.update(over)
    return [c[k] for k in ("id", "name", "team", "project", "date", "hours", "kind", "verified")]


def write_all(g, out):
    rng = g.rng
    files = {
        "hist": File("services-2022-2023.csv", HEAD_OLD, "utf8", "\n", "slash"),
        "q1": File("services-2025-Q1.csv", HEAD_NEW, "bom", "\r\n", "iso"),
        "q2": File("services-2025-Q2.csv", HEAD_NEW, "bom", "\r\n", "iso"),
        "q3": File("services-2025-Q3.csv", HEAD_NEW, "bom", "\r\n", "iso"),
        "q4": File("services-2025-Q4-gbk.csv", HEAD_NEW, "gbk", "\r\n", "slash"),
    }
    L = g.ledger
    # an export lists its records by date, then team, then volunteer
    team_order = {t["name"]: i for i, t in enumerate(g.team_list)}
    svcs = sorted(g.services, key=lambda s: (s.day, team_order[s.team], s.vol["id"], s.project))
    q2_from = dt.date(2025, 3, 30)
    for s in svcs:
        tags = set(s.tags) | ({"ledger"} if s.vol is L else set())
        if s.vol["special"] in ("star100", "star99"):
            tags.add(s.vol["special"])
        if s.verified not in ("是", "已审核"):
            tags.add("unverified")
        if s.day.year < 2024:
            files["hist"].add(svc_cells(files["hist"], s), tags)
            continue
        q = "q%d" % ((s.day.month - 1) // 3 + 1)
        if s.day >= q2_from and q == "q1":
            # the next export starts two days early: the same rows again,
            # reviewed meanwhile
            was = s.verified
            if was == "已审核" and rng.random() < 0.6:
                was = "待审核"
            t1 = tags | {"overlap"} | ({"pending", "unverified"} if was != s.verified else set())
            files["q1"].add(svc_cells(files["q1"], s, verified=was), t1)
            files["q2"].add(svc_cells(files["q2"], s), tags | {"overlap"})
            continue
        files[q].add(svc_cells(files[q], s), tags)
    # messy but valid: hours with a unit, a stray space, a full-width id
    hist = files["hist"]
    plain = [i for i, (c, n) in enumerate(hist.rows) if not n and "." not in c[5]]
    for i in sorted(rng.sample(plain, 12)):
        c = list(hist.rows[i][0])
        c[5] = c[5] + ("小时" if len(c[5]) == 1 and rng.random() < 0.7 else "h")
        hist.rows[i] = (c, {"unit"})
    q3 = files["q3"]
    i = rng.choice([i for i, (c, n) in enumerate(q3.rows) if not n and c[6] == D])
    c = list(q3.rows[i][0])
    c[6] = " " + c[6]
    q3.rows[i] = (c, {"space"})
    q4 = files["q4"]
    i = rng.choice([i for i, (c, n) in enumerate(q4.rows) if not n])
    c = list(q4.rows[i][0])
    c[0] = fullwidth(c[0])
    q4.rows[i] = (c, {"fullwidth"})
    # rows entered twice (six, in Q2)
    q2 = files["q2"].rows
    for _ in range(6):
        i = rng.choice([i for i, (c, n) in enumerate(q2) if not n and c[7] == "已审核"])
        q2.insert(i + rng.randint(1, 40), (list(q2[i][0]), {"twice"}))
    # broken rows: each a copy of a valid row, with one fault

    def broken(f, fault, edit):
        i = rng.choice([i for i, (c, n) in enumerate(f.rows) if not n and c[7] == "已审核"])
        c = list(f.rows[i][0])
        edit(c)
        f.insert(i + rng.randint(1, 30), c, {"broken", fault})
    broken(files["q1"], "bad-date", lambda c: c.__setitem__(4, "2025-02-30"))
    broken(files["q2"], "hours-0", lambda c: c.__setitem__(5, "0"))
    broken(files["q3"], "hours-25", lambda c: c.__setitem__(5, "25"))
    broken(files["q3"], "kind", lambda c: c.__setitem__(6, "应急"))
    broken(files["q4"], "no-id", lambda c: c.__setitem__(0, ""))
    red = File("redemptions.csv", HEAD_RED, "bom", "\r\n", "iso")
    spaced = rng.choice([i for i, r in enumerate(g.reds) if not r["tags"] and r["day"].year == 2025])
    for i, r in enumerate(g.reds):
        tags = set(r["tags"])
        vid = r["vid"]
        if r["vid"] == L["id"]:
            tags.add("ledger")
        if i == spaced:
            vid += " "
            tags.add("space")
        red.add([vid, red.date(r["day"]), r["points"], r["item"]], tags)
    os.makedirs(out, exist_ok=True)
    for f in list(files.values()) + [red]:
        with open(os.path.join(out, f.name), "wb") as fh:
            fh.write(f.bytes())
    return list(files.values()), red


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def wrap(line, limit=76):
    """A long line broken at spaces, each part indented as the line is (a
    list item's parts two more), wide characters counted twice."""
    if width(line) <= limit:
        return [line]
    lead = line[:len(line) - len(line.lstrip())]
    more = lead + "  " if lead or line.startswith("- ") else ""
    words, out, cur = line.split(" ")[len(lead):], [], lead
    for w in words:
        if cur.strip() and width(cur + " " + w) > limit:
            out.append(cur)
            cur = more + w
        else:
            cur = cur + (" " if cur.strip() else "") + w
    out.append(cur)
    return out


def lines(f, tag):
    return ", ".join(map(str, f.lines(tag)))


def readme(g, files, red):
    hist, q1, q2, q3, q4 = files
    L = g.ledger
    by = {f.name: f for f in files}
    out = []

    def w(text):
        out.extend(wrap(text))

    def raw(text):
        out.append(text.rstrip("\n"))
    raw(README_HEAD.format(n_vols=len(g.vols), last=g.vols[-1]["id"],
                         left=sum(1 for v in g.vols if v["left"]),
                         new=sum(1 for v in g.vols if not v["hist"]),
                         second=sum(1 for v in g.vols if v["second"]),
                         moved=", ".join(v["id"] for v in g.vols if v.get("moved"))))
    w("Files (rows below the header):")
    for f in files + [red]:
        w(f"  {f.name}: {len(f.rows)} rows, {FILE_NOTES[f.name]}")
    w("")
    w("Unverified records (they earn nothing; unverified_hours counts them):")
    for f in files:
        words = {}
        for c, n in f.rows:
            if "broken" not in n and c[7] not in ("是", "已审核"):
                words[c[7] or "empty"] = words.get(c[7] or "empty", 0) + 1
        w(f"  {f.name}: " + ", ".join(f"{k} {v}" for k, v in sorted(words.items())))
    w("")
    w("Planted, by file and line (the header is line 1):")
    w("- Broken records, rejected (exit status 1; records in = services used +")
    w("  redemptions applied + rejected + merged):")
    for f in files:
        for fault, text in (("bad-date", "the impossible date 2025-02-30"),
                            ("hours-0", "hours 0"), ("hours-25", "hours 25 (for 2.5)"),
                            ("kind", "the kind 应急 (for 应急服务)"),
                            ("no-id", "an empty volunteer id")):
            for line in f.lines(fault):
                w(f"    {f.name}:{line}: {text}")
    for line in red.lines("over"):
        c = red.rows[line - 2][0]
        w(f"    {red.name}:{line}: {c[0]} redeems {c[3]} for {c[2]} points, more than the balance")
    for line in red.lines("noservice"):
        c = red.rows[line - 2][0]
        w(f"    {red.name}:{line}: {c[0]}, a volunteer id with a digit lost: no service record")
    w("- Exact duplicates (the same volunteer, day, project and hours), merged:")
    ov1, ov2 = q1.lines("overlap"), q2.lines("overlap")
    w(f"    the export of the second quarter begins on 2025-03-30: the {len(ov1)} rows of")
    w(f"    2025-03-30 and 31 are in {q1.name} (lines {ov1[0]}-{ov1[-1]}) and")
    w(f"    {q2.name} (lines {ov2[0]}-{ov2[-1]}); {len(q1.lines('pending'))} of them were 待审核 in the first")
    w("    export and 已审核 in the second: the verified one counts;")
    w(f"    {q2.name}: rows entered twice: lines {lines(q2, 'twice')}.")
    w("- Days over the 8-hour cap (hours past it earn nothing, count for no star):")
    for f in files:
        days = {}
        for line in f.lines("cap"):
            c = f.rows[line - 2][0]
            days.setdefault((c[0], c[4]), []).append(str(line))
        if days:
            w(f"    {f.name}: " + "; ".join(f"{k[0]} {k[1]} (line{'s' if len(v) > 1 else ''} "
                                            f"{', '.join(v)})" for k, v in days.items()))
    w("  the flood duty of 2025-07-26 (10 or 12 hours in one record), 应急值守 of")
    w("  6 or 8 hours on a day with other service, and the ledger volunteer's day.")
    w("- Hours that are not a multiple of 0.5 h (rounded down to it: 1.7 counts")
    w("  1.5 h, 0.3 counts nothing):")
    for f in files:
        if f.lines("odd"):
            w(f"    {f.name}: lines {lines(f, 'odd')}")
    w("- Messy but valid:")
    w(f"    {hist.name}: hours with a unit (3小时, 3h): lines {lines(hist, 'unit')}")
    w(f"    {q3.name}:{lines(q3, 'space')}: the kind with a leading space")
    w(f"    {q4.name}:{lines(q4, 'fullwidth')}: a full-width volunteer id")
    w(f"    {red.name}:{lines(red, 'space')}: a volunteer id with a trailing space")
    s100 = [v["id"] for v in g.vols if v["special"] == "star100"][0]
    s99 = [v["id"] for v in g.vols if v["special"] == "star99"][0]
    w(f"- Star thresholds: {s100} has exactly 100.00 counted hours (one star),")
    w(f"  {s99} 99.50 (none).")
    w("")
    raw(LEDGER_TEXT.format(id=L["id"], name=L["name"], team=LEDGER_TEAM))
    w("Its rows: " + "; ".join(f"{f.name} lines {lines(f, 'ledger')}"
                               for f in files + [red] if f.lines("ledger")) + ".")
    w("")
    raw(FIGURES)
    return "".join(line + "\n" for line in out)


FILE_NOTES = {
    "services-2022-2023.csv": "October 2022 to December 2023, the old platform's export: "
    "UTF-8, LF, titles 编号 姓名 服务队 项目 日期 时长 类型 是否审核 (aliases), "
    "dates 2023/3/5, verified 是.",
    "services-2025-Q1.csv": "the platform's export of 2025-01-01 to 03-31: UTF-8 with "
    "a BOM, CRLF (Excel's CSV UTF-8), titles 志愿者编号 姓名 志愿服务队 服务项目 服务日期 "
    "服务时长 服务类型 审核状态, dates 2025-03-05, verified 已审核.",
    "services-2025-Q2.csv": "2025-03-30 to 06-30, as Q1.",
    "services-2025-Q3.csv": "2025-07-01 to 09-30, as Q1.",
    "services-2025-Q4-gbk.csv": "2025-10-01 to 12-31, opened and saved again by Excel on "
    "Chinese Windows: GB18030 (GBK), CRLF, no BOM, dates 2025/10/5.",
    "redemptions.csv": "the points shops' (积分超市) ledger, March 2023 to January 2026: "
    "志愿者编号 兑换日期 兑换积分 兑换物品; UTF-8 with a BOM, CRLF.  Each community's "
    "shop opens one day a month (元宝山社区's on the 1st, the day points expire).",
}

README_HEAD = """\
Example records of the volunteer points system (志愿服务积分制) of
Shuangluan District, for volunteer-points(1).  Written by
examples/tools/mkvolunteers.py (fixed seed; do not edit by hand); the
expected figures come from examples/tools/expect-volunteers.py, an
independent implementation of the rules, and are pinned by
tests/volunteer-points/example-*; tests/examples/volunteers checks that
the program and the script agree on every report.

Everything is invented: the 31 communities are real names (Shuangluan's
statistical divisions of 2023: the 23 of the sub-districts 元宝山街道,
钢城街道 and 秀水街道, and 8 in the towns), the teams, projects, volunteers
and their records are made up.

Read them as of 2026-01-15, the figures of 2025 as they stood when the
last export was made in January (points of 2023 have expired by then):

    volunteer-points --as-of 2026-01-15 --total examples/data/volunteers/*.csv
    volunteer-points --as-of 2026-01-15 --report teams --year 2025 --total \\
        examples/data/volunteers/*.csv

The records of 2024 are not part of the example (the redemptions of 2024
are): the older file is here so that points expire, the balances are
those of an example, not of a whole ledger.

- 72 teams: a 党员志愿服务队 in each of the 31 communities, a second team in
  each of the 23 urban ones and a third in 18 of them (巾帼, 青年, 银龄,
  红袖标志愿服务队).
- 996 projects, 13 or 14 a team, named after the community and the
  activity (元宝山社区助老送餐); each has one kind: 日常服务, 专业服务 (义诊,
  法律咨询, 心理疏导, 家电维修, 健康讲座, 爱心义剪, 助学辅导) or 应急服务
  (应急值守, 防汛值守, 扫雪除冰, 森林防火值守).  Every project has a verified
  service in 2025.
- {n_vols} volunteers, SL00001 to {last} in the order they registered (those
  of the old platform first): {left} of them served only before 2024, {new}
  only in 2025; {second} serve in two teams of their community; 6 moved
  to another team in 2025 (balance shows the new one, teams counts them
  in both): {moved}.
"""

LEDGER_TEXT = """\
The ledger (tests/volunteer-points/example-ledger): {id} {name} of
{team}.  2023: 300 points earned in eight months.
2024-03-01 洗衣液 30 spends the points of 2023-01 (20) and 10 of 2023-02;
2024-09-01 大米 5kg 50 the rest of 2023-02, 2023-03 and 10 of 2023-04.
2025-05-01 and 06-01: the 20 points left of 2023-04 and of 2023-05
expire.  2025-07-26: 平安巡逻 4 h, then 防汛值守 6 h of 应急服务, 10 h in
the day: the cap takes them in project order, so 平安巡逻 counts 4 h (40
points) and 防汛值守 4 h (80 points, double).  2025-08-01, the shop day:
the 120 points of 2023-07 expire first, then 电饭煲 300 is more than the
balance 250 and rejected.  2025-09-01 食用油 5L 80 spends 2023-09, 2023-12
and 20 of 2025-01, so nothing is left of 2023 to expire.  Balance 200.00.
"""

FIGURES = """\
Figures (expect-volunteers.py, as of 2026-01-15; volunteer-points exits
with status 1, for records were rejected):
- records read 15139: 12851 services used (406 of them unverified), 2195
  redemptions applied, 9 records rejected, 84 merged;
- balance --total: 1535 volunteers, 42892.00 counted hours, 492492.50
  points earned, 115222.50 redeemed, 102320.00 expired, balance
  274950.00; 1301.75 unverified hours;
- stars --total: no star 1465, one star 46, two 15, three 5, four 2,
  five 2;
- teams --year 2025 --total: 1434 active volunteers, 27232.50 hours,
  313197.50 points, 996 projects, 8313 services, 1069.75 unverified hours.
"""


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "data", "volunteers")
    check_places(PLACES, urban=False)
    g = Gen()
    g.teams()
    g.volunteers()
    g.regular()
    g.cover()
    g.special()
    g.statuses()
    g.cover_verified()
    g.redemptions()
    files, red = write_all(g, out)
    with open(os.path.join(out, "README"), "w", encoding="utf-8") as f:
        f.write(readme(g, files, red))
    n = [len(f.rows) for f in files]
    print(f"mkvolunteers: {len(g.vols)} volunteers, services {n}, {len(red.rows)} redemptions",
          file=sys.stderr)


if __name__ == "__main__":
    main()
