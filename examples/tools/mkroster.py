#!/usr/bin/env python3
"""mkroster.py: write the example grid-roster sheets of the district.

    python3 examples/tools/mkroster.py [OUTDIR]

writes OUTDIR/<街道>/<社区>.csv, one sheet per urban community, and
OUTDIR/README; OUTDIR defaults to examples/data/roster next to this
folder.  Development only: the files it writes are committed, the build and
CI never run it.  Python 3, standard library only; a fixed seed, so two runs
write the same bytes.

What is in the data (tests/grid-import/example-* and
examples/tools/expect-roster.py depend on it):

- The 23 urban communities of the 3 sub-districts of Shuangluan, with the
  grid counts of the case export (mkcases.py): 243 grids, 1212 buildings
  (楼栋, counted once each), 1174 of them with an offline building leader
  (线下楼长), 1188 with an online building leader (网络楼长), and 72 compounds
  (小区) with an owners' committee (业委会).
- The sheets are kept the way community staff keep them in Excel: title
  rows, merged cells exported as blanks, 小计/合计/总计 rows, blank rows,
  full-width digits, stray spaces, column aliases, columns in another order
  or missing, GB18030 with CRLF, UTF-8 with or without a BOM (see PROFILES).
- Planted problems for grid-import --check: duplicate buildings, a grid
  without a grid leader, a grid without a party branch, buildings without a
  building leader, invalid phone numbers and identity numbers, one person
  who leads five buildings.  README lists them with sheet and line.

Everything is invented: the streets and communities are real names, the
compounds, companies, people, phone and identity numbers are made up.
"""

import os
import random
import sys

from zlnames import GIVEN, SURNAMES

SEED = 20240630
N_BUILDINGS = 1212
N_NO_OFFLINE = N_BUILDINGS - 1174
N_NO_ONLINE = N_BUILDINGS - 1188
N_COMMITTEES = 72

HERE = os.path.dirname(os.path.abspath(__file__))
DIVISIONS_TSV = "/work/shared/data/shuangluan-divisions.tsv"

# --- places -----------------------------------------------------------------
# (street, [(community, division code, grids, compounds of the case export)])
STREETS = [
    ("元宝山街道", "130803001", [
        ("元宝山社区", "130803001001", 14, ["元宝山小区", "元宝山嘉园", "双塔山路宿舍"]),
        ("东园社区", "130803001002", 11, ["东园小区", "东园新村", "滦河大街东区"]),
        ("北园社区", "130803001003", 10, ["北园小区", "北园佳苑", "北园二区"]),
        ("御祥园社区", "130803001008", 9, ["御祥园小区", "御祥园二期"]),
        ("荣信社区", "130803001009", 10, ["荣信小区", "荣信家园", "信和苑"]),
        ("双安社区", "130803001010", 12, ["双安小区", "双安新城", "安居苑"]),
        ("枫林绿洲社区", "130803001012", 8, ["枫林绿洲小区", "枫林苑"]),
        ("鑫顺社区", "130803001013", 9, ["鑫顺花园", "鑫顺家园"]),
        ("金秀社区", "130803001014", 10, ["金秀花园", "金秀嘉苑"]),
    ]),
    ("钢城街道", "130803002", [
        ("凤凰社区", "130803002001", 12, ["凤凰小区", "凤凰城", "钢城一区"]),
        ("果山社区", "130803002002", 11, ["果山小区", "果山新村"]),
        ("行宫社区", "130803002003", 9, ["行宫小区", "行宫东区"]),
        ("怡园社区", "130803002004", 10, ["怡园小区", "怡园雅居"]),
        ("滦江社区", "130803002005", 13, ["滦江小区", "滦江花园", "滦江湾"]),
        ("滦电社区", "130803002006", 11, ["滦电嘉园", "电厂宿舍", "滦电小区"]),
        ("馨和社区", "130803002007", 8, ["馨和园", "馨和家园"]),
    ]),
    ("秀水街道", "130803003", [
        ("锦绣城社区", "130803003001", 14, ["锦绣城一期", "锦绣城二期", "锦绣城三期"]),
        ("万和城社区", "130803003002", 12, ["万和城小区", "万和城二期"]),
        ("福溪帝苑社区", "130803003003", 10, ["福溪帝苑", "福溪家园"]),
        ("输送机社区", "130803003004", 9, ["输送机厂宿舍", "输送机小区"]),
        ("平安社区", "130803003005", 11, ["平安小区", "平安家园"]),
        ("宝鼎社区", "130803003006", 10, ["宝鼎小区", "宝鼎佳苑"]),
        ("欢乐江山社区", "130803003007", 10, ["欢乐江山小区", "欢乐江山二期"]),
    ]),
]

# More compounds: estates (may have an owners' committee) and the housing of
# old work units (宿舍, 家属院: none).  Each name is used once in the district.
ESTATES = ["锦华苑", "阳光新城", "翡翠园", "滨河花园", "盛世华庭", "和谐家园",
           "金色家园", "祥和小区", "泰和园", "润泽园", "丽景苑", "学府佳苑",
           "御景华庭", "嘉禾园", "瑞景园", "碧水湾", "金地花园", "幸福里",
           "长青园", "紫薇园", "福苑小区", "康乐小区", "明珠花园", "怡景苑",
           "书香苑", "颐和家园", "富康小区", "春晖园", "惠民小区", "兴隆家园",
           "清华园", "龙湾小区", "朝阳小区", "建兴小区", "南山花园", "北山小区",
           "东方红小区", "向阳小区", "文化小区", "红星小区", "华苑小区", "双塔山小区",
           "滨江花园", "水岸名居", "山水家园", "绿苑小区", "龙泽园", "聚福园",
           "天和家园", "永安小区", "安居小区", "丰泽园", "银河小区", "宏达小区",
           "园林小区", "鑫源小区", "旭日家园", "锦江花园", "佳和园", "丽水湾",
           "欣苑小区", "景泰园", "新华小区", "世纪花园", "和平小区", "时代家园",
           "隆兴园", "金鼎小区", "美景苑", "宜居小区", "雅园小区", "润丰家园",
           "泰丰小区", "广厦小区", "翠屏园", "滦阳小区", "承钢新村", "兴华园",
           "福泰家园", "盛景园", "康馨园", "和园小区", "瑞祥小区", "博雅苑",
           "华庭小区", "启明小区", "晨光小区", "嘉和苑"]
UNITS = ["承钢第一宿舍", "承钢第二宿舍", "承钢第三宿舍", "承钢第五宿舍", "电厂家属院",
         "粮食局宿舍", "供销社家属院", "建行宿舍", "农行宿舍", "交通局家属院",
         "税务局宿舍", "邮电局宿舍", "二中家属院", "区医院宿舍", "水泥厂宿舍",
         "建材厂家属院", "机械厂宿舍", "糖厂家属院", "铁路宿舍", "煤建公司宿舍",
         "运输公司家属院", "五金公司宿舍", "化肥厂宿舍", "木材公司宿舍",
         "物资局宿舍", "工商所宿舍", "公安局家属院", "一中家属院", "法院宿舍",
         "林业局宿舍", "电业局家属院", "自来水公司宿舍", "棉纺厂宿舍",
         "轴承厂宿舍", "钢厂东宿舍", "钢厂西宿舍"]
OWN_SUFFIXES = ["北区", "南区", "西区", "新区", "花园", "雅苑", "名苑", "新城", "公寓", "佳园", "东苑", "西苑", "华府", "景园"]
COMPANIES = ["承德安居物业服务有限公司", "承德宏远物业管理有限公司",
             "双滦区恒泰物业服务有限公司", "承德嘉和物业服务有限公司",
             "承德瑞丰物业管理有限公司", "双滦区鑫诚物业服务有限公司",
             "承德华宇物业服务有限公司", "承德和顺物业管理有限公司",
             "双滦区康居物业服务中心", "承德盛世物业服务有限公司"]


CN_NUM = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
          "十一", "十二", "十三", "十四", "十五"]
MOBILE_PREFIXES = ["138", "139", "150", "152", "186", "189"]
ID_AREAS = ["130803"] * 6 + ["130802", "130821", "130822", "130804"]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"

# --- sheet shapes -----------------------------------------------------------
# enc: gbk (GB18030, CRLF), bom (UTF-8 with BOM, CRLF), utf8 (LF)
# titles: rows above the header; merged: hierarchy cells only on a unit's
# first row; order: column order (ORDERS); alias: titles used instead of the
# canonical ones; omit: columns the sheet lacks; gridfmt: 网格01 / 01 / ０１;
# bld: 号楼 or 栋; sub: 小计 after every grid / some grids; total: the word of
# the closing totals row; blank: blank rows; fw: full-width digits here and
# there; spaces: stray spaces around names; none: what an owners' committee
# cell says for a compound without one; phone: how phones are written;
# long: 社区/街道 with 居民委员会/办事处; oc: 业主委员会 or 业委会 in names.
P = dict
PROFILES = {
    "元宝山社区": P(enc="utf8", titles=2, merged=1, order="A", alias=(), omit=(), gridfmt="网格01", bld="号楼", sub="all", total="合计", blank=1, fw=1, spaces=1, none="无", phone="plain", long=0, oc="业主委员会"),
    "东园社区": P(enc="bom", titles=2, merged=1, order="B", alias=("楼号",), omit=(), gridfmt="01", bld="号楼", sub=None, total="合计", blank=0, fw=0, spaces=0, none="", phone="dash", long=0, oc="业主委员会"),
    "北园社区": P(enc="gbk", titles=1, merged=0, order="A", alias=("人数",), omit=("身份证号",), gridfmt="网格01", bld="号楼", sub=None, total=None, blank=1, fw=0, spaces=1, none="无", phone="plain", long=0, oc="业主委员会"),
    "御祥园社区": P(enc="utf8", titles=0, merged=1, order="C", alias=("物业企业", "党组织名称"), omit=(), gridfmt="01", bld="栋", sub="some", total="合计", blank=0, fw=0, spaces=0, none="", phone="mixed", long=1, oc="业主委员会"),
    "荣信社区": P(enc="bom", titles=1, merged=0, order="D", alias=(), omit=(), gridfmt="网格01", bld="号楼", sub=None, total="总计", blank=0, fw=0, spaces=1, none="无", phone="plain", long=0, oc="业委会"),
    "双安社区": P(enc="gbk", titles=2, merged=1, order="A", alias=("楼号", "人数"), omit=("身份证号",), gridfmt="01", bld="号楼", sub="all", total="合计", blank=1, fw=0, spaces=0, none="", phone="dash", long=0, oc="业主委员会"),
    "枫林绿洲社区": P(enc="utf8", titles=0, merged=0, order="B", alias=(), omit=("身份证号", "党员中心户"), gridfmt="网格01", bld="号楼", sub=None, total=None, blank=0, fw=0, spaces=0, none="无", phone="plain", long=0, oc="业主委员会"),
    "鑫顺社区": P(enc="bom", titles=1, merged=1, order="C", alias=(), omit=("身份证号",), gridfmt="01", bld="栋", sub=None, total="合计", blank=1, fw=0, spaces=1, none="", phone="plain", long=0, oc="业主委员会"),
    "金秀社区": P(enc="utf8", titles=0, merged=0, order="A", alias=("物业企业",), omit=("身份证号",), gridfmt="网格01", bld="号楼", sub=None, total=None, blank=0, fw=0, spaces=1, none="无", phone="mixed", long=0, oc="业主委员会"),
    "凤凰社区": P(enc="utf8", titles=2, merged=1, order="D", alias=(), omit=(), gridfmt="网格01", bld="号楼", sub="some", total="合计", blank=0, fw=1, spaces=0, none="", phone="plain", long=0, oc="业主委员会"),
    "果山社区": P(enc="gbk", titles=1, merged=1, order="A", alias=(), omit=(), gridfmt="网格01", bld="号楼", sub=None, total="合计", blank=1, fw=0, spaces=1, none="无", phone="dash", long=0, oc="业主委员会"),
    "行宫社区": P(enc="bom", titles=0, merged=0, order="B", alias=("楼号",), omit=("党员中心户", "身份证号"), gridfmt="01", bld="栋", sub=None, total=None, blank=0, fw=0, spaces=0, none="无", phone="plain", long=1, oc="业委会"),
    "怡园社区": P(enc="utf8", titles=1, merged=1, order="C", alias=("人数",), omit=(), gridfmt="网格01", bld="号楼", sub=None, total="总计", blank=0, fw=0, spaces=0, none="", phone="plain", long=0, oc="业主委员会"),
    "滦江社区": P(enc="bom", titles=2, merged=0, order="A", alias=(), omit=(), gridfmt="01", bld="号楼", sub="all", total="合计", blank=1, fw=1, spaces=1, none="无", phone="mixed", long=0, oc="业主委员会"),
    "滦电社区": P(enc="gbk", titles=1, merged=1, order="D", alias=("党组织名称",), omit=(), gridfmt="网格01", bld="栋", sub=None, total="合计", blank=0, fw=0, spaces=0, none="", phone="plain", long=0, oc="业主委员会"),
    "馨和社区": P(enc="utf8", titles=0, merged=1, order="B", alias=(), omit=("身份证号",), gridfmt="０１", bld="号楼", sub=None, total=None, blank=1, fw=1, spaces=0, none="", phone="plain", long=0, oc="业主委员会"),
    "锦绣城社区": P(enc="bom", titles=1, merged=1, order="A", alias=("物业企业",), omit=("身份证号",), gridfmt="网格01", bld="号楼", sub="some", total="合计", blank=0, fw=0, spaces=1, none="无", phone="dash", long=0, oc="业主委员会"),
    "万和城社区": P(enc="utf8", titles=2, merged=0, order="C", alias=(), omit=(), gridfmt="01", bld="号楼", sub=None, total="合计", blank=0, fw=1, spaces=0, none="无", phone="plain", long=0, oc="业委会"),
    "福溪帝苑社区": P(enc="utf8", titles=0, merged=1, order="B", alias=("楼号", "党组织名称"), omit=("党员中心户", "身份证号"), gridfmt="网格01", bld="号楼", sub=None, total="总计", blank=0, fw=0, spaces=1, none="", phone="plain", long=0, oc="业主委员会"),
    "输送机社区": P(enc="gbk", titles=1, merged=0, order="A", alias=("人数",), omit=(), gridfmt="01", bld="栋", sub=None, total="合计", blank=1, fw=1, spaces=0, none="无", phone="plain", long=0, oc="业主委员会"),
    "平安社区": P(enc="bom", titles=0, merged=1, order="D", alias=(), omit=(), gridfmt="网格01", bld="号楼", sub="some", total=None, blank=0, fw=0, spaces=0, none="", phone="dash", long=0, oc="业主委员会"),
    "宝鼎社区": P(enc="utf8", titles=2, merged=1, order="A", alias=(), omit=(), gridfmt="01", bld="号楼", sub=None, total="合计", blank=1, fw=0, spaces=1, none="无", phone="plain", long=0, oc="业主委员会"),
    "欢乐江山社区": P(enc="gbk", titles=1, merged=1, order="C", alias=("物业企业",), omit=(), gridfmt="网格01", bld="号楼", sub="all", total="合计", blank=0, fw=0, spaces=0, none="", phone="mixed", long=0, oc="业主委员会"),
}

# Canonical titles in the orders the sheets use.
ORDERS = {
    "A": ["街道", "社区", "网格编号", "网格名称", "网格长", "网格长电话", "网格党支部",
          "小区", "楼栋", "楼栋党小组", "线下楼长", "线下楼长电话", "网络楼长",
          "网络楼长电话", "党员中心户", "户数", "人口", "业委会", "物业公司",
          "有人", "有制度", "有保障", "有奖惩", "身份证号"],
    "B": ["街道", "社区", "网格编号", "网格名称", "网格党支部", "有人", "有制度",
          "有保障", "有奖惩", "网格长", "网格长电话", "小区", "业委会", "物业公司",
          "楼栋", "楼栋党小组", "党员中心户", "线下楼长", "线下楼长电话", "身份证号",
          "网络楼长", "网络楼长电话", "户数", "人口"],
    "C": ["街道", "社区", "网格编号", "网格名称", "网格长", "网格长电话", "网格党支部",
          "有人", "有制度", "有保障", "有奖惩", "小区", "物业公司", "业委会", "楼栋",
          "户数", "人口", "楼栋党小组", "党员中心户", "线下楼长", "线下楼长电话",
          "身份证号", "网络楼长", "网络楼长电话"],
    "D": ["街道", "社区", "网格编号", "网格名称", "网格长", "网格长电话", "网格党支部",
          "小区", "业委会", "物业公司", "楼栋", "户数", "人口", "线下楼长",
          "线下楼长电话", "网络楼长", "网络楼长电话", "楼栋党小组", "党员中心户",
          "身份证号", "有人", "有制度", "有保障", "有奖惩"],
}
ALIAS_OF = {"楼号": "楼栋", "人数": "人口", "物业企业": "物业公司", "党组织名称": "网格党支部"}
GRID_COLS = ["街道", "社区", "网格编号", "网格名称", "网格长", "网格长电话", "网格党支部",
             "有人", "有制度", "有保障", "有奖惩"]
COMPOUND_COLS = ["小区", "业委会", "物业公司"]
HAVES = ["有人", "有制度", "有保障", "有奖惩"]

# The planted problems: which sheet holds which (README lists the lines).
DUP_ADJACENT = "东园社区"        # the same row twice, one after the other
DUP_LATER = "凤凰社区"           # again at the end of its compound, N栋 for N号楼
DUP_FULLWIDTH = "万和城社区"     # again at the end of its compound, full-width
NO_LEADER_GRID = ("果山社区", 7)
NO_BRANCH_GRID = ("双安社区", 5)
BAD_PHONES = [  # (community, column, value, why)
    ("元宝山社区", "网格长电话", "12845190372", "mobile with the prefix 12"),
    ("滦江社区", "线下楼长电话", "1526093381", "10 digits"),
    ("锦绣城社区", "网络楼长电话", "186-2047-39185", "12 digits"),
    ("平安社区", "网格长电话", "0314-23456", "landline with a 5-digit local number"),
]
BAD_IDS = [  # (community, kind)
    ("荣信社区", "check"),
    ("怡园社区", "date"),
    ("宝鼎社区", "old15"),
]
FULLWIDTH_ID = "元宝山社区"      # a valid number ending in X, written ＸＸ full-width
OVERLOADED = ("滦电社区", 3, 5)  # community, grid, buildings led by one person
SPACE_ONLY = "金秀社区"          # a building whose 线下楼长 cell holds one space
N_SHARED_OFFLINE = 12            # people leading two neighbouring buildings
N_SHARED_ONLINE = 8


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def id_check(first17):
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS)) % 11]


class Gen:
    def __init__(self):
        self.rng = random.Random(SEED)
        rng = self.rng
        names = [s + g for s in SURNAMES for g in GIVEN]
        rng.shuffle(names)
        self.names = names
        self.phones = set()
        self.ids = set()

    def name(self):
        return self.names.pop()

    def mobile(self):
        while True:
            p = self.rng.choice(MOBILE_PREFIXES) + "".join(self.rng.choice("0123456789") for _ in range(8))
            if p not in self.phones:
                self.phones.add(p)
                return p

    def landline(self):
        while True:
            p = str(self.rng.randint(2, 2)) + "".join(self.rng.choice("0123456789") for _ in range(6))
            if p not in self.phones:
                self.phones.add(p)
                return ("0314-" + p) if self.rng.random() < 0.6 else p

    def birth(self, lo=1950, hi=2000):
        rng = self.rng
        y = rng.randint(lo, hi)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)
        return f"{y:04d}{m:02d}{d:02d}"

    def idnum(self, lo=1950, hi=2000, want_x=False):
        while True:
            body = self.rng.choice(ID_AREAS) + self.birth(lo, hi) + f"{self.rng.randint(1, 999):03d}"
            c = id_check(body)
            if want_x and c != "X":
                continue
            if body + c not in self.ids:
                self.ids.add(body + c)
                return body + c


# --- the model --------------------------------------------------------------

def build(g):
    rng = g.rng
    comms = []
    for street, scode, cl in STREETS:
        for name, code, ngrids, base in cl:
            comms.append(dict(street=street, scode=scode, name=name, code=code,
                              short=name[:-2], ngrids=ngrids, base=list(base),
                              prof=PROFILES[name], grids=[]))
    assert len(comms) == 23 and sum(c["ngrids"] for c in comms) == 243
    assert all(8 <= c["ngrids"] <= 15 for c in comms)

    # buildings per grid: 3..8, summing to N_BUILDINGS
    sizes = [[rng.choice([3, 4, 4, 5, 5, 5, 6, 6, 7, 8]) for _ in range(c["ngrids"])] for c in comms]
    flat = [(i, j) for i, c in enumerate(comms) for j in range(c["ngrids"])]
    oc = [i for i, c in enumerate(comms) if c["name"] == OVERLOADED[0]][0]
    sizes[oc][OVERLOADED[1] - 1] = 7
    while sum(map(sum, sizes)) != N_BUILDINGS:
        i, j = rng.choice(flat)
        if (i, j) == (oc, OVERLOADED[1] - 1):
            continue
        if sum(map(sum, sizes)) > N_BUILDINGS and sizes[i][j] > 3:
            sizes[i][j] -= 1
        elif sum(map(sum, sizes)) < N_BUILDINGS and sizes[i][j] < 8:
            sizes[i][j] += 1

    estates = list(ESTATES)
    units = list(UNITS)
    rng.shuffle(estates)
    rng.shuffle(units)
    compounds = []          # every compound of the district
    for ci, c in enumerate(comms):
        pool = [(n, "estate" if not n.endswith("宿舍") else "unit") for n in c["base"]]
        own = [c["short"] + x for x in OWN_SUFFIXES if c["short"] + x not in c["base"]]

        def new_compound():
            if pool:
                n, kind = pool.pop(0)
            else:
                r = rng.random()
                src = ["unit", "estate", "own"] if r < 0.3 else ["estate", "own", "unit"] if r < 0.75 else ["own", "estate", "unit"]
                src = [x for x in src if {"unit": units, "estate": estates, "own": own}[x]][0]
                if src == "unit":
                    n, kind = units.pop(), "unit"
                elif src == "estate":
                    n, kind = estates.pop(), "estate"
                else:
                    n, kind = own.pop(0), "estate"
            comp = dict(name=n, kind=kind, comm=c, committee=False, company="", nb=0)
            compounds.append(comp)
            return comp

        prev = None
        for gi in range(c["ngrids"]):
            nb = sizes[ci][gi]
            k = rng.choices([1, 2, 3], [0.6, 0.33, 0.07])[0]
            k = min(k, nb)
            cuts = sorted(rng.sample(range(1, nb), k - 1)) if k > 1 else []
            segs = [b - a for a, b in zip([0] + cuts, cuts + [nb])]
            grid = dict(num=gi + 1, comm=c, segs=[])
            for si, n in enumerate(segs):
                if si == 0 and prev is not None and rng.random() < 0.4:
                    comp = prev
                else:
                    comp = new_compound()
                blds = []
                for _ in range(n):
                    comp["nb"] += 1
                    blds.append(dict(num=comp["nb"], comp=comp, grid=grid))
                grid["segs"].append((comp, blds))
                prev = comp
            c["grids"].append(grid)

    # owners' committees: 72 estates, the bigger ones more likely
    estates_all = [x for x in compounds if x["kind"] == "estate"]
    chosen = set()
    while len(chosen) < N_COMMITTEES:
        x = rng.choices(estates_all, [1 + x["nb"] for x in estates_all])[0]
        chosen.add(id(x))
    for x in compounds:
        x["committee"] = id(x) in chosen
        if x["committee"]:
            x["company"] = rng.choice(COMPANIES) if rng.random() < 0.95 else ""
        elif x["kind"] == "estate":
            x["company"] = rng.choice(COMPANIES) if rng.random() < 0.5 else ""

    # grids and buildings
    buildings = []
    for c in comms:
        for grid in c["grids"]:
            n = grid["num"]
            grid["name"] = f"{c['short']}{CN_NUM[n]}网格"
            grid["leader"] = g.name()
            grid["phone"] = g.landline() if rng.random() < 0.12 else g.mobile()
            grid["branch"] = f"{c['name']}第{CN_NUM[n]}网格党支部"
            r = rng.random()
            haves = ["是"] * 4
            if r > 0.87:
                for k in rng.sample(range(4), rng.choice([1, 1, 2])):
                    haves[k] = "否"
            grid["haves"] = haves
            grid["blds"] = [b for _, bl in grid["segs"] for b in bl]
            for b in grid["blds"]:
                units_ = rng.choice([1, 2, 2, 3, 3, 4])
                floors = rng.choice([5, 6, 6, 6, 7, 11, 18])
                b["hh"] = units_ * floors * 2 - rng.choice([0, 0, 0, 1, 2])
                b["pop"] = round(b["hh"] * rng.uniform(2.1, 2.9))
                b["group"] = rng.random() < 0.55
                b["household"] = g.name() if rng.random() < 0.42 else ""
                b["offline"] = dict(name=g.name(), phone=g.mobile(), id=None)
                b["online"] = dict(name=g.name(), phone=g.mobile())
                b["comm"] = c
                buildings.append(b)
    assert len(buildings) == N_BUILDINGS
    return comms, compounds, buildings


def plant(g, comms, buildings):
    """Choose the special buildings and the ones without leaders."""
    rng = g.rng
    byname = {c["name"]: c for c in comms}
    special = set()

    def pick(comm, pred=lambda b: True):
        cand = [b for grid in byname[comm]["grids"] for b in grid["blds"]
                if id(b) not in special and pred(b)]
        b = rng.choice(cand)
        special.add(id(b))
        return b

    # the overloaded person: buildings 1..5 of the grid
    c = byname[OVERLOADED[0]]
    grid = c["grids"][OVERLOADED[1] - 1]
    boss = grid["blds"][0]["offline"]
    for b in grid["blds"][:OVERLOADED[2]]:
        b["offline"] = boss
        special.add(id(b))
    boss["overloaded"] = True
    # duplicates: a building of a compound segment with two buildings or more
    multi = lambda b: any(len(bl) >= 2 and any(x is b for x in bl) for _, bl in b["grid"]["segs"])
    def early(b):
        # not the last of its compound in the grid: the copy comes later
        return any(len(bl) >= 3 and any(x is b for x in bl[:-1]) for _, bl in b["grid"]["segs"])
    for comm, how in ((DUP_ADJACENT, "adjacent"), (DUP_LATER, "later"), (DUP_FULLWIDTH, "fullwidth")):
        b = pick(comm, multi if how == "adjacent" else early)
        b["dup"] = how
    for comm, col, value, why in BAD_PHONES:
        if col == "网格长电话":
            grid = rng.choice(byname[comm]["grids"])
            grid["phone"] = value
            grid["bad_phone"] = why
        else:
            b = pick(comm)
            key = "offline" if col.startswith("线下") else "online"
            b[key]["phone"] = value
            b[key]["bad_phone"] = why
    for comm, kind in BAD_IDS:
        b = pick(comm)
        b["offline"]["bad_id"] = kind
    b = pick(FULLWIDTH_ID)
    b["offline"]["fw_id"] = True
    # grids without a leader / a party branch (their flags all 否)
    grid = byname[NO_LEADER_GRID[0]]["grids"][NO_LEADER_GRID[1] - 1]
    grid["leader"] = ""
    grid["phone"] = ""
    grid = byname[NO_BRANCH_GRID[0]]["grids"][NO_BRANCH_GRID[1] - 1]
    grid["branch"] = ""
    grid["haves"] = ["否"] * 4

    # buildings without an offline / online leader
    free = [b for b in buildings if id(b) not in special]
    sp = [b for b in free if b["comm"]["name"] == SPACE_ONLY][0]
    no_off = [sp] + rng.sample([b for b in free if b is not sp], N_NO_OFFLINE - 1)
    sp["space_only"] = True
    no_on = rng.sample(free, N_NO_ONLINE)
    for b in no_off:
        b["offline"] = None
    for b in no_on:
        b["online"] = None
    # people leading two neighbouring buildings of a grid
    for key, n in (("offline", N_SHARED_OFFLINE), ("online", N_SHARED_ONLINE)):
        done = 0
        while done < n:
            b = rng.choice(free)
            bl = b["grid"]["blds"]
            i = [k for k, x in enumerate(bl) if x is b][0]
            if i == 0:
                continue
            a = bl[i - 1]
            if id(a) in special or a[key] is None or b[key] is None or a[key].get("shared") or b[key].get("shared"):
                continue
            b[key] = a[key]
            a[key]["shared"] = True
            done += 1

    # identity numbers for the offline leaders of sheets that have the column
    for b in buildings:
        o = b["offline"]
        if o is None or "身份证号" in b["comm"]["prof"]["omit"] or o["id"] is not None:
            continue
        kind = o.get("bad_id")
        if kind == "check":
            good = g.idnum(1952, 1975)
            wrong = ID_CHECK[(ID_CHECK.index(good[-1]) + 3) % 11]
            o["id"] = good[:-1] + wrong
        elif kind == "date":
            body = "130803" + "19780230" + f"{rng.randint(1, 999):03d}"
            o["id"] = body + id_check(body)
        elif kind == "old15":
            o["id"] = "130803" + "580714" + f"{rng.randint(1, 999):03d}"
        elif o.get("fw_id"):
            o["id"] = g.idnum(1950, 1975, want_x=True)
        else:
            o["id"] = g.idnum(1950, 1990)


# --- the sheets -------------------------------------------------------------

class Sheet:
    def __init__(self, g, c):
        self.g = g
        self.c = c
        self.p = c["prof"]
        p = self.p
        self.cols = [t for t in ORDERS[p["order"]] if t not in p["omit"]]
        self.rows = []          # lists of cells
        self.problems = []      # (line, text)

    def line(self):
        return len(self.rows) + 1

    def put(self, cells):
        self.rows.append([cells.get(t, "") for t in self.cols])

    def header(self):
        p = self.p
        alias = {ALIAS_OF[a]: a for a in p["alias"]}
        h = [alias.get(t, t) for t in self.cols]
        if self.c["name"] == "滦江社区":
            h[self.cols.index("网络楼长电话")] += " "
        return h

    # the ways staff write things
    def phone(self, v):
        rng = self.g.rng
        if not v or not v.isdigit() or len(v) != 11 or not v.startswith("1"):
            return v
        style = self.p["phone"]
        if style == "mixed":
            style = rng.choice(["plain", "plain", "dash", "space"])
        out = v if style == "plain" else (f"{v[:3]}-{v[3:7]}-{v[7:]}" if style == "dash" else f"{v[:3]} {v[3:7]} {v[7:]}")
        if self.p["fw"] and rng.random() < 0.08:
            out = fullwidth(out)
        return out

    def person(self, v):
        rng = self.g.rng
        if v and self.p["spaces"] and rng.random() < 0.08:
            return rng.choice([" " + v, v + " ", " " + v + " ", v + "\u3000", "\u3000" + v])
        return v

    def gridnum(self, n):
        f = self.p["gridfmt"]
        s = f"网格{n:02d}" if f == "网格01" else f"{n:02d}" if f == "01" else fullwidth(f"{n:02d}")
        if self.p["fw"] and f != "０１" and self.g.rng.random() < 0.2:
            s = s[:-2] + fullwidth(s[-2:])
        return s

    def bldtext(self, n, form=None, fw=False):
        form = form or self.p["bld"]
        s = f"{n}{form}"
        if fw or (self.p["fw"] and self.g.rng.random() < 0.06):
            s = fullwidth(str(n)) + form
        return s

    def write(self):
        g, c, p = self.g, self.c, self.p
        rng = g.rng
        m = rng.choice([3, 6, 6, 9])
        day = {3: 31, 6: 30, 9: 30}[m]
        titles = [f"{c['name']}网格化管理台账（2024年{m}月）",
                  f"填报单位：{c['name']}居委会　　填报日期：2024年{m}月{day}日"]
        if p["titles"] == 1:
            titles = [rng.choice([titles[0], f"{c['street']}{c['name']}“双楼长”及网格党组织信息统计表"])]
        for t in titles[:p["titles"]]:
            self.put({self.cols[0]: t})
        self.rows.append(self.header())
        street = c["street"] + ("办事处" if p["long"] and c["street"] == "钢城街道" else "")
        comm = c["name"] + ("居民委员会" if p["long"] else "")
        tot_hh = tot_pop = 0
        grids = c["grids"]
        sub_after = set(range(len(grids))) if p["sub"] == "all" else \
            set(rng.sample(range(len(grids)), len(grids) // 2)) if p["sub"] == "some" else set()
        blank_after = set(rng.sample(range(len(grids) - 1), 3)) if p["blank"] else set()
        sheet = f"{c['street']}/{c['name']}.csv"
        for gi, grid in enumerate(grids):
            gcells = {"街道": street, "社区": comm, "网格编号": self.gridnum(grid["num"]),
                      "网格名称": grid["name"], "网格长": self.person(grid["leader"]),
                      "网格长电话": self.phone(grid["phone"]), "网格党支部": grid["branch"]}
            for k, v in zip(HAVES, grid["haves"]):
                gcells[k] = v
            first_line = self.line()
            if not grid["leader"]:
                self.problems.append((first_line, "grid", f"grid {grid['num']:02d} has no grid leader (网格长)"))
            if not grid["branch"]:
                self.problems.append((first_line, "grid", f"grid {grid['num']:02d} has no grid party branch (网格党支部)"))
            if grid.get("bad_phone"):
                self.problems.append((first_line, "phone", f"网格长电话 '{grid['phone']}' is not a phone number ({grid['bad_phone']})"))
            g_hh = g_pop = 0
            first_in_grid = True
            for comp, blds in grid["segs"]:
                cname = comp["name"]
                committee = f"{cname}{p['oc']}" if comp["committee"] else p["none"]
                ccells = {"小区": cname, "业委会": committee, "物业公司": comp["company"]}
                rows = []
                for b in blds:
                    rows.append((b, None))
                    if b.get("dup") == "adjacent":
                        rows.append((b, "adjacent"))
                for b in blds:
                    if b.get("dup") in ("later", "fullwidth"):
                        rows.append((b, b["dup"]))
                first_in_comp = True
                for b, dup in rows:
                    cells = {}
                    if not p["merged"] or first_in_grid:
                        cells.update(gcells)
                        if p["merged"]:
                            pass
                    if not p["merged"] or first_in_comp:
                        cells.update(ccells)
                    if p["spaces"] and cells.get("小区") and rng.random() < 0.1:
                        cells["小区"] = cname + rng.choice([" ", "\u3000"])
                    if p["merged"] and not first_in_grid:
                        for k in GRID_COLS:
                            cells.pop(k, None)
                    if not p["merged"]:
                        # every row repeats the grid cells (a fresh grid number
                        # form now and then, as typed)
                        cells["网格编号"] = self.gridnum(grid["num"])
                    if dup == "later":
                        form = "栋" if p["bld"] == "号楼" else "号楼"
                        bt = self.bldtext(b["num"], form)
                    elif dup == "fullwidth":
                        bt = self.bldtext(b["num"], fw=True)
                    else:
                        bt = b.get("text") or (f"{b['num']}{p['bld']}" if b.get("dup") == "fullwidth" else self.bldtext(b["num"]))
                        b["text"] = bt
                    cells["楼栋"] = bt
                    if b["group"]:
                        cells["楼栋党小组"] = bt.translate({0xFF10 + i: 0x30 + i for i in range(10)}) + "党小组"
                    cells["党员中心户"] = self.person(b["household"])
                    o, n = b["offline"], b["online"]
                    if o is not None:
                        cells["线下楼长"] = self.person(o["name"])
                        cells["线下楼长电话"] = self.phone(o["phone"])
                        if o.get("id"):
                            cells["身份证号"] = fullwidth(o["id"]) if o.get("fw_id") or (o.get("overloaded") and b is o.get("fw_row")) else o["id"]
                    elif b.get("space_only"):
                        cells["线下楼长"] = " "
                    if n is not None:
                        cells["网络楼长"] = self.person(n["name"])
                        cells["网络楼长电话"] = self.phone(n["phone"])
                    cells["户数"] = str(b["hh"])
                    cells["人口"] = str(b["pop"])
                    line = self.line()
                    self.put(cells)
                    g_hh += b["hh"]
                    g_pop += b["pop"]
                    first_in_grid = first_in_comp = False
                    if dup:
                        self.problems.append((line, "duplicate", f"building {bt} of {cname} in grid {grid['num']:02d} listed again (as {b['text']} on line {b['line']})"))
                        continue
                    b["line"] = line
                    b["sheet"] = sheet
                    if o is None:
                        self.problems.append((line, "leader", f"building {bt} of {cname} has no offline building leader (线下楼长)" + (" (the cell holds a space)" if b.get("space_only") else "")))
                    if n is None:
                        self.problems.append((line, "leader", f"building {bt} of {cname} has no online building leader (网络楼长)"))
                    for who, col in ((o, "线下楼长电话"), (n, "网络楼长电话")):
                        if who is not None and who.get("bad_phone"):
                            self.problems.append((line, "phone", f"{col} '{who['phone']}' is not a phone number ({who['bad_phone']})"))
                    if o is not None and o.get("bad_id"):
                        why = {"check": "wrong check digit", "date": "impossible birth date 1978-02-30",
                               "old15": "15-digit number of the old kind"}[o["bad_id"]]
                        self.problems.append((line, "id", f"身份证号 '{o['id']}' is not valid ({why})"))
                    if o is not None and o.get("overloaded"):
                        o.setdefault("lines", []).append(line)
            tot_hh += g_hh
            tot_pop += g_pop
            if gi in sub_after:
                self.put({self.cols[0]: "小计", "户数": str(g_hh), "人口": str(g_pop)})
            if gi in blank_after:
                self.put({})
        if p["blank"]:
            self.put({})
        if p["total"]:
            self.put({self.cols[0]: p["total"], "户数": str(tot_hh), "人口": str(tot_pop)})

    def bytes(self):
        def cell(v):
            if any(ch in v for ch in ',"\r\n'):
                return '"' + v.replace('"', '""') + '"'
            return v
        lines = [",".join(cell(v) for v in r) for r in self.rows]
        enc = self.p["enc"]
        if enc == "gbk":
            return ("\r\n".join(lines) + "\r\n").encode("gb18030")
        if enc == "bom":
            return b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8")
        return ("\n".join(lines) + "\n").encode("utf-8")


def check_divisions(comms):
    """The names and codes agree with the shared division table."""
    if not os.path.exists(DIVISIONS_TSV):
        return
    with open(DIVISIONS_TSV, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f][1:]
    names = {r[0]: r[1] for r in rows}
    for street, scode, cl in STREETS:
        assert names[scode] == street, scode
        for name, code, *_ in cl:
            assert names[code] == name + "居民委员会", code
    urban = [r for r in rows if r[3] in ("130803001", "130803002", "130803003")]
    assert len(urban) == 23


README_HEAD = """\
Example grid-roster sheets (网格化管理台账) of the 23 urban communities of
Shuangluan District: examples/data/roster/<街道>/<社区>.csv, one sheet per
community, as community staff keep them in Excel and export them to CSV.
Written by examples/tools/mkroster.py (fixed seed; do not edit by hand);
the expected figures come from examples/tools/expect-roster.py, an
independent reading of the sheets, and are pinned by
tests/grid-import/example-*.

Everything is invented: street and community names are real, compounds,
companies, people, phone numbers and identity numbers are made up.

Figures (expect-roster.py --total): 243 grids, 242 grid party branches,
{compounds} compounds, 1212 buildings, 1174 with an offline building leader
(线下楼长), 1188 with an online building leader (网络楼长), 72 owners'
committees (业委会), {four} grids meeting all four haves.  A building is
(community, grid number, compound, building number): 5号楼, ５号楼 and 5栋
are building 5; a building listed twice counts once, as its first row
has it.  Grids are the distinct grid numbers of a
community (网格01 = 01 = ０１), compounds its distinct compound names.

How the sheets are kept (each kind in several sheets):
- columns in four orders; 楼号 for 楼栋, 人数 for 人口, 物业企业 for 物业公司,
  党组织名称 for 网格党支部; some sheets lack 身份证号 or 党员中心户;
  one header cell with a trailing space (滦江社区: "网络楼长电话 ");
- one or two title rows above the header, padded with commas as Excel
  writes merged title cells;
- merged cells exported as blanks: 街道 … 网格党支部 and 有人 … 有奖惩 only on
  a grid's first row; 小区, 业委会, 物业公司 only on a compound's first row
  within its grid.  Fill down by level: a row that starts a grid (网格编号
  given) takes the grid cells as they are, so an empty 网格长 or 网格党支部
  there is empty, not the grid above's; likewise a row that starts a
  compound takes 业委会 and 物业公司 as they are (empty, or 无, means none);
- 小计 rows after all or some grids, a closing 合计 or 总计 row (the word in
  the first column, sums in 户数 and 人口), blank rows (,,,,);
- full-width digits (网格０３, ５号楼, １３８…, a whole identity number with
  Ｘ), whole sheets numbering grids ０１; stray spaces and ideographic
  spaces around names and compound names; phones written 13812345678,
  138-1234-5678, 138 1234 5678, landlines 0314-2345678 and 2345678;
- 社区 written with 居民委员会 and 钢城街道 with 办事处 (御祥园社区, 行宫社区);
- encodings: GB18030 with CRLF (北园, 双安, 果山, 滦电, 输送机, 欢乐江山),
  UTF-8 with a BOM and CRLF (Excel's "CSV UTF-8"), UTF-8 with LF.

Sheet shapes:
{shapes}

The problems in the sheets (what grid-import --check should find), by sheet
and line (lines of the file, counting title rows and the header from 1):
{problems}
Nothing else is wrong: every other phone and identity number is valid; no
other person holds more than 2 posts (a person is the identity number, or
else name and phone); people's names are unique in the district except
where the same person leads two neighbouring buildings.
"""


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "data", "roster")
    g = Gen()
    comms, compounds, buildings = build(g)
    check_divisions(comms)
    plant(g, comms, buildings)
    # the overloaded person's identity number: one row writes it full-width
    c = [x for x in comms if x["name"] == OVERLOADED[0]][0]
    boss = c["grids"][OVERLOADED[1] - 1]["blds"][0]["offline"]
    boss["fw_row"] = c["grids"][OVERLOADED[1] - 1]["blds"][3]
    problems, shapes = [], []
    for c in comms:
        s = Sheet(g, c)
        s.write()
        d = os.path.join(out, c["street"])
        os.makedirs(d, exist_ok=True)
        data = s.bytes()
        for ch in "".join(",".join(r) for r in s.rows):
            ch.encode("gbk")
        with open(os.path.join(d, c["name"] + ".csv"), "wb") as f:
            f.write(data)
        sheet = f"{c['street']}/{c['name']}.csv"
        for line, kind, text in s.problems:
            problems.append((sheet, line, kind, text))
        p = c["prof"]
        enc = {"gbk": "GB18030 CRLF", "bom": "UTF-8 BOM CRLF", "utf8": "UTF-8 LF"}[p["enc"]]
        bits = [enc, f"{p['titles']} title row" + ("s" if p["titles"] != 1 else ""), "merged" if p["merged"] else "filled",
                f"order {p['order']}"]
        if p["alias"]:
            bits.append("+".join(p["alias"]))
        if p["omit"]:
            bits.append("no " + "/".join(p["omit"]))
        bits.append(f"grids {p['gridfmt']}")
        bits.append(f"N{p['bld']}")
        if p["sub"]:
            bits.append("小计 " + ("every grid" if p["sub"] == "all" else "some grids"))
        if p["total"]:
            bits.append(p["total"])
        if p["blank"]:
            bits.append("blank rows")
        if p["fw"]:
            bits.append("full-width")
        if p["spaces"]:
            bits.append("stray spaces")
        bits.append("no committee: " + (p["none"] or "empty"))
        shapes.append(f"  {sheet}: " + ", ".join(bits))
    # the person with too many posts
    for b in buildings:
        o = b["offline"]
        if o is not None and o.get("overloaded"):
            lines = o["lines"]
            problems.append((b["sheet"], lines[0], "posts",
                             f"{o['name']} (身份证号 {o['id']}) is offline building leader of {len(lines)} buildings (lines {', '.join(map(str, lines))})"))
            break
    problems.sort(key=lambda x: ([c["street"] + "/" + c["name"] + ".csv" for c in comms].index(x[0]), x[1]))
    plist = "".join(f"  {s}:{l}: [{k}] {t}\n" for s, l, k, t in problems)
    four = sum(1 for c in comms for grid in c["grids"] if grid["haves"] == ["是"] * 4)
    text = README_HEAD.format(compounds=len(compounds), four=four, shapes="\n".join(shapes), problems=plist)
    with open(os.path.join(out, "README"), "w", encoding="utf-8") as f:
        f.write(text)
    kinds = {}
    for p in problems:
        kinds[p[2]] = kinds.get(p[2], 0) + 1
    print(f"mkroster: {len(comms)} sheets, {len(buildings)} buildings, {len(compounds)} compounds, problems {kinds}", file=sys.stderr)


if __name__ == "__main__":
    main()
