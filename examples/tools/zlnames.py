"""zlnames.py: common Chinese surnames and given names, for the people of
the example tools' generated data (mkroster.py, mkvolunteers.py,
mkworkers.py); the urban communities of Shuangluan they live in, and the
check of such places against the shared division table.
"""

import os

DIVISIONS_TSV = "/work/shared/data/shuangluan-divisions.tsv"

SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董"
                "程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜"
                "范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤"
                "尹黎易常武乔贺赖龚文")
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
         "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英",
         "建华", "建国", "玉兰", "淑珍", "桂芝", "凤兰", "秀珍", "国强", "志强",
         "海燕", "红梅", "丽华", "秀云", "文华", "金凤", "玉珍", "淑英", "树林",
         "德福", "春生", "立新", "振华", "玉梅", "淑兰", "凤英", "永红", "卫东",
         "红军", "建军", "志刚", "宝华", "福来", "长江", "海涛", "晓东", "丽娟",
         "秀芝", "桂兰", "玉霞", "春梅", "亚军", "晓燕", "雪梅", "志红", "新民",
         "玉华", "建平", "国华", "金华", "小红", "凤芝", "淑梅", "宏伟", "建新",
         "玉凤", "春华", "爱国", "学军", "俊峰", "冬梅", "秋菊", "丽萍", "文静",
         "海军", "少华", "永刚", "德胜", "连生", "广志", "庆华", "瑞芳", "佳慧"]

# (sub-district, division code, [(community, division code)]): the 23
# communities of Shuangluan's three sub-districts, the urban part (from
# /work/shared/data/shuangluan-divisions.tsv; each tool checks them against
# it when it is there).
URBAN_PLACES = [
    ("元宝山街道", "130803001", [
        ("元宝山社区", "130803001001"), ("东园社区", "130803001002"),
        ("北园社区", "130803001003"), ("御祥园社区", "130803001008"),
        ("荣信社区", "130803001009"), ("双安社区", "130803001010"),
        ("枫林绿洲社区", "130803001012"), ("鑫顺社区", "130803001013"),
        ("金秀社区", "130803001014")]),
    ("钢城街道", "130803002", [
        ("凤凰社区", "130803002001"), ("果山社区", "130803002002"),
        ("行宫社区", "130803002003"), ("怡园社区", "130803002004"),
        ("滦江社区", "130803002005"), ("滦电社区", "130803002006"),
        ("馨和社区", "130803002007")]),
    ("秀水街道", "130803003", [
        ("锦绣城社区", "130803003001"), ("万和城社区", "130803003002"),
        ("福溪帝苑社区", "130803003003"), ("输送机社区", "130803003004"),
        ("平安社区", "130803003005"), ("宝鼎社区", "130803003006"),
        ("欢乐江山社区", "130803003007")]),
]


def check_places(places, urban):
    """Check places (as URBAN_PLACES) against DIVISIONS_TSV, when it is
    there: each name under its code, and all the communities (of the
    sub-districts given, when urban) listed."""
    if not os.path.exists(DIVISIONS_TSV):
        return
    with open(DIVISIONS_TSV, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f][1:]
    names = {r[0]: r[1] for r in rows}
    for street, scode, cl in places:
        assert names[scode] == street, scode
        for name, code in cl:
            assert names[code] == name + "居民委员会", code
    streets = [p[1] for p in places]
    listed = [r for r in rows if r[2] == "community" and
              (not urban or r[3] in streets)]
    assert len(listed) == sum(len(cl) for _, _, cl in places)
