/*
 * test_cal: the working-day calendar, built with the low-level calls from
 * the State Council's 2024-2026 arrangements (as in
 * shared/data/cn-calendar-2024-2026.tsv), then from YAML through cfg, and
 * from the compiled-in default configuration.
 *
 * Day numbers and times were computed with python3 (date.toordinal() -
 * date(1970, 1, 1).toordinal(), calendar.timegm); working-day totals with
 * a day-by-day python3 count over the TSV file, and the two cases the
 * issue names by hand below.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/cal.h"
#include "lib/cfg.h"
#include "lib/date.h"
#include "t.h"

static const char *const holidays[] = {
	"2024-01-01",
	"2024-02-10",
	"2024-02-11",
	"2024-02-12",
	"2024-02-13",
	"2024-02-14",
	"2024-02-15",
	"2024-02-16",
	"2024-02-17",
	"2024-04-04",
	"2024-04-05",
	"2024-04-06",
	"2024-05-01",
	"2024-05-02",
	"2024-05-03",
	"2024-05-04",
	"2024-05-05",
	"2024-06-10",
	"2024-09-15",
	"2024-09-16",
	"2024-09-17",
	"2024-10-01",
	"2024-10-02",
	"2024-10-03",
	"2024-10-04",
	"2024-10-05",
	"2024-10-06",
	"2024-10-07",
	"2025-01-01",
	"2025-01-28",
	"2025-01-29",
	"2025-01-30",
	"2025-01-31",
	"2025-02-01",
	"2025-02-02",
	"2025-02-03",
	"2025-02-04",
	"2025-04-04",
	"2025-04-05",
	"2025-04-06",
	"2025-05-01",
	"2025-05-02",
	"2025-05-03",
	"2025-05-04",
	"2025-05-05",
	"2025-05-31",
	"2025-06-01",
	"2025-06-02",
	"2025-10-01",
	"2025-10-02",
	"2025-10-03",
	"2025-10-04",
	"2025-10-05",
	"2025-10-06",
	"2025-10-07",
	"2025-10-08",
	"2026-01-01",
	"2026-01-02",
	"2026-01-03",
	"2026-02-15",
	"2026-02-16",
	"2026-02-17",
	"2026-02-18",
	"2026-02-19",
	"2026-02-20",
	"2026-02-21",
	"2026-02-22",
	"2026-02-23",
	"2026-04-04",
	"2026-04-05",
	"2026-04-06",
	"2026-05-01",
	"2026-05-02",
	"2026-05-03",
	"2026-05-04",
	"2026-05-05",
	"2026-06-19",
	"2026-06-20",
	"2026-06-21",
	"2026-09-25",
	"2026-09-26",
	"2026-09-27",
	"2026-10-01",
	"2026-10-02",
	"2026-10-03",
	"2026-10-04",
	"2026-10-05",
	"2026-10-06",
	"2026-10-07",
};

static const char *const workdays[] = {
	"2024-02-04",
	"2024-02-18",
	"2024-04-07",
	"2024-04-28",
	"2024-05-11",
	"2024-09-14",
	"2024-09-29",
	"2024-10-12",
	"2025-01-26",
	"2025-02-08",
	"2025-04-27",
	"2025-09-28",
	"2025-10-11",
	"2026-01-04",
	"2026-02-14",
	"2026-02-28",
	"2026-05-09",
	"2026-09-20",
	"2026-10-10",
};

static long long
T(const char *s)
{
	long long t;

	if (date_parse(s, strlen(s), &t, NULL) < 0) {
		printf("FAIL bad date in test: %s\n", s);
		exit(1);
	}
	return t;
}

static long
D(const char *s)
{
	return (long)(T(s) / DAY_SECS);
}

static struct cal *
china(void)
{
	struct cal *k = cal_new_empty();
	size_t i;

	cal_cover_year(k, 2024);
	cal_cover_year(k, 2025);
	cal_cover_year(k, 2026);
	for (i = 0; i < sizeof holidays / sizeof holidays[0]; i++)
		cal_set_day(k, D(holidays[i]), 0);
	for (i = 0; i < sizeof workdays / sizeof workdays[0]; i++)
		cal_set_day(k, D(workdays[i]), 1);
	return k;
}

/* Standard error of f(k) while it runs. */
static FILE *cap;
static int saved_fd;

static void
capture(void)
{
	fflush(stderr);
	cap = tmpfile();
	saved_fd = dup(2);
	dup2(fileno(cap), 2);
}

static char *
captured(void)
{
	static char text[4096];
	size_t n;

	fflush(stderr);
	dup2(saved_fd, 2);
	close(saved_fd);
	rewind(cap);
	n = fread(text, 1, sizeof text - 1, cap);
	text[n] = '\0';
	fclose(cap);
	return text;
}

static int
count(const char *hay, const char *needle)
{
	int n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

static void
F(long long t, const char *want)
{
	char buf[20];
	size_t n = date_format(t, 1, buf);

	T_MEM(buf, n, want);
}

/* The checks every calendar with the 2024-2026 data passes. */
static void
check_china(struct cal *k)
{
	/* the days of the arrangement, and plain days */
	T_INT(cal_workday(k, D("2025-01-26")), 1); /* Sunday, 调休 */
	T_INT(cal_workday(k, D("2025-01-25")), 0); /* Saturday */
	T_INT(cal_workday(k, D("2025-01-27")), 1); /* Monday */
	T_INT(cal_workday(k, D("2025-01-28")), 0); /* 春节 */
	T_INT(cal_workday(k, D("2025-02-04")), 0);
	T_INT(cal_workday(k, D("2025-02-05")), 1);
	T_INT(cal_workday(k, D("2025-02-08")), 1); /* Saturday, 调休 */
	T_INT(cal_workday(k, D("2025-02-09")), 0);
	T_INT(cal_workday(k, D("2024-09-29")), 1); /* Sunday, 调休 */
	T_INT(cal_workday(k, D("2024-10-01")), 0);
	T_INT(cal_workday(k, D("2024-10-12")), 1); /* Saturday, 调休 */
	T_INT(cal_workday(k, D("2024-03-06")), 1); /* a Wednesday */
	T_INT(cal_workday(k, D("2024-03-09")), 0); /* a Saturday */
	T_INT(cal_workday(k, D("2026-12-31")), 1);

	/*
	 * Spring Festival 2025.  Working days d with 2025-01-24 (Friday) <
	 * d <= 2025-02-10 (Monday), day by day:
	 *	01-25 Sat rest; 01-26 Sun worked (调休): 1; 01-27 Mon: 2;
	 *	01-28 Tue .. 02-04 Tue: the eight holidays;
	 *	02-05 Wed: 3; 02-06 Thu: 4; 02-07 Fri: 5;
	 *	02-08 Sat worked (调休): 6; 02-09 Sun rest; 02-10 Mon: 7.
	 */
	T_INT(cal_workdays_between(k, T("2025-01-24"), T("2025-02-10")), 7);
	T_INT(cal_workdays_between(k, T("2025-01-24 18:30"),
		  T("2025-02-10 08:00")),
	    7);
	T_INT(cal_workdays_between(k, T("2025-02-10"), T("2025-01-24")), -7);
	/* the same day 0, the next working day 1: Friday to the 调休 Sunday */
	T_INT(cal_workdays_between(k, T("2025-01-24 09:00"),
		  T("2025-01-24 17:00")),
	    0);
	T_INT(cal_workdays_between(k, T("2025-01-24"), T("2025-01-26")), 1);
	T_INT(cal_workdays_between(k, T("2025-01-24"), T("2025-01-25")), 0);
	/* over the holiday only: 01-27 is the one working day */
	T_INT(cal_workdays_between(k, T("2025-01-25"), T("2025-02-04")), 2);

	/*
	 * Five working days from Friday 2024-09-27 (National Day 2024:
	 * holidays 10-01..10-07, worked Sunday 09-29 and Saturday 10-12):
	 *	09-28 Sat rest; 09-29 Sun worked: 1; 09-30 Mon: 2;
	 *	10-01..10-07 holidays; 10-08 Tue: 3; 10-09 Wed: 4;
	 *	10-10 Thu: 5.
	 */
	F(cal_add_workdays(k, T("2024-09-27 14:30:00"), 5),
	    "2024-10-10 14:30:00");
	T_INT(cal_workdays_between(k, T("2024-09-27 14:30:00"),
		  T("2024-10-10 14:30:00")),
	    5);
	F(cal_add_workdays(k, T("2024-09-27 14:30:00"), 1),
	    "2024-09-29 14:30:00");
	F(cal_add_workdays(k, T("2024-09-28 08:00:00"), 1),
	    "2024-09-29 08:00:00");
	F(cal_add_workdays(k, T("2024-09-30 10:00:00"), 1),
	    "2024-10-08 10:00:00");
	/* n = 0: the day itself when it works, else the next working day */
	F(cal_add_workdays(k, T("2024-09-27 14:30:00"), 0),
	    "2024-09-27 14:30:00");
	F(cal_add_workdays(k, T("2024-10-03 11:00:00"), 0),
	    "2024-10-08 11:00:00");
	F(cal_add_workdays(k, T("2025-01-25 00:00:00"), 0),
	    "2025-01-26 00:00:00");
	/* n < 0: working days before */
	F(cal_add_workdays(k, T("2024-10-08 09:00:00"), -1),
	    "2024-09-30 09:00:00");
	F(cal_add_workdays(k, T("2024-10-10 23:59:59"), -5),
	    "2024-09-27 23:59:59");
	F(cal_add_workdays(k, T("2024-10-05 12:00:00"), -1),
	    "2024-09-30 12:00:00");

	/* whole years: 2024 251, 2025 248, 2026 248 (python3) */
	T_INT(cal_workdays_between(k, T("2023-12-31"), T("2024-12-31")), 251);
	T_INT(cal_workdays_between(k, T("2024-12-31"), T("2025-12-31")), 248);
	T_INT(cal_workdays_between(k, T("2025-12-31"), T("2026-12-31")), 248);
	T_INT(cal_workdays_between(k, T("2023-12-31"), T("2026-12-31")), 747);
	F(cal_add_workdays(k, T("2023-12-31 10:00"), 747),
	    "2026-12-31 10:00:00");
}

/* Counting day by day with cal_workday, against the fast paths. */
static void
check_naive(struct cal *k, long first, long last)
{
	unsigned long long r = 99;
	int bad_between = 0, bad_add = 0, i;

	for (i = 0; i < 3000; i++) {
		long a, b, d, n, want;
		int j;

		r = r * 6364136223846793005ULL + 1442695040888963407ULL;
		a = first + (long)((r >> 33) % (unsigned long)(last - first));
		r = r * 6364136223846793005ULL + 1442695040888963407ULL;
		b = a + (long)((r >> 33) % 400) - 100;
		want = 0;
		for (d = a + 1; d <= b; d++)
			want += cal_workday(k, d);
		for (d = b + 1; d <= a; d++)
			want -= cal_workday(k, d);
		if (cal_workdays_between(k, a * DAY_SECS + 3600,
			b * DAY_SECS + 7200) != want)
			bad_between++;

		n = (long)((r >> 20) % 60) - 20;
		d = a;
		if (n > 0)
			for (j = 0; j < n; j++)
				do
					d++;
				while (!cal_workday(k, d));
		else if (n == 0)
			while (!cal_workday(k, d))
				d++;
		else
			for (j = 0; j < -n; j++)
				do
					d--;
				while (!cal_workday(k, d));
		if (cal_add_workdays(k, a * DAY_SECS + 100, (int)n) !=
		    d * DAY_SECS + 100)
			bad_add++;
	}
	T_INT(bad_between, 0);
	T_INT(bad_add, 0);
}

/* Office seconds between t1 < t2, by overlapping each day's hours. */
static long long
naive_secs(struct cal *k, long long t1, long long t2, int s, int ls, int le,
    int e)
{
	long long n = 0, d, lo, hi, a, b;
	int part;

	for (d = t1 / DAY_SECS - 1; d * DAY_SECS <= t2; d++) {
		if (!cal_workday(k, (long)d))
			continue;
		for (part = 0; part < 2; part++) {
			a = d * DAY_SECS + (part ? le : s);
			b = d * DAY_SECS + (part ? e : ls);
			lo = a > t1 ? a : t1;
			hi = b < t2 ? b : t2;
			if (hi > lo)
				n += hi - lo;
		}
	}
	return n;
}

static void
check_hours(struct cal *k)
{
	unsigned long long r = 7;
	int i, bad = 0, bad_add = 0;

	/* 09:00-17:00 with a lunch break 12:00-13:30: 6.5 h a day */
	T_INT(cal_set_hours(k, 9 * 3600, 17 * 3600, 12 * 3600,
		  13 * 3600 + 1800),
	    0);
	/* Friday 16:00 to the 调休 Sunday 10:00: 1 h + 1 h */
	T_INT(cal_work_seconds(k, T("2024-09-27 16:00"), T("2024-09-29 10:00")),
	    7200);
	/* Monday 09-30 11:00 to 10-08 14:00: 11-12 and 13:30-17 (4.5 h),
	 * the holidays, then 9-12 and 13:30-14 (3.5 h): 8 h */
	T_INT(cal_work_seconds(k, T("2024-09-30 11:00"), T("2024-10-08 14:00")),
	    28800);
	T_INT(cal_work_seconds(k, T("2024-10-08 14:00"), T("2024-09-30 11:00")),
	    -28800);
	/* nights, lunch and weekends count nothing */
	T_INT(cal_work_seconds(k, T("2024-03-08 17:00"), T("2024-03-11 09:00")),
	    0);
	T_INT(cal_work_seconds(k, T("2024-03-11 12:00"), T("2024-03-11 13:30")),
	    0);
	T_INT(cal_work_seconds(k, T("2024-03-11 12:30"), T("2024-03-11 14:00")),
	    1800);

	F(cal_add_work_seconds(k, T("2024-09-30 11:00"), 28800),
	    "2024-10-08 14:00:00");
	/* the earliest time: 17:00, not 09:00 of the next working day;
	 * the start of lunch, not its end */
	F(cal_add_work_seconds(k, T("2024-09-30 11:00"), 16200),
	    "2024-09-30 17:00:00");
	F(cal_add_work_seconds(k, T("2024-09-30 11:00"), 3600),
	    "2024-09-30 12:00:00");
	F(cal_add_work_seconds(k, T("2024-09-30 11:00"), 3601),
	    "2024-09-30 13:30:01");
	F(cal_add_work_seconds(k, T("2024-09-30 11:00"), 16201),
	    "2024-10-08 09:00:01");
	F(cal_add_work_seconds(k, T("2024-09-28 20:00"), 3600),
	    "2024-09-29 10:00:00");
	F(cal_add_work_seconds(k, T("2024-09-28 20:00"), 0),
	    "2024-09-28 20:00:00");
	/* backwards: the latest time */
	F(cal_add_work_seconds(k, T("2024-10-08 09:00"), -1),
	    "2024-09-30 16:59:59");
	F(cal_add_work_seconds(k, T("2024-10-08 10:00"), -3600),
	    "2024-10-08 09:00:00");
	F(cal_add_work_seconds(k, T("2024-10-08 14:00"), -1800),
	    "2024-10-08 13:30:00");

	/* random spans against the day-by-day overlap */
	for (i = 0; i < 2000; i++) {
		long long t1, t2, got, s;

		r = r * 6364136223846793005ULL + 1442695040888963407ULL;
		t1 = T("2024-01-01") +
		    (long long)((r >> 20) % (1000 * DAY_SECS));
		r = r * 6364136223846793005ULL + 1442695040888963407ULL;
		t2 = t1 + (long long)((r >> 20) % (40 * DAY_SECS));
		got = cal_work_seconds(k, t1, t2);
		if (got !=
		    naive_secs(k, t1, t2, 9 * 3600, 12 * 3600, 13 * 3600 + 1800,
			17 * 3600))
			bad++;
		s = got > 0 ? got : 1;
		if (cal_work_seconds(k, t1, cal_add_work_seconds(k, t1, s)) !=
			s ||
		    cal_work_seconds(k, cal_add_work_seconds(k, t2, -s), t2) !=
			s)
			bad_add++;
	}
	T_INT(bad, 0);
	T_INT(bad_add, 0);

	/* rejected hours leave them unchanged */
	T_INT(cal_set_hours(k, 17 * 3600, 9 * 3600, -1, -1), -1);
	T_INT(cal_set_hours(k, 9 * 3600, 9 * 3600, -1, -1), -1);
	T_INT(cal_set_hours(k, 9 * 3600, 17 * 3600, 8 * 3600, 10 * 3600), -1);
	T_INT(cal_set_hours(k, 9 * 3600, 17 * 3600, 13 * 3600, 12 * 3600), -1);
	T_INT(cal_set_hours(k, 9 * 3600, 17 * 3600, 9 * 3600, 17 * 3600), -1);
	T_INT(cal_set_hours(k, 9 * 3600, 25 * 3600, -1, -1), -1);
	T_INT(cal_work_seconds(k, T("2024-03-11 00:00"), T("2024-03-12 00:00")),
	    23400);
	/* no lunch break: 8 h */
	T_INT(cal_set_hours(k, 9 * 3600, 17 * 3600, -1, -1), 0);
	T_INT(cal_work_seconds(k, T("2024-03-11 00:00"), T("2024-03-12 00:00")),
	    28800);
}

static void
test_lowlevel(void)
{
	struct cal *k = china();
	char *err;

	capture();
	check_china(k);
	err = captured();
	T_STR(err, ""); /* only covered years so far */

	/*
	 * Years outside 2024..2026: weekends only, one warning per year.
	 * 2023 has 260 weekdays, 2027 261 (python3).
	 */
	capture();
	T_INT(cal_workday(k, D("2027-01-01")), 1); /* a Friday */
	T_INT(cal_workday(k, D("2027-01-02")), 0);
	T_INT(cal_workdays_between(k, T("2027-01-01"), T("2027-12-31")), 260);
	T_INT(cal_workdays_between(k, T("2022-12-31"), T("2023-12-31")), 260);
	T_INT(cal_workdays_between(k, T("2022-12-31"), T("2027-12-31")),
	    260 + 747 + 261);
	err = captured();
	/* the days counted start after 2022-12-31: 2022 is not looked at */
	T_INT(count(err, "does not cover"), 2);
	T_INT(count(err, "does not cover 2027:"), 1);
	T_INT(count(err, "does not cover 2023:"), 1);

	/* a span over several uncovered years: one line for the run */
	capture();
	T_INT(cal_workdays_between(k, T("2026-12-31"), T("2031-01-01")) > 0, 1);
	T_INT(cal_workday(k, D("2030-06-01")), 0);
	err = captured();
	T_INT(count(err, "does not cover"), 1);
	T_INT(count(err, "does not cover 2028-2031:"), 1);

	check_naive(k, D("2023-06-01"), D("2027-06-01"));
	check_hours(k);
	cal_free(k);

	/* an empty calendar is weekends only; the fast paths agree */
	k = cal_new_empty();
	capture();
	check_naive(k, D("1990-01-01"), D("2100-01-01"));
	/*
	 * Weekdays from 1970-01-01 (day 0, a Thursday) to 2024-03-04 (day
	 * 19786): 19787 days = 2826 weeks (5 × 2826 = 14130) and 5 days
	 * Thu Fri Sat Sun Mon (3 more): 14133 (python3 agrees).
	 */
	T_INT(cal_workdays_between(k, T("1969-12-31"), T("2024-03-04")), 14133);
	F(cal_add_workdays(k, T("1969-12-31"), 14133), "2024-03-04 00:00:00");
	(void)captured();
	cal_free(k);
	cal_free(NULL);
}

/* A calendar through the configuration (needs lib/cfg.c). */
static void
test_cfg(void)
{
	static const char yaml[] =
	    "calendar:\n"
	    "  2024:\n"
	    "    holidays: [2024-09-15, 2024-09-16, 2024-09-17, 2024-10-01,\n"
	    "      2024-10-02, 2024-10-03, 2024-10-04, 2024-10-05,\n"
	    "      2024-10-06, 2024-10-07]\n"
	    "    workdays:\n"
	    "      - 2024-09-14\n"
	    "      - 2024-09-29\n"
	    "      - 2024-10-12\n"
	    "  2025:\n"
	    "    holidays: [2025-01-01, 2025-01-28, 2025-01-29, 2025-01-30,\n"
	    "      2025-01-31, 2025-02-01, 2025-02-02, 2025-02-03,\n"
	    "      2025-02-04]\n"
	    "    workdays: [2025-01-26, 2025-02-08]\n"
	    "office-hours:\n"
	    "  start: \"08:30\"\n"
	    "  end: \"17:30\"\n"
	    "  lunch-start: \"12:00\"\n"
	    "  lunch-end: \"14:00\"\n";
	struct cfg *c = NULL;
	struct buf err = { 0 };
	struct cal *k;
	char *e;

	T_INT(cfg_parse(yaml, sizeof yaml - 1, "test.yaml", &c, &err), 0);
	if (c == NULL) {
		printf("FAIL cfg_parse: %s\n", err.p ? err.p : "?");
		buf_free(&err);
		return;
	}
	k = cal_new(c);
	capture();
	T_INT(cal_workdays_between(k, T("2025-01-24"), T("2025-02-10")), 7);
	F(cal_add_workdays(k, T("2024-09-27 14:30:00"), 5),
	    "2024-10-10 14:30:00");
	/* 08:30-12:00 and 14:00-17:30: 7 h */
	T_INT(cal_work_seconds(k, T("2025-01-26"), T("2025-01-27")), 25200);
	T_INT(cal_work_seconds(k, T("2025-01-24 12:30"), T("2025-01-24 14:30")),
	    1800);
	e = captured();
	T_STR(e, "");
	cal_free(k);
	cfg_free(c);
	buf_free(&err);

	/* the compiled-in etc/zhili.yaml carries 2024-2026 */
	cfg_setup(NULL);
	k = cal_new(NULL);
	capture();
	check_china(k);
	e = captured();
	T_STR(e, "");
	cal_free(k);
}

/* cal_new on the yaml text arg (exit 9 when it cannot be parsed). */
static void
cal_on(const void *arg)
{
	const char *yaml = arg;
	struct cfg *c = NULL;
	struct buf e = { 0 };

	if (cfg_parse(yaml, strlen(yaml), "test.yaml", &c, &e) < 0) {
		fprintf(stderr, "%s\n", e.p);
		_exit(9);
	}
	cal_free(cal_new(c));
}

static void
test_cfg_errors(void)
{
	static const struct {
		const char *yaml, *msg;
		int rc;
	} cases[] = {
		{ "calendar:\n  2025:\n    holidays: [2025-02-30]\n",
		    "test.yaml:3:", 2 },
		{ "calendar:\n  2025:\n    holidays: [2025-01-28 10:00]\n",
		    "2025-01-28 10:00", 2 },
		{ "calendar:\n  2025:\n    holidays: [2025-01-28]\n"
		  "    workdays: [2025-01-28]\n",
		    "both a holiday and a working day", 2 },
		{ "calendar:\n  25:\n    holidays: []\n", "test.yaml:2:3:", 2 },
		{ "calendar:\n  2025:\n    holiday: [2025-01-28]\n",
		    "test.yaml:3:", 2 },
		{ "calendar:\n  2025: [2025-01-28]\n", "test.yaml:2:", 2 },
		{ "office-hours:\n  start: \"9am\"\n", "'9am'", 2 },
		{ "office-hours:\n  start: \"18:00\"\n", "start < end", 2 },
		{ "office-hours:\n  lunch-start: \"12:00\"\n", "lunch-end", 2 },
		{ "office-hours:\n  start: \"08:30\"\n  end: \"24:00\"\n"
		  "  lunch-start: \"12:00\"\n  lunch-end: \"13:00\"\n",
		    "", 0 },
		/* a year with nothing: weekends only, covered */
		{ "calendar:\n  2027:\n", "", 0 },
		/* a date outside its key's year counts */
		{ "calendar:\n  2012:\n    workdays: [2011-12-31]\n", "", 0 },
	};
	char err[2048];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = t_child(cal_on, cases[i].yaml, err, sizeof err);

		if (rc != cases[i].rc || strstr(err, cases[i].msg) == NULL ||
		    (cases[i].rc == 0 && err[0] != '\0'))
			printf("case %zu: exit %d: %s\n", i, rc, err);
		T_INT(rc, cases[i].rc);
		T_OK(strstr(err, cases[i].msg) != NULL);
	}
}

/* Years with nothing and dates outside their year, through cfg. */
static void
test_cfg_years(void)
{
	static const char yaml[] = "calendar:\n"
				   "  2027:\n"
				   "  2012:\n"
				   "    workdays: [2011-12-31]\n";
	struct cfg *c = NULL;
	struct buf err = { 0 };
	struct cal *k;
	char *e;

	if (cfg_parse(yaml, sizeof yaml - 1, "test.yaml", &c, &err) < 0) {
		T_OK(0);
		return;
	}
	k = cal_new(c);
	capture();
	T_INT(cal_workday(k, D("2027-01-02")), 0);
	T_INT(cal_workday(k, D("2027-01-04")), 1);
	T_INT(cal_workday(k, D("2011-12-31")), 1); /* a Saturday */
	e = captured();
	/* 2027 and 2012 are covered, 2011 is not */
	T_INT(count(e, "does not cover"), 1);
	T_INT(count(e, "does not cover 2011:"), 1);
	cal_free(k);
	cfg_free(c);
	buf_free(&err);
}

int
main(void)
{
	test_lowlevel();
	test_cfg();
	test_cfg_errors();
	test_cfg_years();
	return t_done();
}
