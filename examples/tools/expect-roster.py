#!/usr/bin/env python3
"""expect-roster.py: the figures of grid-import --summary, computed independently.

    python3 examples/tools/expect-roster.py [--total] [--problems] FILE...

A second reading of the grid-roster sheets, written from the definitions
(DESIGN.md section 6, examples/data/roster/README), not from the C code,
used to write tests/grid-import/example-*.  Python 3, standard library only;
exact arithmetic (fractions.Fraction).  Writes the summary TSV to stdout, or
with --problems the problems grid-import --check should find, one a line:
SHEET:LINE: [kind] message (SHEET: the file's folder and name,
街道/社区.csv).

Reading a sheet:
- Bytes: a UTF-8 byte-order mark is dropped; text that is not UTF-8 is
  GB18030.  CSV (RFC 4180), CRLF or LF.
- The header is the first row in which at least three cells name known
  fields (the Chinese titles and aliases of lib/fields.c); rows above are
  title rows.
- Cells are trimmed (Unicode white space, so the ideographic space too).
  Blank rows are skipped, and rows whose first non-empty cell begins with
  小计, 合计, 总计 or 共计 (totals).
- Merged cells, filled down by level: 街道 and 社区 from the row above when
  empty.  A row with 网格编号 starts a grid and its grid cells (网格名称,
  网格长, 网格长电话, 网格党支部, 有人, 有制度, 有保障, 有奖惩) are taken as they
  are, empty or not; a row without 网格编号 belongs to the grid above and
  its empty grid cells take the grid's.  Likewise a row with 小区 starts a
  compound (业委会, 物业公司 as they are) and a row without it continues the
  compound above.
- Full-width characters (U+FF01..U+FF5E, U+3000) are folded to ASCII in
  网格编号, 楼栋, phones and 身份证号.  Street and community names lose 办事处,
  居民委员会 and 居委会.

Definitions, per community (street and community from the cells):
- grids: distinct numbers of 网格编号 (the digits in it: 网格01 = 01 = ０１);
  grid_party_branches: grids whose 网格党支部 is not empty; four_haves: grids
  whose four flags are all 是; four_haves_pct = four_haves / grids x 100,
  two decimals, half away from zero.
- compounds: distinct 小区 names; owners_committees: those with a 业委会
  cell that is neither empty nor 无 on any of their rows.
- buildings: distinct (grid number, compound, building number), the
  building number being the first digits of 楼栋 (5号楼 = ５号楼 = 5栋 = 5).
  A building listed more than once counts once, as its first row has it
  (a party group, a party household, an offline or online building leader).
Rows are sorted by the division codes of etc/zhili.yaml (grid-import:
divisions:), street then community; --total adds the row "total".

Problems (--problems): a building listed again; a grid without 网格长 or
without 网格党支部; a building without 线下楼长 or 网络楼长; a phone that,
without spaces and hyphens, is none of 1[3-9]NNNNNNNNN, 0NN(N)[2-9]NNNNNN(N),
[2-9]NNNNNN(N); an identity number that is not 17 digits and a check
character (ISO 7064 MOD 11-2) with a real birth date from 1900 on; a person
(identity number, else name and phone) holding more than 3 posts (grid
leader of a grid, offline or online leader of a building).
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
CONFIG = os.path.join(TOP, "etc", "zhili.yaml")

FIELDS = {
    "street": ["街道"], "community": ["社区"], "grid_id": ["网格编号", "网格"],
    "grid_name": ["网格名称"], "grid_leader": ["网格长"], "grid_leader_phone": ["网格长电话"],
    "grid_party_org": ["网格党支部", "党组织名称"], "compound": ["小区"],
    "building": ["楼栋", "楼号"], "building_party_group": ["楼栋党小组"],
    "offline_leader": ["线下楼长"], "offline_leader_phone": ["线下楼长电话"],
    "online_leader": ["网络楼长"], "online_leader_phone": ["网络楼长电话"],
    "party_household": ["党员中心户"], "households": ["户数"], "residents": ["人口", "人数"],
    "owners_committee": ["业委会"], "property_company": ["物业公司", "物业企业"],
    "has_staff": ["有人"], "has_rules": ["有制度"], "has_funding": ["有保障"],
    "has_incentives": ["有奖惩"], "id_number": ["身份证号"],
}
TITLE = {t: f for f, ts in FIELDS.items() for t in ts + [f]}
GRID_CELLS = ["grid_name", "grid_leader", "grid_leader_phone", "grid_party_org",
              "has_staff", "has_rules", "has_funding", "has_incentives"]
HAVES = ["has_staff", "has_rules", "has_funding", "has_incentives"]
COMPOUND_CELLS = ["owners_committee", "property_company"]
TOTAL_WORDS = ("小计", "合计", "总计", "共计")
PHONES = [re.compile(r"1[3-9][0-9]{9}"), re.compile(r"0[0-9]{2,3}[2-9][0-9]{6,7}"),
          re.compile(r"[2-9][0-9]{6,7}")]
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"
MAX_POSTS = 3
COLS = ["street", "community", "grids", "grid_party_branches", "compounds", "buildings",
        "building_party_groups", "party_households", "offline_leaders", "online_leaders",
        "owners_committees", "four_haves", "four_haves_pct"]


def fold(s):
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else " " if c == "\u3000" else c for c in s)


def short_name(s):
    for suf in ("办事处", "居民委员会", "居委会"):
        if s.endswith(suf):
            s = s[: -len(suf)]
    return s


def divisions():
    order = {}
    with open(CONFIG, encoding="utf-8") as f:
        inside = False
        for line in f:
            if re.match(r"\s{2}divisions:", line):
                inside = True
                continue
            if inside:
                m = re.match(r'\s{4}(\S+):\s*"(\d+)"', line)
                if not m:
                    break
                order[short_name(m.group(1))] = m.group(2)
    return order


def pct(n, d):
    if d == 0:
        return ""
    q = Fraction(n * 100, d) * 100
    r = int(q + Fraction(1, 2)) if q >= 0 else -int(-q + Fraction(1, 2))
    return f"{r // 100}.{r % 100:02d}"


def phone_ok(v):
    s = fold(v).replace(" ", "").replace("-", "")
    return any(rx.fullmatch(s) for rx in PHONES)


def id_problem(v):
    s = fold(v).upper()
    if len(s) == 15 and s.isdigit():
        return "15-digit number of the old kind"
    if len(s) != 18 or not s[:17].isdigit() or s[17] not in "0123456789X":
        return "not 18 characters (17 digits and a check character)"
    try:
        d = dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return f"impossible birth date {s[6:10]}-{s[10:12]}-{s[12:14]}"
    if d.year < 1900 or d > dt.date.today():
        return "birth date out of range"
    if ID_C[sum(int(c) * w for c, w in zip(s[:17], ID_W)) % 11] != s[17]:
        return "wrong check digit"
    return None


def read_sheet(path):
    text, _ = read_text(path)
    rd = csv.reader(io.StringIO(text, newline=""))
    last = 0
    for row in rd:
        yield last + 1, row
        last = rd.line_num


class Roster:
    def __init__(self):
        self.comms = {}         # (street, community) -> figures
        self.problems = []      # (sheet, line, kind, text)
        self.posts = {}         # person -> [(sheet, line, what)]

    def comm(self, street, community):
        key = (street, community)
        if key not in self.comms:
            self.comms[key] = dict(grids={}, compounds={}, buildings={})
        return self.comms[key]

    def problem(self, sheet, line, kind, text):
        self.problems.append((sheet, line, kind, text))

    def post(self, person, sheet, line, what):
        self.posts.setdefault(person, []).append((sheet, line, what))

    def read(self, path):
        sheet = os.path.join(os.path.basename(os.path.dirname(os.path.abspath(path))), os.path.basename(path))
        col = None
        street = community = None
        grid = compound = None
        for line, row in read_sheet(path):
            cells = [c.strip() for c in row]
            if col is None:
                known = [TITLE.get(c) for c in cells]
                if sum(1 for k in known if k) >= 3:
                    col = {}
                    for i, k in enumerate(known):
                        if k and k not in col:
                            col[k] = i
                continue
            if not any(cells):
                continue
            first = [c for c in cells if c][0]
            if first.startswith(TOTAL_WORDS):
                continue
            v = {f: (cells[i] if i < len(cells) else "") for f, i in col.items()}
            for f in ("grid_id", "building", "grid_leader_phone", "offline_leader_phone",
                      "online_leader_phone", "id_number"):
                if f in v:
                    v[f] = fold(v[f]).strip()
            if v.get("street"):
                street = short_name(v["street"])
            if v.get("community"):
                community = short_name(v["community"])
            c = self.comm(street, community)
            if v.get("grid_id"):
                digits = re.search(r"[0-9]+", v["grid_id"])
                num = int(digits.group()) if digits else v["grid_id"]
                new = num not in c["grids"]
                g = c["grids"].setdefault(num, dict(num=num, line=line))
                if new:
                    for f in GRID_CELLS:
                        g[f] = v.get(f, "")
                    self.grid_start(sheet, line, c, g)
                grid = g
                compound = None
            for f in GRID_CELLS:
                if not v.get(f):
                    v[f] = grid[f]
            if v.get("compound"):
                name = v["compound"]
                cp = c["compounds"].setdefault(name, dict(committee=False))
                compound = dict(name=name, **{f: v.get(f, "") for f in COMPOUND_CELLS})
            for f in COMPOUND_CELLS:
                if not v.get(f):
                    v[f] = compound[f]
            cp = c["compounds"][compound["name"]]
            if v["owners_committee"] not in ("", "无"):
                cp["committee"] = True
            m = re.search(r"[0-9]+", v.get("building", ""))
            if not m:
                self.problem(sheet, line, "building", "no building number")
                continue
            key = (grid["num"], compound["name"], int(m.group()))
            b = c["buildings"].get(key)
            if b is not None:
                # listed again: the building is as its first row has it
                self.problem(sheet, line, "duplicate",
                             f"building {v['building']} of {compound['name']} in grid {grid['num']:02d} listed again (line {b['line']})")
                continue
            else:
                b = c["buildings"][key] = dict(line=line, group=False, household=False,
                                               offline=False, online=False)
            b["group"] |= bool(v.get("building_party_group"))
            b["household"] |= bool(v.get("party_household"))
            for who in ("offline", "online"):
                name = v.get(who + "_leader", "")
                phone = v.get(who + "_leader_phone", "")
                if phone and not phone_ok(phone):
                    self.problem(sheet, line, "phone", f"{who}_leader_phone '{phone}' is not a phone number")
                if name and not b[who]:
                    idn = fold(v.get("id_number", "")).upper() if who == "offline" else ""
                    person = ("id", idn) if idn else ("name", name, fold(phone).replace(" ", "").replace("-", ""))
                    self.post(person, sheet, line, who)
                b[who] |= bool(name)
            if v.get("id_number") and b["line"] == line:
                why = id_problem(v["id_number"])
                if why:
                    self.problem(sheet, line, "id", f"id_number '{v['id_number']}': {why}")
            if b["line"] == line:
                if not b["offline"]:
                    self.problem(sheet, line, "leader", "no offline building leader")
                if not b["online"]:
                    self.problem(sheet, line, "leader", "no online building leader")

    def grid_start(self, sheet, line, c, g):
        if not g["grid_leader"]:
            self.problem(sheet, line, "grid", f"grid {g['num']:02d} has no grid leader")
        if not g["grid_party_org"]:
            self.problem(sheet, line, "grid", f"grid {g['num']:02d} has no grid party branch")
        if g["grid_leader_phone"] and not phone_ok(g["grid_leader_phone"]):
            self.problem(sheet, line, "phone", f"grid_leader_phone '{g['grid_leader_phone']}' is not a phone number")
        if g["grid_leader"]:
            self.post(("name", g["grid_leader"], fold(g["grid_leader_phone"]).replace(" ", "").replace("-", "")),
                      sheet, line, "grid")

    def finish(self):
        for person, posts in self.posts.items():
            if len(posts) > MAX_POSTS:
                sheet, line, _ = posts[0]
                self.problem(sheet, line, "posts",
                             f"{person} holds {len(posts)} posts (lines {', '.join(str(p[1]) for p in posts)})")

    def figures(self, c):
        grids = c["grids"].values()
        bl = c["buildings"].values()
        n = dict(grids=len(c["grids"]),
                 grid_party_branches=sum(1 for g in grids if g["grid_party_org"]),
                 compounds=len(c["compounds"]),
                 buildings=len(c["buildings"]),
                 building_party_groups=sum(b["group"] for b in bl),
                 party_households=sum(b["household"] for b in bl),
                 offline_leaders=sum(b["offline"] for b in bl),
                 online_leaders=sum(b["online"] for b in bl),
                 owners_committees=sum(1 for x in c["compounds"].values() if x["committee"]),
                 four_haves=sum(1 for g in grids if all(g[f] == "是" for f in HAVES)))
        return n


def main():
    args = sys.argv[1:]
    total = "--total" in args
    problems = "--problems" in args
    files = [a for a in args if not a.startswith("--")]
    r = Roster()
    for f in files:
        r.read(f)
    r.finish()
    if problems:
        for s, l, k, t in sorted(r.problems, key=lambda p: (p[0], p[1], p[2], p[3])):
            print(f"{s}:{l}: [{k}] {t}")
        return
    codes = divisions()
    out = [COLS]
    sums = dict.fromkeys(COLS[2:-1], 0)
    for (street, community) in sorted(r.comms, key=lambda k: (codes[k[0]], codes[k[1]])):
        n = r.figures(r.comms[(street, community)])
        for k in sums:
            sums[k] += n[k]
        out.append([street, community] + [str(n[k]) for k in COLS[2:-1]] + [pct(n["four_haves"], n["grids"])])
    if total:
        out.append(["total", ""] + [str(sums[k]) for k in COLS[2:-1]] + [pct(sums["four_haves"], sums["grids"])])
    sys.stdout.write("".join("\t".join(row) + "\n" for row in out))


if __name__ == "__main__":
    main()
