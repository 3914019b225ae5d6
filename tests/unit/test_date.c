/*
 * test_date: civil dates, every accepted date form and the rejected ones,
 * ISO output and the periods of --from/--to/--month/--quarter/--year.
 *
 * Expected times were computed with python3 (calendar.timegm of a
 * datetime.datetime), days with date.toordinal() - date(1970, 1, 1)
 * .toordinal(), weekdays with date.weekday(): never with this code.
 */
#include <limits.h>
#include <string.h>

#include "lib/date.h"
#include "t.h"

#define BAD LLONG_MIN

static int last_timed;

/* Parsed time, or BAD. */
static long long
P(const char *s)
{
	long long t;

	last_timed = -1;
	if (date_parse(s, strlen(s), &t, &last_timed) < 0)
		return BAD;
	return t;
}

static void
test_civil(void)
{
	long counter = -719162;			 /* 0001-01-01 */
	int y, m, d, yy, mm, dd, ok = 1, wd = 0; /* it was a Monday */

	T_INT(date_days(1970, 1, 1), 0);
	T_INT(date_days(1, 1, 1), -719162);
	T_INT(date_days(9999, 12, 31), 2932896);
	T_INT(date_days(2000, 2, 29), 11016);
	T_INT(date_days(2100, 3, 1), 47541);
	T_INT(date_days(1900, 3, 1), -25508);
	T_INT(date_days(2024, 9, 27), 19993);
	T_INT(date_weekday(19993), 4); /* Friday */
	T_INT(date_weekday(20112), 4); /* 2025-01-24, Friday */
	T_INT(date_weekday(-25508), 3);
	T_INT(date_weekday(0), 3); /* 1970-01-01, Thursday */
	T_INT(date_weekday(-1), 2);

	/* leap years: 2024 yes, 2100 no, 2000 yes, 2023 no */
	T_INT(date_month_len(2024, 2), 29);
	T_INT(date_month_len(2100, 2), 28);
	T_INT(date_month_len(2000, 2), 29);
	T_INT(date_month_len(2023, 2), 28);
	T_INT(date_month_len(2023, 4), 30);
	T_INT(date_month_len(2023, 12), 31);
	T_INT(date_month_len(2023, 13), 0);
	T_INT(date_valid(2024, 2, 29), 1);
	T_INT(date_valid(2023, 2, 29), 0);
	T_INT(date_valid(2024, 2, 30), 0);
	T_INT(date_valid(2100, 2, 29), 0);
	T_INT(date_valid(2000, 2, 29), 1);
	T_INT(date_valid(2024, 4, 31), 0);
	T_INT(date_valid(0, 1, 1), 0);

	/*
	 * Every day of years 1..9999, walked month by month: days count up
	 * by one, date_ymd inverts date_days, weekdays cycle; the walk ends
	 * on 2932896 (python).
	 */
	for (y = 1; y <= 9999; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= date_month_len(y, m); d++) {
				date_ymd(counter, &yy, &mm, &dd);
				if (date_days(y, m, d) != counter || yy != y ||
				    mm != m || dd != d ||
				    date_weekday(counter) != wd)
					ok = 0;
				counter++;
				wd = (wd + 1) % 7;
			}
	T_OK(ok);
	T_INT(counter - 1, 2932896);
}

static void
test_forms(void)
{
	/* 2024-03-05 00:00:00 = 1709596800, 14:22 = 1709648520,
	 * 14:22:10 = 1709648530, 09:05 = 1709629500 */
	T_INT(P("2024-03-05"), 1709596800);
	T_INT(last_timed, 0);
	T_INT(P("2024-03-05 14:22"), 1709648520);
	T_INT(last_timed, 1);
	T_INT(P("2024-03-05 14:22:10"), 1709648530);
	T_INT(last_timed, 1);
	T_INT(P("2024-03-05T14:22:10"), 1709648530);
	T_INT(P("2024-03-05T14:22"), 1709648520);
	T_INT(P("2024/3/5 14:22"), 1709648520);
	T_INT(P("2024/3/5"), 1709596800);
	T_INT(last_timed, 0);
	T_INT(P("2024/03/05 14:22:10"), 1709648530);
	T_INT(P("2024/3/5 9:05"), 1709629500);
	T_INT(P("2024-3-5"), 1709596800);
	T_INT(P("2024年3月5日"), 1709596800);
	T_INT(last_timed, 0);
	T_INT(P("2024年03月05日"), 1709596800);
	T_INT(P("2024年3月5日 14时22分"), 1709648520);
	T_INT(last_timed, 1);
	T_INT(P("2024年3月5日14时22分"), 1709648520);
	T_INT(P("2024年3月5日 14时22分10秒"), 1709648530);
	T_INT(P("2024年3月5日14时22分10秒"), 1709648530);
	T_INT(P("2024年3月5日 9时5分"), 1709629500);
	T_INT(P("2024年3月5日 14:22:10"), 1709648530);
	T_INT(P("20240305"), 1709596800);
	T_INT(last_timed, 0);
	/* full-width digits, －, ／, ：, Ｔ and the ideographic space */
	T_INT(P("２０２４－０３－０５"), 1709596800);
	T_INT(P("２０２４／３／５　１４：２２"), 1709648520);
	T_INT(P("２０２４年３月５日　１４时２２分"), 1709648520);
	T_INT(P("２０２４０３０５"), 1709596800);
	T_INT(P("2024-03-05Ｔ14：22：10"), 1709648530);
	/* surrounding spaces, several spaces between date and time */
	T_INT(P("  2024-03-05 14:22:10\t"), 1709648530);
	T_INT(P("　2024-03-05　"), 1709596800);
	T_INT(P("2024-03-05   14:22"), 1709648520);
	/* ends of the range and of days */
	T_INT(P("0001-01-01"), -62135596800LL);
	T_INT(P("9999-12-31 23:59:59"), 253402300799LL);
	T_INT(P("2024-02-29"), 1709164800);
	T_INT(P("2000-02-29"), 951782400);
	T_INT(P("2024-12-31 23:59:59"), 1735689599);
	T_INT(P("2024-03-05 00:00:00"), 1709596800);
	/* a length, not NUL-terminated */
	{
		long long t = 0;

		T_INT(date_parse("2024-03-05XYZ", 10, &t, NULL), 0);
		T_INT(t, 1709596800);
		/* a NUL byte inside is not text */
		T_INT(date_parse("2024-03-05\0junk", 15, &t, NULL), -1);
		T_INT(date_parse("2024-03-05\0", 11, &t, NULL), -1);
	}
}

static void
test_rejects(void)
{
	static const char *const bad[] = {
		"",
		" ",
		"2024",
		"2024-03",
		"2024-02-30",
		"2023-02-29",
		"2100-02-29",
		"2024-13-01",
		"2024-00-10",
		"2024-03-00",
		"2024-04-31",
		"0000-01-01",
		"2024-03-05 25:00",
		"2024-03-05 24:00",
		"2024-03-05 14:60",
		"2024-03-05 14:22:60",
		"2024-03-05 14",
		"2024-03-05 14:2",
		"2024-03-05 14:22:1",
		"2024-03-05 14:22:10.5",
		"2024-03-05 14:22 x",
		"2024-03-05x",
		"2024-03-05T",
		"2024-03-05 T14:22",
		"2024-03-05T 14:22",
		"2024/3/5T14:22",
		"2024-03/05",
		"2024/03-05",
		"24-03-05",
		"02024-03-05",
		"2024-003-05",
		"2024-03-005",
		"2024年3月5",
		"2024年3月5日 14时",
		"2024年3月5日 14时22",
		"2024年3月5日 25时0分",
		"2024年2月30日",
		"2024年3月5日x",
		"2024年3月5日 14时22分10",
		"202403051",
		"2024030",
		"20240230",
		"20241301",
		"abc",
		"2024-03-05-",
		"-2024-03-05",
		"2024-03-05\n14:22",
		"2024-03-05 14:22:10 +0800",
		"１２３４５６７８９",
		"2024.03.05",
		"3/5/2024",
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		long long t = P(bad[i]);

		if (t != BAD)
			printf("accepted \"%s\"\n", bad[i]);
		T_INT(t == BAD, 1);
	}
	/* longer than any form */
	T_INT(P("2024-03-05                                                  "
		"            14:22") == BAD,
	    1);
}

static void
F(long long t, int with_time, const char *want)
{
	char buf[20];
	size_t n = date_format(t, with_time, buf);

	T_MEM(buf, n, want);
	T_INT(strlen(buf), n);
}

static void
test_format(void)
{
	F(1709596800, 0, "2024-03-05");
	F(1709648530, 1, "2024-03-05 14:22:10");
	F(1709648530, 0, "2024-03-05");
	F(0, 1, "1970-01-01 00:00:00");
	F(-1, 1, "1969-12-31 23:59:59");
	F(-62135596800LL, 1, "0001-01-01 00:00:00");
	F(253402300799LL, 1, "9999-12-31 23:59:59");
	F(951782400, 0, "2000-02-29");
}

static void
test_periods(void)
{
	struct period p;

	period_all(&p);
	T_OK(period_has(&p, LLONG_MIN));
	T_OK(period_has(&p, 0));
	T_OK(!period_has(&p, LLONG_MAX)); /* until is exclusive */

	/* --month 2024-02: [2024-02-01, 2024-03-01) */
	period_all(&p);
	T_INT(date_period(&p, PER_MONTH, "2024-02"), 0);
	T_INT(p.from, 1706745600);
	T_INT(p.until, 1709251200);
	T_OK(period_has(&p, 1709164800 + 86399)); /* 2024-02-29 23:59:59 */
	T_OK(!period_has(&p, 1709251200));
	T_OK(!period_has(&p, 1706745600 - 1));
	period_all(&p);
	T_INT(date_period(&p, PER_MONTH, "2024-2"), 0);
	T_INT(p.until, 1709251200);
	/* December runs to January 1 of the next year */
	period_all(&p);
	T_INT(date_period(&p, PER_MONTH, "2024-12"), 0);
	T_INT(p.until, 1735689600);
	/* February 2100 has 28 days: 2100-03-01 is 47541 days */
	period_all(&p);
	T_INT(date_period(&p, PER_MONTH, "2100-02"), 0);
	T_INT(p.until, 47541 * 86400LL);

	/* --quarter 2024-Q4: [2024-10-01, 2025-01-01) */
	period_all(&p);
	T_INT(date_period(&p, PER_QUARTER, "2024-Q4"), 0);
	T_INT(p.from, 1727740800);
	T_INT(p.until, 1735689600);
	period_all(&p);
	T_INT(date_period(&p, PER_QUARTER, "2024-q1"), 0);
	T_INT(p.from, 1704067200);  /* 2024-01-01 */
	T_INT(p.until, 1711929600); /* 2024-04-01 */

	/* --year 2100: [2100-01-01, 2101-01-01) */
	period_all(&p);
	T_INT(date_period(&p, PER_YEAR, "2100"), 0);
	T_INT(p.from, 4102444800LL);
	T_INT(p.until, 4133980800LL);

	/* --to DATE includes the whole day; --to TIME that second */
	period_all(&p);
	T_INT(date_period(&p, PER_TO, "2024-03-05"), 0);
	T_INT(p.from, LLONG_MIN);
	T_INT(p.until, 1709683200); /* 2024-03-06 00:00:00 */
	T_OK(period_has(&p, 1709683199));
	period_all(&p);
	T_INT(date_period(&p, PER_TO, "2024-03-05 14:22:10"), 0);
	T_INT(p.until, 1709648531);
	T_OK(period_has(&p, 1709648530));
	T_OK(!period_has(&p, 1709648531));
	period_all(&p);
	T_INT(date_period(&p, PER_TO, "2024年3月5日 14时22分"), 0);
	T_INT(p.until, 1709648521);
	period_all(&p);
	T_INT(date_period(&p, PER_FROM, "2024-03-05 14:22"), 0);
	T_INT(p.from, 1709648520);
	T_INT(p.until, LLONG_MAX);
	T_OK(!period_has(&p, 1709648519));
	T_OK(period_has(&p, 1709648520));

	/* several options intersect */
	period_all(&p);
	T_INT(date_period(&p, PER_YEAR, "2024"), 0);
	T_INT(date_period(&p, PER_MONTH, "2024-03"), 0);
	T_INT(p.from, 1709251200);
	T_INT(p.until, 1711929600);
	T_INT(date_period(&p, PER_FROM, "2024-03-10"), 0);
	T_INT(p.from, 1710028800);
	T_INT(p.until, 1711929600);
	T_INT(date_period(&p, PER_TO, "2024-03-05"), 0); /* disjoint */
	T_OK(p.from >= p.until);
	T_OK(!period_has(&p, 1710028800));
	T_OK(!period_has(&p, 1709596800));

	/* rejected: p unchanged */
	{
		static const struct {
			int kind;
			const char *arg;
		} bad[] = {
			{ PER_MONTH, "2024-13" },
			{ PER_MONTH, "2024-00" },
			{ PER_MONTH, "2024" },
			{ PER_MONTH, "2024-03-05" },
			{ PER_MONTH, "24-03" },
			{ PER_MONTH, "2024-3x" },
			{ PER_MONTH, "" },
			{ PER_QUARTER, "2024-Q5" },
			{ PER_QUARTER, "2024-Q0" },
			{ PER_QUARTER, "2024Q1" },
			{ PER_QUARTER, "2024-Q12" },
			{ PER_QUARTER, "2024-1" },
			{ PER_YEAR, "24" },
			{ PER_YEAR, "2024-01" },
			{ PER_YEAR, "0000" },
			{ PER_YEAR, "" },
			{ PER_FROM, "2024-02-30" },
			{ PER_TO, "tomorrow" },
			{ 99, "2024" },
		};
		size_t i;

		for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			period_all(&p);
			T_INT(date_period(&p, bad[i].kind, bad[i].arg), -1);
			T_OK(p.from == LLONG_MIN && p.until == LLONG_MAX);
		}
	}
	/* full-width and spaces in period arguments */
	period_all(&p);
	T_INT(date_period(&p, PER_MONTH, " ２０２４－０２ "), 0);
	T_INT(p.from, 1706745600);
	period_all(&p);
	T_INT(date_period(&p, PER_QUARTER, "２０２４－Ｑ４"), 0);
	T_INT(p.from, 1727740800);
}

/* A period in words. */
static void
show(int line, long long from, long long until, const char *want)
{
	struct period p = { from, until };
	struct buf b = { 0 };

	period_show(&b, &p);
	if (strcmp(b.p, want) != 0) {
		t_fail++;
		printf("FAIL %s:%d: period_show gives '%s', want '%s'\n",
		    __FILE__, line, b.p, want);
	} else
		t_pass++;
	buf_free(&b);
}

static void
test_period_show(void)
{
	const long long d = 86400;

	show(__LINE__, 1709251200, 1711929600, "2024-03");
	show(__LINE__, 1733011200, 1735689600, "2024-12"); /* to January */
	show(__LINE__, 1704067200, 1711929600, "2024-Q1");
	show(__LINE__, 1727740800, 1735689600, "2024-Q4");
	show(__LINE__, 1704067200, 1735689600, "2024");
	show(__LINE__, 1709596800, 1709596800 + d, "2024-03-05");
	show(__LINE__, 1709596800, 1710028800, "2024-03-05 to 2024-03-09");
	/* February and March: no name */
	show(__LINE__, 1706745600, 1711929600, "2024-02-01 to 2024-03-31");
	show(__LINE__, 1709648520, 1710028800,
	    "2024-03-05 14:22:00 to 2024-03-09");
	show(__LINE__, 1709596800, 1709648531,
	    "2024-03-05 to 2024-03-05 14:22:10");
	show(__LINE__, 1709596800, LLONG_MAX, "from 2024-03-05");
	show(__LINE__, -(1LL << 62), 1710028800, "up to 2024-03-09");
	show(__LINE__, LLONG_MIN, LLONG_MAX, "all time");
	/* the years' ends: 0001-01-01 and 9999-12-31 */
	show(__LINE__, -62135596800LL, -62135596800LL + d, "0001-01-01");
	show(__LINE__, 253402300800LL - d, 253402300800LL, "9999-12-31");
}

/*
 * YYYY-MM-DD HH:MM:SS (any digits) is read by a fast path (eight bytes at
 * a time, the last dates kept): it must agree with the general parser,
 * which reads the same text with a T, on valid and invalid dates alike,
 * whatever came before.  Dates of every kind, near and at the limits,
 * with a digit changed here and there; 1970-01-01 (0 days) as well.
 * Text of another shape does not take the fast path.
 */
static void
test_fast_path(void)
{
	static const char *const seeds[] = { "2024-02-29 23:59:59",
		"2023-02-29 10:00:00", "2024-13-01 00:00:00",
		"2024-00-10 00:00:00", "2024-04-31 12:00:00",
		"2024-01-01 24:00:00", "2024-01-01 23:60:00",
		"2024-01-01 23:59:60", "0000-01-01 00:00:00",
		"0001-01-01 00:00:00", "9999-12-31 23:59:59",
		"1970-01-01 00:00:00", "1969-12-31 23:59:59",
		"2000-02-29 08:30:00", "1900-02-29 08:30:00",
		"2024-03-05 14:22:10" };
	static const char alt[] = "0123456789";
	unsigned seed = 12345, bad = 0, n = 0, ok = 0;
	size_t i, j;

	for (i = 0; i < sizeof seeds / sizeof seeds[0]; i++)
		for (j = 0; j < 19 * 16; j++) {
			char s[20], tee[20];
			long long a, b;
			int ta, tb, ra, rb, k;

			memcpy(s, seeds[i], 20);
			if (j > 0) {
				/* one or two digits changed */
				for (k = 0; k < 1 + (int)(j & 1); k++) {
					seed = seed * 1103515245u + 12345u;
					s[(seed >> 8) % 19] = alt[(seed >> 16) %
					    (sizeof alt - 1)];
				}
			}
			s[10] = ' ';
			memcpy(tee, s, 20);
			tee[10] = 'T';
			ra = date_parse(s, 19, &a, &ta);
			rb = date_parse(tee, 19, &b, &tb);
			n++;
			ok += ra == 0;
			if (ra != rb || (ra == 0 && (a != b || ta != tb)))
				bad++;
		}
	T_INT(bad, 0);
	T_OK(n > 4000 && ok > 16 && ok < n);
}

/*
 * YYYY-MM-DD alone has a fast path of its own: it must agree with the
 * general parser, which reads the same date with slashes, on valid and
 * invalid dates alike (one or two digits changed).
 */
static void
test_fast_date(void)
{
	static const char *const seeds[] = { "2024-02-29", "2023-02-29",
		"2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01",
		"0001-01-01", "9999-12-31", "1970-01-01", "1969-12-31",
		"2000-02-29", "1900-02-29", "2024-03-05", "2025-12-31" };
	static const char alt[] = "0123456789";
	unsigned seed = 54321, bad = 0, n = 0, ok = 0;
	size_t i, j;

	for (i = 0; i < sizeof seeds / sizeof seeds[0]; i++)
		for (j = 0; j < 10 * 16; j++) {
			char s[11], sl[11];
			long long a = 0, b = 0;
			int ta = -1, tb = -1, ra, rb, k;

			memcpy(s, seeds[i], 11);
			for (k = 0; j > 0 && k < 1 + (int)(j & 1); k++) {
				seed = seed * 1103515245u + 12345u;
				s[(seed >> 8) % 10] =
				    alt[(seed >> 16) % (sizeof alt - 1)];
			}
			s[4] = s[7] = '-';
			memcpy(sl, s, 11);
			sl[4] = sl[7] = '/';
			ra = date_parse(s, 10, &a, &ta);
			rb = date_parse(sl, 10, &b, &tb);
			n++;
			ok += ra == 0;
			if (ra != rb ||
			    (ra == 0 && (a != b || ta != 0 || tb != 0)))
				bad++;
		}
	T_INT(bad, 0);
	T_OK(n > 2000 && ok > 16 && ok < n);
}

int
main(void)
{
	test_civil();
	test_forms();
	test_rejects();
	test_format();
	test_periods();
	test_period_show();
	test_fast_path();
	test_fast_date();
	return t_done();
}
