#!/usr/bin/env python3
"""mkcases.py: write the example case-platform export of 2024.

    python3 examples/tools/mkcases.py [OUTDIR]

writes OUTDIR/cases-2024.csv (UTF-8, LF) and OUTDIR/cases-2024-gbk.csv
(GB18030, CRLF, as Excel on Chinese Windows saves it); OUTDIR defaults to
examples/data next to this folder.  Development only: the files it writes
are committed, the build and CI never run it.  Python 3, standard library
only; a fixed seed, so two runs write the same bytes.

What is in the data (the golden tests tests/case-stats/example-* and
examples/tools/expect-cases.py depend on it):

- 3851 valid cases reported in 2024 in the 23 urban communities of the
  3 sub-districts of Shuangluan: 3845 closed, 4 open (处置中, 已派遣, 办理中,
  待核查), 2 returned (已退回), none cancelled; 895 of them come from the
  channel 预约代办.
- The file is the concatenation of 12 monthly exports.  10 rows repeat a
  case: 6 open snapshots followed later by the closed row (later 更新时间),
  2 where the first row is the newer one, 1 pair with equal 更新时间 (closed
  first, open second), 1 exact duplicate line.
- 6 broken rows, one fault each: the impossible date 2024-02-30, closed
  before reported, the unknown status 已结, an empty case id, 已办结 with no
  closing time, one field too many (an unquoted comma).

Everything is invented: places are real community names, the compounds,
roads and events are made up; there are no personal data.
"""

import datetime as dt
import math
import os
import random
import re
import sys

SEED = 20240101
YEAR = 2024
N_VALID = 3851
N_AGENCY = 895          # 来源 预约代办
N_EMPTY_CAT = 41        # 事件类型 empty
N_OTHER_WRONG = 38      # 事件类型 其他 though a rule matches
N_OTHER_TRUE = 12       # 其他, no rule matches

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = "/work/shared/data"
CALENDAR_TSV = os.path.join(SHARED, "cn-calendar-2024-2026.tsv")

HEADER = ["事件编号", "上报时间", "办结时间", "状态", "事件类型", "事件描述",
          "街道", "社区", "网格", "来源", "满意度", "办理时限", "更新时间"]

# --- places -----------------------------------------------------------------
# (community, grids, relative size of the caseload, compounds)
STREETS = [
    ("元宝山街道", ["元宝山路", "双塔山大街", "滦河大街", "北园路", "金秀路", "东园街"], [
        ("元宝山社区", 14, 1.30, ["元宝山小区", "元宝山嘉园", "双塔山路宿舍"]),
        ("东园社区", 11, 1.00, ["东园小区", "东园新村", "滦河大街东区"]),
        ("北园社区", 10, 0.85, ["北园小区", "北园佳苑", "北园二区"]),
        ("御祥园社区", 9, 0.75, ["御祥园小区", "御祥园二期"]),
        ("荣信社区", 10, 0.90, ["荣信小区", "荣信家园", "信和苑"]),
        ("双安社区", 12, 1.15, ["双安小区", "双安新城", "安居苑"]),
        ("枫林绿洲社区", 8, 0.55, ["枫林绿洲小区", "枫林苑"]),
        ("鑫顺社区", 9, 0.70, ["鑫顺花园", "鑫顺家园"]),
        ("金秀社区", 10, 0.95, ["金秀花园", "金秀嘉苑"]),
    ]),
    ("钢城街道", ["钢城路", "凤凰路", "果山路", "行宫路", "滦江路", "电厂路"], [
        ("凤凰社区", 12, 1.10, ["凤凰小区", "凤凰城", "钢城一区"]),
        ("果山社区", 11, 0.95, ["果山小区", "果山新村"]),
        ("行宫社区", 9, 0.65, ["行宫小区", "行宫东区"]),
        ("怡园社区", 10, 0.80, ["怡园小区", "怡园雅居"]),
        ("滦江社区", 13, 1.25, ["滦江小区", "滦江花园", "滦江湾"]),
        ("滦电社区", 11, 0.90, ["滦电嘉园", "电厂宿舍", "滦电小区"]),
        ("馨和社区", 8, 0.45, ["馨和园", "馨和家园"]),
    ]),
    ("秀水街道", ["秀水街", "锦绣路", "万和路", "平安路", "宝鼎街", "迎宾路"], [
        ("锦绣城社区", 14, 1.45, ["锦绣城一期", "锦绣城二期", "锦绣城三期"]),
        ("万和城社区", 12, 1.20, ["万和城小区", "万和城二期"]),
        ("福溪帝苑社区", 10, 0.80, ["福溪帝苑", "福溪家园"]),
        ("输送机社区", 9, 0.60, ["输送机厂宿舍", "输送机小区"]),
        ("平安社区", 11, 0.95, ["平安小区", "平安家园"]),
        ("宝鼎社区", 10, 0.85, ["宝鼎小区", "宝鼎佳苑"]),
        ("欢乐江山社区", 10, 0.70, ["欢乐江山小区", "欢乐江山二期"]),
    ]),
]
COMMUNITIES = []        # (street, community, grids, weight, compounds, roads)
for street, roads, comms in STREETS:
    for name, grids, weight, compounds in comms:
        COMMUNITIES.append((street, name, grids, weight, compounds, roads))
assert len(COMMUNITIES) == 23 and sum(c[2] for c in COMMUNITIES) == 243

SPOTS = ["菜市场", "幼儿园", "公交站", "超市", "小学", "卫生服务站", "农贸市场"]

# --- categories -------------------------------------------------------------
CATS = ["违法停车", "基础设施损毁", "环境卫生", "噪音扰民", "占道经营",
        "违章搭建", "物业纠纷", "邻里纠纷", "供暖供水"]
OTHER = "其他"
CATS_IN_RULE_ORDER = ["违法停车", "噪音扰民", "供暖供水", "基础设施损毁", "环境卫生",
                      "占道经营", "违章搭建", "物业纠纷", "邻里纠纷"]
BASE_W = {"违法停车": 14, "基础设施损毁": 15, "环境卫生": 19, "噪音扰民": 7,
          "占道经营": 8, "违章搭建": 4, "物业纠纷": 12, "邻里纠纷": 7,
          "供暖供水": 8}


def cat_weight(cat, month):
    w = BASE_W[cat]
    if cat == "供暖供水":
        w *= 3.2 if month in (11, 12, 1, 2, 3) else 1.0 if month in (4, 10) else 0.5
    elif cat == "噪音扰民":
        w *= 2.5 if month in (6, 7, 8) else 1.6 if month in (5, 9) else 0.6 if month in (12, 1, 2) else 1.0
    elif cat == "占道经营":
        w *= 1.5 if 5 <= month <= 9 else 0.6 if month in (12, 1, 2) else 1.0
    elif cat == "环境卫生":
        w *= 1.2 if month in (7, 8) else 1.0
    elif cat == "违章搭建":
        w *= 1.3 if 4 <= month <= 10 else 0.7
    return w


# Time limits of etc/zhili.yaml (case-stats: time-limits:), in working days.
LIMIT_DAYS = {"违法停车": 1, "噪音扰民": 1, "占道经营": 2, "环境卫生": 2,
              "供暖供水": 2, "基础设施损毁": 5, "物业纠纷": 10, "邻里纠纷": 10,
              "违章搭建": 15}
DEFAULT_DAYS = 5

# The classification rules of etc/zhili.yaml (case-stats: categories:),
# read from the file, to check the descriptions against them.
def read_rules(path):
    rules, name = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s+- name:\s*(.+?)\s*$", line)
            if m:
                name = m.group(1)
                continue
            m = re.match(r'\s+pattern:\s*"(.*)"\s*$', line)
            if m and name:
                rules.append((name, re.compile(m.group(1).replace("\\\\", "\\"))))
                name = None
    return rules


RULES = read_rules(os.path.join(HERE, "..", "..", "etc", "zhili.yaml"))
assert [n for n, _ in RULES] == CATS_IN_RULE_ORDER, RULES


def classify(text):
    for name, rx in RULES:
        if rx.search(text):
            return name
    return None


# Issue texts: {loc} a place in the compound, {c} the compound, {b} a
# building, {u} a unit, {r} {r2} roads, {s} a spot.
ISSUES = {
    "违法停车": [
        "{loc}门前车辆乱停乱放，影响居民出行",
        "{c}内有车辆长期占用消防通道，存在安全隐患",
        "{r}与{r2}交叉口机动车违停严重，早高峰拥堵",
        "{c}{b}号楼下有一辆僵尸车停放半年以上无人挪走",
        "有私家车堵住{c}{b}号楼车库门口，联系不上车主",
        "{c}东门外路边违规停车，公交车通行困难",
        "外来车辆在{c}出入口乱停，堵塞出口",
        "{r}{s}门口电动车、三轮车乱停，占用盲道",
        "夜间有大货车在{r}违停，挡住{c}大门",
        "{loc}楼前有车辆占用通道，救护车无法进入",
        "{r}{s}接送孩子车辆违停，道路堵塞",
    ],
    "噪音扰民": [
        "{c}广场舞音响声音过大，晚上九点后仍不停止",
        "{r}一处工地夜间施工，噪音扰民，影响休息",
        "{loc}有住户中午装修声很大，影响老人午休",
        "{r}烧烤店深夜顾客吵闹，严重扰民",
        "{c}附近KTV噪声扰民至凌晨",
        "{r}商铺门口大喇叭循环播放促销广告，噪音很大",
        "{c}{b}号楼楼下商铺空调外机噪音大，夜间无法入睡",
        "{r}夜间施工车辆进出频繁，噪声扰民",
        "{c}小广场晚上有人聚会吵闹到十一点以后",
    ],
    "供暖供水": [
        "{loc}暖气不热，室温只有十五度左右，家中有老人",
        "{c}{b}号楼突然停水，事先未见停水通知",
        "{loc}水压低，高层用不上水",
        "{c}{b}号楼地下室水管爆裂，积水严重",
        "{loc}自来水发黄，怀疑管道老化",
        "供暖开始后{loc}暖气片不热，请热力公司上门排查",
        "{c}二次供水设备故障，{b}号楼多户停水",
        "{loc}暖气跑水，楼下住户受影响",
        "{c}{b}号楼供暖管道漏水，楼道结冰",
        "{loc}家中暖气回水管不热，已报热力公司未处理",
    ],
    "基础设施损毁": [
        "{r}路灯不亮，夜间行人出行不便",
        "{loc}楼道灯不亮，已多次报修",
        "{r}人行道井盖缺失，存在安全隐患",
        "{c}东门外路面塌陷出现大坑",
        "{r}路面坑洼积水，车辆通行困难",
        "{c}健身器材损坏，老人孩子使用有危险",
        "{r}桥边护栏被车撞后损坏，一直无人修复",
        "{loc}单元门破损无法关闭",
        "{r}{s}附近人行道地砖破损松动，老人容易摔倒",
        "{c}内多盏庭院灯不亮，晚上一片漆黑",
        "{r}雨水井盖破损下沉，车辆经过声响很大",
    ],
    "环境卫生": [
        "{loc}楼道内堆放杂物，影响通行，存在消防隐患",
        "{c}垃圾桶满溢无人清运，已持续一周",
        "{r}路边污水外溢，散发异味",
        "{c}{b}号楼前有人长期堆放废品，气味很臭",
        "{c}绿化带内建筑垃圾无人清理",
        "{r}{s}旁公厕卫生状况差，无人打扫",
        "{c}化粪池外溢，污水流到路面",
        "{r}{s}周边垃圾随意倾倒，蚊蝇滋生",
        "{loc}地下室堆放大量杂物，夏天有异味",
    ],
    "占道经营": [
        "{r}早市摊贩占道经营，影响车辆通行",
        "{c}门口有流动摊贩摆摊卖菜",
        "{r}多家商户出店经营，占用人行道",
        "{r}{s}附近形成马路市场，早晚拥堵",
        "{r}水果店店外经营，货物摆到路边",
        "{r}夜市摊点占道，收摊后留下大量垃圾",
        "{c}北门外有人摆摊修车，占用非机动车道",
    ],
    "违章搭建": [
        "{loc}一楼住户私搭乱建，在院内搭建彩钢房",
        "{c}{b}号楼顶层住户在楼顶加盖房屋",
        "{c}有住户圈占公共绿地种菜",
        "{r}临街商户违章搭建雨棚，影响市容",
        "{c}{b}号楼一楼住户扩建阳台，疑似违建",
        "{c}有人在空地私搭乱建库房",
    ],
    "物业纠纷": [
        "{c}{b}号楼电梯频繁故障，物业推诿不修",
        "{c}门禁系统失灵，外来人员随意进出",
        "对{c}物业收费标准有异议，要求公示物业费明细",
        "{c}保洁人员不足，楼道长期无人打扫",
        "{c}物业公司撤场，小区无人管理",
        "{loc}电梯停运三天，老人上下楼困难",
        "{c}物业擅自提高停车费，居民意见很大",
        "{c}业主与物业因公共收益分配问题意见不一",
    ],
    "邻里纠纷": [
        "{loc}邻居在公共楼道安装监控，双方产生矛盾",
        "{c}有居民遛狗不拴绳，与其他居民发生口角",
        "{loc}两户邻居因楼道使用问题发生纠纷，请社区调解",
        "{loc}楼上住户往下扔烟头，多次沟通无果",
        "{c}{b}号楼居民饲养宠物数量多，邻里意见大",
        "{loc}因晾衣占用公共空间与邻居发生矛盾",
        "{c}{b}号楼两户因停放电动车位置产生纠纷",
        "{loc}邻居家狗夜间在楼道便溺，协商未果",
    ],
    OTHER: [
        "老人咨询高龄补贴申领流程",
        "居民咨询城乡居民医保缴费事宜",
        "老人咨询优待证办理，请社区给予帮助",
        "反映{r}公交站牌信息过期，建议更新",
        "居民建议在{c}增设便民充电桩",
        "居民咨询公租房申请条件和所需材料",
        "居民询问新生儿落户需要准备哪些材料",
        "咨询{c}附近疫苗接种点的开放时间",
    ],
}

PREFIX = {
    "网格员上报": ["网格员巡查发现", "网格员入户走访时发现", "网格员日常巡查发现", ""],
    "12345热线": ["市民来电反映", "来电人反映", "12345转办：市民反映", ""],
    "微信小程序": ["居民通过小程序反映", "小程序留言：", "居民线上反映", ""],
    "居民来访": ["居民来访反映", "居民到社区反映", ""],
    "电话反映": ["居民电话反映", "居民致电社区反映", ""],
    "预约代办": ["独居老人预约代办，反映", "居民预约网格员代办：", "行动不便老人预约代办，", "高龄老人预约上门代办，"],
}
SUFFIX = ["", "", "", "，请尽快处理", ", 望尽快解决", ", 请求协调处理",
          "，希望相关部门尽快解决", ", 请社区协调", "。"]
SUFFIX_REPAIR = [", 已多次报修", "，报修后无人处理"]
SECOND_LINE = ["补充：已拍照上传", "补充：周边多户反映", "补充：此前已反映过一次",
               "补充：联系电话已登记，请办理后回复"]

CHANNELS = ["网格员上报", "12345热线", "微信小程序", "居民来访", "电话反映"]
CH_W = {
    "违法停车": [35, 30, 20, 5, 10], "噪音扰民": [10, 45, 25, 5, 15],
    "供暖供水": [20, 35, 20, 10, 15], "基础设施损毁": [50, 20, 15, 7, 8],
    "环境卫生": [55, 18, 15, 6, 6], "占道经营": [55, 25, 12, 3, 5],
    "违章搭建": [55, 15, 10, 12, 8], "物业纠纷": [20, 30, 25, 15, 10],
    "邻里纠纷": [25, 15, 15, 30, 15], OTHER: [15, 20, 20, 30, 15],
}
AGENCY_W = {"供暖供水": 1.6, "物业纠纷": 1.5, "基础设施损毁": 1.3,
            "环境卫生": 1.0, "邻里纠纷": 1.2, "违章搭建": 0.6, "违法停车": 0.4,
            "噪音扰民": 0.4, "占道经营": 0.3, OTHER: 2.0}

# Median hours to close (lognormal) by category.
MEDIAN_H = {"违法停车": 3, "噪音扰民": 4, "占道经营": 9, "环境卫生": 16,
            "供暖供水": 13, "基础设施损毁": 45, "物业纠纷": 60, "邻里纠纷": 70,
            "违章搭建": 150, OTHER: 30}

CLOSED_WORDS = ["已办结"] * 85 + ["办结"] * 7 + ["结案"] * 5 + ["已完成"] * 3
SATISFACTION = ["满意"] * 55 + ["非常满意"] * 18 + ["基本满意"] * 10 + \
    ["不满意"] * 3 + ["未评价"] * 9 + [""] * 5

# --- calendar ---------------------------------------------------------------
HOLIDAYS, WORKDAYS = set(), set()
with open(CALENDAR_TSV, encoding="utf-8") as f:
    next(f)
    for line in f:
        d, kind, _ = line.rstrip("\n").split("\t")
        (HOLIDAYS if kind == "holiday" else WORKDAYS).add(dt.date.fromisoformat(d))


def is_workday(d):
    if d in WORKDAYS:
        return True
    if d in HOLIDAYS:
        return False
    return d.weekday() < 5


def nth_workday_after(d, n):
    while n > 0:
        d += dt.timedelta(days=1)
        if is_workday(d):
            n -= 1
    return d


def end_of(d):
    return dt.datetime(d.year, d.month, d.day, 23, 59, 59)


def add_office_hours(t, hours):
    left = hours * 3600
    while True:
        d = t.date()
        open_ = dt.datetime(d.year, d.month, d.day, 9)
        close = dt.datetime(d.year, d.month, d.day, 17)
        if not is_workday(d) or t >= close:
            t = dt.datetime.combine(d + dt.timedelta(days=1), dt.time(9))
            continue
        if t < open_:
            t = open_
        avail = (close - t).total_seconds()
        if left <= avail:
            return t + dt.timedelta(seconds=left)
        left -= avail
        t = dt.datetime.combine(d + dt.timedelta(days=1), dt.time(9))


# --- formats ----------------------------------------------------------------
def iso(t):
    return t.strftime("%Y-%m-%d %H:%M:%S")


def fmt_time(t, form):
    if form == "iso":
        return iso(t)
    if form == "slash":
        return f"{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}"
    return f"{t.year}年{t.month}月{t.day}日 {t.hour}时{t.minute:02d}分"


def csv_field(s):
    if any(ch in s for ch in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


# --- generation -------------------------------------------------------------
class Gen:
    def __init__(self):
        self.rng = random.Random(SEED)

    def lognormal(self, median, sigma):
        return median * math.exp(self.rng.gauss(0, sigma))

    def days_of_year(self):
        mult = {1: 1.15, 2: 0.8, 3: 1.0, 4: 0.9, 5: 0.95, 6: 1.0, 7: 1.1,
                8: 1.1, 9: 0.95, 10: 0.85, 11: 1.05, 12: 1.1}
        days, weights = [], []
        d = dt.date(YEAR, 1, 1)
        while d.year == YEAR:
            days.append(d)
            weights.append(mult[d.month] * (1.0 if is_workday(d) else 0.4))
            d += dt.timedelta(days=1)
        return days, weights

    def describe(self, cat, channel, comm, want_rule=True, multiline=False):
        """A description of 15..60 characters that classifies as cat
        (for OTHER: that matches no rule)."""
        rng = self.rng
        street, name, grids, weight, compounds, roads = comm
        for _ in range(1000):
            c = rng.choice(compounds)
            b, u = rng.randint(1, 32), rng.randint(1, 6)
            r, r2 = rng.sample(roads, 2)
            loc = rng.choice([f"{c}{b}号楼{u}单元", f"{c}{b}号楼", f"{c}{b}-{u}-{rng.randint(1, 18)}0{rng.randint(1, 4)}室"])
            q = rng.random()
            if q < 0.25:
                loc = f'"{loc}"'
            elif q < 0.32:
                c = f'"{c}"'
            issue = rng.choice(ISSUES[cat]).format(loc=loc, c=c, b=b, u=u, r=r, r2=r2, s=rng.choice(SPOTS))
            if channel == "预约代办" or rng.random() < 0.75:
                prefix = rng.choice(PREFIX[channel])
            else:
                prefix = ""
            if prefix and "代办" not in prefix and not prefix.endswith(("，", "：", ",")) and rng.random() < 0.35:
                prefix += rng.choice(["，", ", "])
            repair = cat in ("基础设施损毁", "供暖供水") and "报修" not in issue and "未处理" not in issue
            suf = SUFFIX + (SUFFIX_REPAIR if repair else [])
            text = prefix + issue + rng.choice(suf)
            if multiline:
                text += "\n" + rng.choice(SECOND_LINE)
            if not 15 <= len(text) <= 60:
                continue
            got = classify(text)
            if cat == OTHER:
                if got is None:
                    return text
            elif got == cat:
                return text
        raise SystemExit(f"mkcases: no description for {cat}")

    def report_time(self, day, cat, channel):
        rng = self.rng
        work = is_workday(day)
        base = dt.datetime(day.year, day.month, day.day)
        hotline = channel in ("12345热线", "微信小程序", "电话反映")
        if cat == "噪音扰民" and hotline and 5 <= day.month <= 9 and rng.random() < 0.7:
            minutes = rng.randint(19 * 60 + 30, 23 * 60 + 50)
        elif hotline:
            x = rng.random()
            if x < 0.75:
                minutes = rng.randint(8 * 60, 18 * 60)
            elif x < 0.95:
                minutes = rng.randint(18 * 60, 22 * 60 + 30)
            else:
                minutes = rng.choice([rng.randint(6 * 60, 8 * 60), rng.randint(22 * 60 + 30, 23 * 60 + 59)])
        elif work:
            # office hours, busier in the morning
            minutes = int(rng.triangular(8 * 60 + 20, 17 * 60 + 40, 10 * 60))
            if rng.random() < 0.06:
                minutes = rng.randint(17 * 60 + 40, 20 * 60)
        else:
            minutes = rng.randint(9 * 60, 17 * 60)
        return base + dt.timedelta(minutes=minutes, seconds=rng.randint(0, 59))

    def deadline_field(self, reported, cat_label):
        """(text of 办理时限, deadline datetime)."""
        rng = self.rng
        limit = LIMIT_DAYS.get(cat_label, DEFAULT_DAYS)
        x = rng.random()
        if x < 0.70:
            return "", end_of(nth_workday_after(reported.date(), limit))
        if x < 0.80:
            n = limit if rng.random() < 0.8 else rng.choice([1, 3, 5, 7])
            d = nth_workday_after(reported.date(), n)
            if rng.random() < 0.6:
                t = dt.datetime.combine(d, reported.time())
            else:
                t = dt.datetime.combine(d, dt.time(17, 30))
            return iso(t), t
        if x < 0.90:
            n = limit if rng.random() < 0.7 else rng.choice([2, 3, 5, 10])
            d = nth_workday_after(reported.date(), n)
            return d.isoformat(), end_of(d)
        if rng.random() < 0.6:
            n = limit if rng.random() < 0.6 else rng.choice([1, 2, 3, 5, 7, 10, 15])
            return f"{n}个工作日", end_of(nth_workday_after(reported.date(), n))
        h = rng.choice({1: [2, 4, 8], 2: [8, 16], 5: [24, 48]}.get(limit, [48, 72]))
        return f"{h}小时", add_office_hours(reported, h)

    def close_time(self, reported, deadline, cat, overdue):
        rng = self.rng
        avail = (deadline - reported).total_seconds()
        if overdue:
            t = deadline + dt.timedelta(hours=min(400, max(0.5, self.lognormal(20, 1.2))))
        else:
            h = self.lognormal(MEDIAN_H.get(cat, 30), 1.0)
            secs = h * 3600
            if secs > avail * 0.98:
                secs = avail * rng.uniform(0.3, 0.97)
            secs = max(secs, min(600, avail * 0.5))
            t = reported + dt.timedelta(seconds=int(secs))
        t = t.replace(microsecond=0)
        # Cases are closed in working time, except quick ones reported out
        # of hours (night duty): move the closing into 08:00-18:30.
        night = not (8 <= reported.hour < 18)
        if (night and t - reported < dt.timedelta(hours=6)) or dt.time(8) <= t.time() <= dt.time(18, 30):
            return t
        day = t.date()
        if t.time() < dt.time(8):
            earlier = (day - dt.timedelta(days=1), 14 * 60, 18 * 60 + 30)
            later = (day, 8 * 60, 9 * 60 + 30)
        else:
            earlier = (day, 13 * 60 + 30, 18 * 60 + 30)
            later = (day + dt.timedelta(days=1), 8 * 60, 11 * 60)
        def at(spec):
            d, lo, hi = spec
            return dt.datetime.combine(d, dt.time()) + dt.timedelta(minutes=rng.randint(lo, hi - 1), seconds=rng.randint(0, 59))
        for spec in ((later, earlier) if overdue else (earlier, later)):
            cand = at(spec)
            if cand < reported + dt.timedelta(minutes=10):
                continue
            if (cand > deadline) == overdue:
                return cand
        return t

    def run(self):
        rng = self.rng
        days, dweights = self.days_of_year()
        cweights = [c[3] for c in COMMUNITIES]

        # The valid cases: day, community, category.
        cases = []
        for i in range(N_VALID):
            day = rng.choices(days, dweights)[0]
            comm = rng.choices(COMMUNITIES, cweights)[0]
            cases.append({"day": day, "comm": comm})
        # genuine 其他 first, then the categories by season
        idx = list(range(N_VALID))
        rng.shuffle(idx)
        other_true = set(idx[:N_OTHER_TRUE])
        for i, c in enumerate(cases):
            if i in other_true:
                c["cat"] = OTHER
            else:
                m = c["day"].month
                c["cat"] = rng.choices(CATS, [cat_weight(k, m) for k in CATS])[0]
        # exactly N_AGENCY from 预约代办 (weighted sampling without replacement)
        keys = sorted(range(N_VALID), key=lambda i: -rng.random() ** (1 / AGENCY_W[cases[i]["cat"]]))
        agency = set(keys[:N_AGENCY])
        for i, c in enumerate(cases):
            if i in agency:
                c["channel"] = "预约代办"
            else:
                c["channel"] = rng.choices(CHANNELS, CH_W[c["cat"]])[0]
        # exported category: empty or a wrong 其他 for some
        cand = [i for i in range(N_VALID) if cases[i]["cat"] != OTHER]
        pick = rng.sample(cand, N_EMPTY_CAT + N_OTHER_WRONG)
        for c in cases:
            c["label"] = c["cat"]
        for i in pick[:N_EMPTY_CAT]:
            cases[i]["label"] = ""
        for i in pick[N_EMPTY_CAT:]:
            cases[i]["label"] = OTHER
        # times
        for c in cases:
            c["reported"] = self.report_time(c["day"], c["cat"], c["channel"])
            x = rng.random()
            c["form"] = "slash" if x < 0.03 else "zh" if x < 0.05 else "iso"
            if c["form"] != "iso":
                c["reported"] = c["reported"].replace(second=0)
        cases.sort(key=lambda c: c["reported"])

        # The 6 cases not closed, among the last ones: fixed stories.
        self.not_closed(cases)

        for c in cases:
            c["dl_text"], c["deadline"] = self.deadline_field(c["reported"], c["label"]) \
                if "dl_text" not in c else (c["dl_text"], c["deadline"])
            if "status" in c:
                continue
            c["status"] = rng.choice(CLOSED_WORDS)
            overdue = rng.random() < 0.065
            closed = self.close_time(c["reported"], c["deadline"], c["cat"], overdue)
            if c["form"] != "iso":
                closed = closed.replace(second=0)
            # A deadline in office hours that falls on 17:00 sharp: keep the
            # closing out of the night that follows, where "17:00" and "the
            # next opening" would disagree.
            d = c["deadline"]
            if c["dl_text"].endswith("小时") and d.time() == dt.time(17) and closed > d:
                nxt = nth_workday_after(d.date(), 1)
                opening = dt.datetime.combine(nxt, dt.time(9))
                if closed <= opening:
                    closed = opening + dt.timedelta(minutes=rng.randint(20, 150), seconds=rng.randint(0, 59) if c["form"] == "iso" else 0)
            c["closed"] = closed
            c["sat"] = rng.choice(SATISFACTION)
            if c["sat"] in ("", "未评价"):
                upd = closed + dt.timedelta(seconds=rng.randint(30, 2400))
            else:
                # the return visit (回访) that records the answer: daytime
                upd = closed + dt.timedelta(seconds=rng.randint(2 * 3600, 72 * 3600))
                if upd.hour < 8 or upd.hour >= 19:
                    day = upd.date() + dt.timedelta(days=1 if upd.hour >= 19 else 0)
                    upd = dt.datetime.combine(day, dt.time(rng.randint(8, 11), rng.randint(0, 59), rng.randint(0, 59)))
            c["updated"] = upd

        # descriptions (a handful over two lines)
        multi = set(rng.sample(range(N_VALID), 5))
        for i, c in enumerate(cases):
            c["desc"] = self.describe(c["cat"], c["channel"], c["comm"], multiline=i in multi)
            c["grid"] = f"{c['comm'][1]}-网格{rng.randint(1, c['comm'][2]):02d}"
        return cases

    def not_closed(self, cases):
        """Give six late cases of 2024 their open or returned state, with
        deadlines some past and some after 2025-01-01."""
        rng = self.rng
        stories = [
            # (status, category, reported, 办理时限)
            ("处置中", "违章搭建", dt.datetime(2024, 12, 23, 10, 14, 36), ""),
            ("已派遣", "物业纠纷", dt.datetime(2024, 12, 30, 17, 42, 5), ""),
            ("办理中", "供暖供水", dt.datetime(2024, 12, 26, 8, 51, 17), ""),
            ("待核查", "邻里纠纷", dt.datetime(2024, 11, 20, 15, 3, 48), "2024-12-06"),
            ("已退回", "基础设施损毁", dt.datetime(2024, 12, 18, 9, 37, 22), ""),
            ("已退回", "环境卫生", dt.datetime(2024, 12, 27, 10, 6, 55), "24小时"),
        ]
        for status, cat, rep, dl in stories:
            # take a case of that month and category (or any) and rewrite it
            pool = [c for c in cases if c["reported"].month == rep.month and "status" not in c
                    and c["cat"] == cat and c["label"] == cat]
            c = rng.choice(pool)
            c["reported"] = rep
            c["form"] = "iso"
            c["status"] = status
            c["closed"] = None
            c["sat"] = ""
            c["updated"] = rep + dt.timedelta(hours=rng.randint(1, 30), minutes=rng.randint(0, 59))
            if c["updated"] >= dt.datetime(2024, 12, 31, 18):
                c["updated"] = dt.datetime(2024, 12, 31, 16, 20, 11)
            if dl == "":
                c["dl_text"] = ""
                c["deadline"] = end_of(nth_workday_after(rep.date(), LIMIT_DAYS[cat]))
            elif dl.endswith("小时"):
                c["dl_text"] = dl
                c["deadline"] = add_office_hours(rep, int(dl[:-2]))
            else:
                c["dl_text"] = dl
                c["deadline"] = end_of(dt.date.fromisoformat(dl))
        cases.sort(key=lambda c: c["reported"])


def row_of(c, **over):
    v = {
        "事件编号": c["id"],
        "上报时间": fmt_time(c["reported"], c["form"]),
        "办结时间": fmt_time(c["closed"], c["form"]) if c["closed"] else "",
        "状态": c["status"],
        "事件类型": c["label"],
        "事件描述": c["desc"],
        "街道": c["comm"][0],
        "社区": c["comm"][1],
        "网格": c["grid"],
        "来源": c["channel"],
        "满意度": c["sat"],
        "办理时限": c["dl_text"],
        "更新时间": iso(c["updated"]),
    }
    v.update(over)
    return ",".join(csv_field(v[h]) for h in HEADER)


def build(g):
    rng = g.rng
    cases = g.run()

    # Broken records: six more cases, each with one fault.
    broken = []
    def fake(day, cat, comm_i, hour, minute):
        comm = COMMUNITIES[comm_i]
        rep = dt.datetime.combine(day, dt.time(hour, minute, rng.randint(0, 59)))
        c = {"reported": rep, "form": "iso", "cat": cat, "label": cat,
             "comm": comm, "channel": "网格员上报", "status": "已办结",
             "grid": f"{comm[1]}-网格{rng.randint(1, comm[2]):02d}", "dl_text": "",
             "sat": "满意", "desc": g.describe(cat, "网格员上报", comm)}
        c["closed"] = rep + dt.timedelta(hours=5, minutes=17, seconds=3)
        c["updated"] = dt.datetime.combine(c["closed"].date() + dt.timedelta(days=1),
                                           dt.time(rng.randint(9, 16), rng.randint(0, 59), rng.randint(0, 59)))
        c["broken"] = True
        return c

    b1 = fake(dt.date(2024, 2, 29), "环境卫生", 3, 9, 15)       # 上报时间 2024-02-30
    b1["fault"] = "impossible date"
    b1["closed"] = b1["reported"] + dt.timedelta(days=1, hours=2, minutes=6, seconds=40)
    b1["updated"] = b1["closed"] + dt.timedelta(hours=3, minutes=4, seconds=51)
    b2 = fake(dt.date(2024, 5, 14), "违法停车", 10, 15, 20)     # closed before reported
    b2["fault"] = "closed before reported"
    b3 = fake(dt.date(2024, 7, 9), "基础设施损毁", 16, 10, 42)  # status 已结
    b3["fault"] = "unknown status"
    b4 = fake(dt.date(2024, 8, 21), "物业纠纷", 19, 14, 8)      # no case id
    b4["fault"] = "empty case id"
    b5 = fake(dt.date(2024, 10, 15), "噪音扰民", 7, 16, 30)     # 已办结, no 办结时间
    b5["fault"] = "closed without closed_at"
    b6 = fake(dt.date(2024, 11, 12), "基础设施损毁", 12, 9, 48)  # one field too many
    b6["fault"] = "field count"
    broken = [b1, b2, b3, b4, b5, b6]

    allc = sorted(cases + broken, key=lambda c: c["reported"])
    for n, c in enumerate(allc, 1):
        c["id"] = f"SL{YEAR}{n:06d}"

    lines = {m: [] for m in range(1, 13)}      # monthly exports
    heads = {m: [] for m in range(1, 13)}      # overlap rows at an export's start
    for c in allc:
        c["row"] = None
    # --- duplicates -----------------------------------------------------
    def late_in_month(c):
        m = c["reported"].month
        return (m < 12 and not c.get("broken") and c["closed"] is not None
                and c["reported"].day >= 24 and c["closed"].month == m + 1
                and c["form"] == "iso" and "\n" not in c["desc"])
    cand = [c for c in allc if late_in_month(c)]
    by_month = {}
    for c in cand:
        by_month.setdefault(c["reported"].month, []).append(c)
    months = sorted(by_month)
    assert len(months) >= 10, months
    chosen_months = rng.sample(months, 10)
    dups = [rng.choice(by_month[m]) for m in chosen_months]
    dup_info = []
    # (a) an open snapshot first, the closed row in the next export
    for c in dups[:6]:
        snap_upd = c["reported"] + dt.timedelta(minutes=rng.randint(5, 90), seconds=rng.randint(0, 59))
        snap_upd = min(snap_upd, c["closed"] - dt.timedelta(minutes=1))
        c["first"] = row_of(c, **{"状态": "处置中", "办结时间": "", "满意度": "",
                                  "更新时间": iso(snap_upd)})
        c["second"] = row_of(c)
        dup_info.append(("a", c["id"]))
    # (b1) the first row is the final state, a stale open copy follows
    c = dups[6]
    c["first"] = row_of(c)
    stale = c["reported"] + dt.timedelta(hours=2, minutes=rng.randint(0, 59), seconds=rng.randint(0, 59))
    c["second"] = row_of(c, **{"状态": "办理中", "办结时间": "", "满意度": "",
                               "更新时间": iso(min(stale, c["closed"] - dt.timedelta(minutes=1)))})
    dup_info.append(("b", c["id"]))
    # (b2) closed twice: 不满意 at the first closing, reworked, then 满意;
    # the reworked (newer) row comes first
    c = dups[7]
    mid = c["reported"] + (c["closed"] - c["reported"]) * 0.4
    first_close = dt.datetime.combine(mid.date(), dt.time(15, rng.randint(0, 59), rng.randint(0, 59)))
    if not c["reported"] + dt.timedelta(hours=1) < first_close < c["closed"] - dt.timedelta(hours=12):
        first_close = (c["reported"] + dt.timedelta(hours=1, minutes=rng.randint(0, 59))).replace(microsecond=0)
    assert c["reported"] < first_close < c["closed"]
    c["sat"] = "满意"
    c["status"] = "已办结"
    c["updated"] = dt.datetime.combine(c["closed"].date() + dt.timedelta(days=1),
                                       dt.time(10, rng.randint(0, 59), rng.randint(0, 59)))
    c["first"] = row_of(c)
    c["second"] = row_of(c, **{"办结时间": iso(first_close), "满意度": "不满意",
                               "更新时间": iso(first_close + dt.timedelta(hours=3, minutes=2, seconds=44))})
    dup_info.append(("b", c["id"]))
    # (c) equal 更新时间: closed first, an open copy later
    c = dups[8]
    c["first"] = row_of(c)
    c["second"] = row_of(c, **{"状态": "已派遣", "办结时间": "", "满意度": ""})
    dup_info.append(("c", c["id"]))
    # (d) the same line twice
    c = dups[9]
    c["first"] = c["second"] = row_of(c)
    dup_info.append(("d", c["id"]))

    for c in allc:
        m = c["reported"].month
        if "first" in c:
            lines[m].append(c["first"])
            heads[m + 1].append(c["second"])
            continue
        if c.get("broken"):
            f = c["fault"]
            if f == "impossible date":
                row = row_of(c, **{"上报时间": "2024-02-30 09:15"})
            elif f == "closed before reported":
                row = row_of(c, **{"办结时间": iso(c["reported"] - dt.timedelta(days=1, hours=2, minutes=41, seconds=12))})
            elif f == "unknown status":
                row = row_of(c, **{"状态": "已结"})
            elif f == "empty case id":
                row = row_of(c, **{"事件编号": ""})
            elif f == "closed without closed_at":
                row = row_of(c, **{"办结时间": ""})
            else:
                c["desc"] = "网格员巡查发现滨河路东段路灯不亮,请尽快维修"
                row = row_of(c).replace('"' + c["desc"] + '"', c["desc"])
                assert row.count(",") == len(HEADER), row
            lines[m].append(row)
            continue
        lines[m].append(row_of(c))

    records = [",".join(HEADER)]
    for m in range(1, 13):
        records.extend(heads[m])
        records.extend(lines[m])
    return records, allc, dup_info


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "data")
    g = Gen()
    records, allc, dup_info = build(g)
    text = "\n".join(records) + "\n"
    with open(os.path.join(out, "cases-2024.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    # Excel on Chinese Windows: GB18030 (GBK) and CRLF between rows; a line
    # break inside a cell stays LF.
    for ch in set(text):
        ch.encode("gbk")          # every character is in GBK, a fortiori GB18030
    gbk = "\r\n".join(records) + "\r\n"
    with open(os.path.join(out, "cases-2024-gbk.csv"), "wb") as f:
        f.write(gbk.encode("gb18030"))
    print(f"mkcases: {len(records) - 1} records, duplicates {dup_info}", file=sys.stderr)


if __name__ == "__main__":
    main()
