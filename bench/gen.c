/*
 * gen: write a generated export of the district case platform, for the
 * benchmark and for trying the programs on realistic data.
 *
 * gen [-n ROWS] [-s SEED] [--csv | --tsv] [--zh]
 *
 * One record per case, reported in 2024 in the 23 urban communities of the
 * three sub-districts of Shuangluan: case_id, street, community, grid_id,
 * category, channel, reported_at, closed_at, status, deadline,
 * satisfaction, description.  Rows are in order of reporting time, so the
 * case numbers follow it as on the platform.  The output depends only on
 * ROWS and SEED: no floating point, no rand(3), no clock.
 */

#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct {
	unsigned long long rows; /* -n */
	uint64_t seed;		 /* -s */
	int csv;		 /* --csv: RFC 4180 instead of TSV */
	int zh;			 /* --zh: Chinese column titles */
} opt = { 3851, 20240101, 0, 0 };

#define MAXROWS 999999999ULL

/* The output buffer: flushed with write(2) when a row might not fit. */
#define OBUFSZ (1 << 20)
#define ROWMAX 4096
static char obuf[OBUFSZ + ROWMAX];
static size_t olen;

/*
 * The calendar: day 0 is Monday 2024-01-01; reports fall in 2024, deadlines
 * and closing times may run into 2025.  The State Council's arrangements.
 */
#define NDAYS (366 + 365)
#define YEARDAYS 366
static const char *const holidays[] = {
	"2024-01-01", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13",
	"2024-02-14", "2024-02-15", "2024-02-16", "2024-02-17", "2024-04-04",
	"2024-04-05", "2024-04-06", "2024-05-01", "2024-05-02", "2024-05-03",
	"2024-05-04", "2024-05-05", "2024-06-10", "2024-09-15", "2024-09-16",
	"2024-09-17", "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04",
	"2024-10-05", "2024-10-06", "2024-10-07", "2025-01-01", "2025-01-28",
	"2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02",
	"2025-02-03", "2025-02-04", "2025-04-04", "2025-04-05", "2025-04-06",
	"2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05",
	"2025-05-31", "2025-06-01", "2025-06-02", "2025-10-01", "2025-10-02",
	"2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07",
	"2025-10-08",
};
static const char *const workdays[] = {
	"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
	"2024-09-14", "2024-09-29", "2024-10-12", "2025-01-26", "2025-02-08",
	"2025-04-27", "2025-09-28", "2025-10-11",
};
enum { WORK, REST, HOLIDAY };
static char dates[NDAYS][11];	  /* "YYYY-MM-DD" */
static unsigned char dkind[NDAYS]; /* WORK, REST or HOLIDAY */
static unsigned char dmonth[NDAYS];

/* Reports per hour of the day: office hours, a lunch break, quiet nights. */
static const unsigned hourw[24] = {
	1, 1, 0, 0, 1, 1, 3, 8, 20, 28, 30, 25,
	12, 14, 26, 28, 25, 15, 10, 8, 7, 5, 3, 2,
};
/* Per month, in percent: more cases in summer. */
static const unsigned monthw[12] = {
	90, 80, 95, 100, 105, 115, 120, 115, 105, 95, 100, 95,
};
/* Cumulative weights of the hours of 2024, for reporting times in order. */
static uint64_t cum[YEARDAYS * 24 + 1];

static const char *const streets[] = { "元宝山街道", "钢城街道", "秀水街道" };

/* Communities: the number of grids (243 in all) and a share of cases. */
static struct community {
	const char *name;
	int street;
	unsigned grids;
	unsigned weight;
	char stem[32]; /* the name without 社区 */
} comms[] = {
	{ "元宝山社区", 0, 14, 30, "" },
	{ "东园社区", 0, 12, 22, "" },
	{ "北园社区", 0, 11, 18, "" },
	{ "御祥园社区", 0, 9, 9, "" },
	{ "荣信社区", 0, 10, 14, "" },
	{ "双安社区", 0, 8, 7, "" },
	{ "枫林绿洲社区", 0, 11, 16, "" },
	{ "鑫顺社区", 0, 7, 5, "" },
	{ "金秀社区", 0, 8, 8, "" },
	{ "凤凰社区", 1, 12, 20, "" },
	{ "果山社区", 1, 10, 12, "" },
	{ "行宫社区", 1, 9, 10, "" },
	{ "怡园社区", 1, 11, 15, "" },
	{ "滦江社区", 1, 13, 26, "" },
	{ "滦电社区", 1, 12, 17, "" },
	{ "馨和社区", 1, 8, 6, "" },
	{ "锦绣城社区", 2, 14, 28, "" },
	{ "万和城社区", 2, 13, 21, "" },
	{ "福溪帝苑社区", 2, 10, 11, "" },
	{ "输送机社区", 2, 9, 9, "" },
	{ "平安社区", 2, 11, 13, "" },
	{ "宝鼎社区", 2, 9, 8, "" },
	{ "欢乐江山社区", 2, 12, 19, "" },
};
#define NCOMMS (sizeof(comms) / sizeof(comms[0]))

/*
 * Categories: share of cases, the time limit in working days, the median
 * time to close in minutes, what is wrong at home (in a building) or in
 * the street, and what else was said.
 */
#define NPARTS 8
static const struct category {
	const char *name;
	unsigned weight;
	unsigned limit;
	unsigned median;
	const char *home[NPARTS];
	const char *street[NPARTS];
	const char *more[NPARTS];
} cats[] = {
	{ "违法停车", 14, 1, 120, { NULL },
	    { "有车辆长期占用消防通道", "多辆私家车违停堵塞出入口",
		"有货车夜间停在人行道上", "电动车乱停乱放影响通行",
		"有车辆停在盲道上", "僵尸车长期停放无人挪走" },
	    { "已多次劝离无果", "车主电话无人接听", "影响救护车通行",
		"早晚高峰尤其严重", "车牌号冀H****7" } },
	{ "基础设施损毁", 12, 5, 1800,
	    { "楼道灯不亮", "单元门门禁损坏", "楼道扶手松动" },
	    { "井盖破损下沉", "路灯连续多日不亮", "人行道地砖松动",
		"健身器材损坏", "雨水篦子缺失", "护栏被车撞倒" },
	    { "已多次报修", "夜间出行存在安全隐患", "老人孩子经过容易摔倒",
		"物业称\"不归我们管\"", "上次维修后又坏了" } },
	{ "环境卫生", 20, 2, 480,
	    { "楼道内堆放杂物", "化粪池外溢有异味", "有人在楼下焚烧垃圾" },
	    { "垃圾桶满溢无人清运", "绿化带内有建筑垃圾", "小广告乱贴乱画",
		"宠物粪便无人清理" },
	    { "气味很大", "已持续一周左右", "影响居民正常生活",
		"夏季蚊蝇较多", "保洁员称\"明天再说\"" } },
	{ "噪音扰民", 6, 2, 240,
	    { "夜间装修施工噪音大", "楼下商户外放音乐", "空调外机噪音扰民",
		"楼上深夜有拖动桌椅声" },
	    { "广场舞音响声音过大", "工地夜间施工" },
	    { "晚上十点以后仍未停止", "影响老人和孩子休息",
		"沟通后仍未改善", "已持续三天" } },
	{ "占道经营", 8, 2, 180, { NULL },
	    { "流动摊贩占用人行道经营", "早市摊位占道", "商户在店外经营",
		"水果摊占用盲道", "夜市烧烤占道" },
	    { "油烟较大", "下班高峰堵塞道路", "城管劝离后又回来",
		"摊主称\"就摆一会儿\"" } },
	{ "违章搭建", 4, 10, 7200,
	    { "一楼住户私自扩建院落", "楼顶违规搭建彩钢房",
		"私自在楼道安装铁门" },
	    { "有人在公共绿地上私搭棚子" },
	    { "影响邻居采光", "存在消防隐患", "已向物业反映未处理" } },
	{ "物业纠纷", 10, 7, 2880,
	    { "物业服务不到位", "电梯频繁故障物业推诿",
		"对物业费收取标准有争议", "小区停车收费不合理",
		"物业未按约定清扫楼道" },
	    { NULL },
	    { "业主意见较大", "要求物业公开收支明细", "希望社区协调",
		"物业答复\"正在处理\"" } },
	{ "邻里纠纷", 6, 5, 1440,
	    { "楼上漏水殃及楼下", "邻居在楼道内饲养宠物",
		"两户因停车位发生争执", "邻居占用公共区域晾晒",
		"楼上住户高空抛物" },
	    { NULL },
	    { "双方协商未果", "请求网格员调解", "已发生口角" } },
	{ "供暖供水", 12, 3, 720,
	    { "家中暖气不热", "室温不足18度", "停水未提前通知",
		"自来水发黄", "供热管道漏水", "水压低高层用不上水" },
	    { NULL },
	    { "家中有老人和婴儿", "已联系热力公司未解决", "持续两天以上",
		"热力公司称\"管网检修\"" } },
	{ "其他", 8, 5, 960,
	    { "老人咨询优待证办理", "住户咨询社保缴费事宜",
		"住户咨询居住证办理流程", "楼道内有马蜂窝" },
	    { "流浪犬较多有伤人隐患", "附近缺少公交站点" },
	    { "希望尽快答复", "请社区给予帮助", "已电话回访" } },
};
#define NCATS (sizeof(cats) / sizeof(cats[0]))
#define HEATING 8 /* index of 供暖供水 */

static const struct choice {
	const char *s;
	unsigned w;
} channels[] = {
	{ "网格员上报", 44 }, { "12345热线", 25 }, { "微信小程序", 15 },
	{ "居民来访", 7 }, { "预约代办", 5 }, { "视频巡查", 4 },
}, satis[] = {
	{ "满意", 82 }, { "基本满意", 10 }, { "不满意", 2 }, { "", 6 },
}, opened[] = {
	{ "处置中", 40 }, { "已派遣", 25 }, { "已退回", 20 }, { "作废", 15 },
}, seps[] = {
	{ "，", 50 }, { ", ", 25 }, { ",", 15 }, { "；", 10 },
};
#define NELEM(a) (sizeof(a) / sizeof(a[0]))

/* Who tells of the case, by channel (the index into channels). */
static const char *const openers[][3] = {
	{ "网格员巡查发现", "网格员走访发现", "网格员上报:" },
	{ "市民来电反映", "12345转办:", "来电人反映" },
	{ "居民通过小程序反映", "居民反映", "" },
	{ "居民来访反映", "居民反映", "" },
	{ "居民反映", "", "" },
	{ "视频巡查发现", "监控发现", "" },
};

static const char *const roads[] = {
	"元宝山路", "钢城路", "秀水街", "滨河路", "双滦大街", "迎宾路",
	"文化路", "兴隆街", "滦河大街", "西山路",
};
static const char *const compsuf[] = { "小区", "家园", "花园", "嘉园" };
static const char *const places[] = {
	"门口", "东门", "北门", "南侧", "内", "西侧停车场",
};
static const char *const requests[] = {
	"请尽快处理", "希望相关部门尽快解决", "请求协调处理", "望尽快解决",
	"请予以核实处理", "盼早日解决",
};

static const char *const names_en[] = {
	"case_id", "street", "community", "grid_id", "category", "channel",
	"reported_at", "closed_at", "status", "deadline", "satisfaction",
	"description",
};
static const char *const names_zh[] = {
	"事件编号", "街道", "社区", "网格", "事件类型", "来源", "上报时间",
	"办结时间", "状态", "办理时限", "满意度", "事件描述",
};

static uint64_t rs; /* splitmix64 */

static uint64_t
next(void)
{
	uint64_t z;

	z = (rs += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n), n < 2^32. */
static uint32_t
rnd(uint32_t n)
{
	return (uint32_t)(((next() >> 32) * n) >> 32);
}

static size_t
count(const char *const *a, size_t n)
{
	while (n > 0 && a[n - 1] == NULL)
		n--;
	return n;
}

static const char *
any(const char *const *a, size_t n)
{
	return a[rnd((uint32_t)count(a, n))];
}

static const char *
pick(const struct choice *c, size_t n)
{
	unsigned total, r;
	size_t i;

	for (total = 0, i = 0; i < n; i++)
		total += c[i].w;
	r = rnd(total);
	for (i = 0; r >= c[i].w; i++)
		r -= c[i].w;
	return c[i].s;
}

static size_t
pickcomm(void)
{
	static unsigned total;
	unsigned r;
	size_t i;

	if (total == 0)
		for (i = 0; i < NCOMMS; i++)
			total += comms[i].weight;
	r = rnd(total);
	for (i = 0; r >= comms[i].weight; i++)
		r -= comms[i].weight;
	return i;
}

static size_t
pickcat(void)
{
	static unsigned total;
	unsigned r;
	size_t i;

	if (total == 0)
		for (i = 0; i < NCATS; i++)
			total += cats[i].weight;
	r = rnd(total);
	for (i = 0; r >= cats[i].weight; i++)
		r -= cats[i].weight;
	return i;
}

static int
dayof(const char *date)
{
	int d;

	for (d = 0; d < NDAYS; d++)
		if (memcmp(dates[d], date, 10) == 0)
			return d;
	errx(1, "%s: not in the calendar", date);
}

static void
fmtdate(char *b, int y, int m, int d)
{
	b[0] = (char)('0' + y / 1000);
	b[1] = (char)('0' + y / 100 % 10);
	b[2] = (char)('0' + y / 10 % 10);
	b[3] = (char)('0' + y % 10);
	b[4] = '-';
	b[5] = (char)('0' + m / 10);
	b[6] = (char)('0' + m % 10);
	b[7] = '-';
	b[8] = (char)('0' + d / 10);
	b[9] = (char)('0' + d % 10);
	b[10] = '\0';
}

static void
calendar(void)
{
	static const int mdays[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};
	int d, y, m, md, leap, k;
	size_t i;

	y = 2024, m = 1, md = 1;
	for (d = 0; d < NDAYS; d++) {
		fmtdate(dates[d], y, m, md);
		dmonth[d] = (unsigned char)m;
		dkind[d] = d % 7 >= 5 ? REST : WORK;
		leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
		if (++md > mdays[m - 1] + (m == 2 && leap)) {
			md = 1;
			if (++m > 12)
				m = 1, y++;
		}
	}
	for (i = 0; i < NELEM(holidays); i++)
		dkind[dayof(holidays[i])] = HOLIDAY;
	for (i = 0; i < NELEM(workdays); i++)
		dkind[dayof(workdays[i])] = WORK;

	for (d = 0; d < YEARDAYS; d++) {
		k = dkind[d] == WORK ? 100 : dkind[d] == REST ? 50 : 40;
		k = k * (int)monthw[dmonth[d] - 1] / 100;
		for (m = 0; m < 24; m++)
			cum[d * 24 + m + 1] = cum[d * 24 + m] +
			    (uint64_t)k * hourw[m];
	}
}

static void
flush(void)
{
	size_t off;
	ssize_t n;

	for (off = 0; off < olen; off += (size_t)n) {
		n = write(STDOUT_FILENO, obuf + off, olen - off);
		if (n == -1) {
			if (errno == EINTR) {
				n = 0;
				continue;
			}
			err(1, "write");
		}
	}
	olen = 0;
}

static void
put(const char *s, size_t n)
{
	memcpy(obuf + olen, s, n);
	olen += n;
}

static void
puts0(const char *s)
{
	put(s, strlen(s));
}

static void
putc1(char c)
{
	obuf[olen++] = c;
}

static void
put2(unsigned v)
{
	obuf[olen++] = (char)('0' + v / 10);
	obuf[olen++] = (char)('0' + v % 10);
}

/* A date and time as seconds since 2024-01-01 00:00:00. */
static void
putdt(uint64_t t)
{
	unsigned s;

	put(dates[t / 86400], 10);
	s = (unsigned)(t % 86400);
	putc1(' ');
	put2(s / 3600);
	putc1(':');
	put2(s / 60 % 60);
	putc1(':');
	put2(s % 60);
}

/* A field that may need quoting (CSV) or escapes (TSV). */
static void
putfield(const char *s, size_t n)
{
	size_t i;

	if (opt.csv) {
		for (i = 0; i < n; i++)
			if (s[i] == ',' || s[i] == '"' || s[i] == '\n' ||
			    s[i] == '\r')
				break;
		if (i == n) {
			put(s, n);
			return;
		}
		putc1('"');
		for (i = 0; i < n; i++) {
			if (s[i] == '"')
				putc1('"');
			putc1(s[i]);
		}
		putc1('"');
		return;
	}
	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '\t':
			put("\\t", 2);
			break;
		case '\n':
			put("\\n", 2);
			break;
		case '\r':
			put("\\r", 2);
			break;
		case '\\':
			put("\\\\", 2);
			break;
		default:
			putc1(s[i]);
		}
	}
}

/* The description being built. */
static char desc[512];
static size_t dlen;

static void
dadd(const char *s)
{
	size_t n;

	n = strlen(s);
	if (dlen + n < sizeof(desc)) {
		memcpy(desc + dlen, s, n);
		dlen += n;
	}
}

static void
dnum(unsigned v)
{
	char b[12];

	snprintf(b, sizeof(b), "%u", v);
	dadd(b);
}

static size_t
dchars(void)
{
	size_t i, n;

	for (i = 0, n = 0; i < dlen; i++)
		if (((unsigned char)desc[i] & 0xc0) != 0x80)
			n++;
	return n;
}

static void
dsep(void)
{
	/* Now and then a line break, as typed into the platform's form. */
	if (rnd(2000) == 0)
		dadd("\n");
	else
		dadd(pick(seps, NELEM(seps)));
}

static void
compound(const struct community *c)
{
	if (rnd(10) < 7) {
		dadd(c->stem);
		dadd(compsuf[rnd(NELEM(compsuf))]);
	} else {
		dadd(comms[rnd(NCOMMS)].stem);
		dadd(compsuf[rnd(NELEM(compsuf))]);
	}
}

static void
location(const struct community *c, int home)
{
	int quote;

	quote = rnd(100) < 35;
	if (quote)
		dadd("\"");
	if (home) {
		compound(c);
		dnum(1 + rnd(24));
		dadd("号楼");
		if (rnd(2)) {
			dnum(1 + rnd(6));
			dadd("单元");
		} else if (rnd(2)) {
			dnum(1 + rnd(18));
			dadd("0");
			dnum(1 + rnd(4));
			dadd("室");
		}
	} else if (rnd(3) == 0) {
		dadd(roads[rnd(NELEM(roads))]);
		dadd("与");
		dadd(roads[rnd(NELEM(roads))]);
		dadd("交叉口");
	} else {
		if (rnd(2))
			dadd(roads[rnd(NELEM(roads))]);
		compound(c);
		dadd(places[rnd(NELEM(places))]);
	}
	if (quote)
		dadd("\"");
}

static void
describe(const struct community *c, const struct category *k, size_t ch)
{
	size_t nh, ns, r;

	dlen = 0;
	dadd(any(openers[ch], 3));
	nh = count(k->home, NPARTS);
	ns = count(k->street, NPARTS);
	r = rnd((uint32_t)(nh + ns));
	location(c, r < nh);
	dadd(r < nh ? k->home[r] : k->street[r - nh]);
	if (rnd(10) < 8) {
		dsep();
		dadd(any(k->more, NPARTS));
	}
	if (rnd(10) < 5 || dchars() < 20) {
		dsep();
		dadd(requests[rnd(NELEM(requests))]);
	}
	while (dchars() < 20) {
		dsep();
		dadd(requests[rnd(NELEM(requests))]);
	}
}

/* Minutes to close: log-normal around the median, with a long tail. */
static uint64_t
minutes(const struct category *k)
{
	static const uint64_t pow2[16] = {
		65536, 68438, 71468, 74632, 77936, 81386, 84990, 88752,
		92682, 96785, 101070, 105545, 110218, 115098, 120194, 125515,
	};
	int64_t s, e;
	uint64_t m;

	/* About normal (Irwin-Hall), in 1/16 powers of two, sigma 1.6. */
	s = (int64_t)rnd(65536) + rnd(65536) + rnd(65536) + rnd(65536) -
	    131070;
	e = s * 26 / 37837;
	if (rnd(100) < 3)
		e += 48 + rnd(32);
	m = k->median * pow2[e & 15];
	if (e >= 0)
		m = (m << (e >> 4)) >> 16;
	else
		m = m >> (16 + ((-e + 15) >> 4));
	if (m < 5)
		m = 5 + rnd(10);
	if (m > 50 * 24 * 60)
		m = 50 * 24 * 60 - rnd(7 * 24 * 60);
	return m;
}

static void
row(unsigned long long i, unsigned width)
{
	static size_t slot;
	const struct community *c;
	const struct category *k;
	const char *status;
	uint64_t q, rep, done, t;
	size_t ch, ci;
	unsigned h, w;
	char id[32];
	int closed, d, n;

	/* Reporting time: the row's share of the year's weighted hours. */
	q = i * cum[YEARDAYS * 24] + rnd((uint32_t)cum[YEARDAYS * 24]);
	while (cum[slot + 1] * opt.rows <= q)
		slot++;
	w = (unsigned)(cum[slot + 1] - cum[slot]);
	rep = slot * 3600 + (q - cum[slot] * opt.rows) * 3600 /
	    (w * opt.rows);

	c = &comms[pickcomm()];
	ci = pickcat();
	/* Heating complaints mostly come in the heating season. */
	if (ci == HEATING && dmonth[rep / 86400] >= 5 &&
	    dmonth[rep / 86400] <= 9 && rnd(3) != 0)
		ci = pickcat();
	k = &cats[ci];
	for (ch = 0, w = rnd(100); w >= channels[ch].w; ch++)
		w -= channels[ch].w;

	snprintf(id, sizeof(id), "SL2024%0*llu", (int)width, i + 1);
	puts0(id);
	putc1(opt.csv ? ',' : '\t');
	puts0(streets[c->street]);
	putc1(opt.csv ? ',' : '\t');
	puts0(c->name);
	putc1(opt.csv ? ',' : '\t');
	puts0(c->name);
	puts0("-网格");
	put2(1 + rnd(c->grids));
	putc1(opt.csv ? ',' : '\t');
	puts0(k->name);
	putc1(opt.csv ? ',' : '\t');
	puts0(channels[ch].s);
	putc1(opt.csv ? ',' : '\t');
	putdt(rep);
	putc1(opt.csv ? ',' : '\t');

	/* About 99.8% closed. */
	closed = rnd(1000) < 998;
	status = closed ? "已办结" : pick(opened, NELEM(opened));
	done = 0;
	if (closed) {
		done = rep + minutes(k) * 60 + rnd(60);
		/* Nobody closes cases at night. */
		h = (unsigned)(done % 86400 / 3600);
		if (h < 7)
			done += (7 - h) * 3600 + rnd(3600);
		putdt(done);
	}
	putc1(opt.csv ? ',' : '\t');
	puts0(status);
	putc1(opt.csv ? ',' : '\t');

	/* The deadline: the time limit in working days, same time of day. */
	d = (int)(rep / 86400);
	for (n = (int)k->limit; n > 0; n--)
		while (dkind[++d] != WORK)
			;
	t = (uint64_t)d * 86400 + rep % 86400;
	putdt(t);
	putc1(opt.csv ? ',' : '\t');
	if (done != 0)
		puts0(pick(satis, NELEM(satis)));
	putc1(opt.csv ? ',' : '\t');

	describe(c, k, ch);
	putfield(desc, dlen);
	putc1('\n');
}

static void
usage(void)
{
	fprintf(stderr, "usage: gen [-n ROWS] [-s SEED] [--csv | --tsv] "
	    "[--zh]\n");
	exit(2);
}

static unsigned long long
number(const char *s, unsigned long long max)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 || v > max)
		errx(2, "%s: not a number up to %llu", s, max);
	return v;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "csv", no_argument, NULL, 'c' },
		{ "tsv", no_argument, NULL, 't' },
		{ "zh", no_argument, NULL, 'z' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *const *names;
	unsigned long long i;
	unsigned width;
	size_t f;
	int ch;

	while ((ch = getopt_long(argc, argv, "n:s:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			opt.rows = number(optarg, MAXROWS);
			break;
		case 's':
			opt.seed = number(optarg, UINT64_MAX);
			break;
		case 'c':
			opt.csv = 1;
			break;
		case 't':
			opt.csv = 0;
			break;
		case 'z':
			opt.zh = 1;
			break;
		case 'h':
			printf("usage: gen [-n ROWS] [-s SEED] [--csv | --tsv] "
			    "[--zh]\n\n"
			    "Write ROWS (%llu) generated cases of 2024 as TSV "
			    "or CSV.\n"
			    "  gen -n 1000000 > cases.tsv\n"
			    "  gen -n 3851 --csv --zh > 事件.csv\n",
			    opt.rows);
			return 0;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();

	rs = opt.seed;
	calendar();
	for (f = 0; f < NCOMMS; f++)
		snprintf(comms[f].stem, sizeof(comms[f].stem), "%.*s",
		    (int)(strlen(comms[f].name) - strlen("社区")),
		    comms[f].name);
	for (width = 6, i = 999999; i < opt.rows; i = i * 10 + 9)
		width++;

	names = opt.zh ? names_zh : names_en;
	for (f = 0; f < NELEM(names_en); f++) {
		if (f > 0)
			putc1(opt.csv ? ',' : '\t');
		puts0(names[f]);
	}
	putc1('\n');
	for (i = 0; i < opt.rows; i++) {
		row(i, width);
		if (olen > OBUFSZ)
			flush();
	}
	flush();
	return 0;
}
