/*
 * date: dates and times (DESIGN.md section 3).  A time is seconds since
 * 1970-01-01 00:00:00 in local civil time (China Standard Time, no DST, no
 * zone arithmetic); a day is days since 1970-01-01.
 */
#ifndef DATE_H
#define DATE_H

#include <stddef.h>

#include "zl.h"

#define DAY_SECS 86400LL

/* Days since 1970-01-01 of a proleptic Gregorian date (no checking). */
long date_days(int y, int m, int d);
/* a / b rounded toward minus infinity (b != 0). */
long long date_floordiv(long long a, long long b);
void date_ymd(long days, int *y, int *m, int *d);
/* 0 Monday .. 6 Sunday */
int date_weekday(long days);
int date_valid(int y, int m, int d);
int date_month_len(int y, int m);

/*
 * Parse every form of DESIGN.md section 3 (full-width digits folded,
 * surrounding spaces ignored): 0 and *t (and *has_time, which may be NULL),
 * or -1.  Accepted, after full-width forms (U+FF01..U+FF5E: ０-９ － ／ ：
 * Ｔ) are folded to ASCII and the ideographic space to a space:
 *	2024-03-05   2024/3/5   2024年3月5日   20240305
 * the first three with a month and day of one or two digits; the first
 * two followed by spaces (or, after the dash form, "T") and a time
 *	14:22   14:22:10   (hour of one or two digits)
 * the third followed, with or without spaces, by 14时22分, 14时22分10秒
 * or a time as above.  Years 0001..9999; an impossible date (2023-02-29),
 * hour, minute or second (25:00, 14:60, leap second 60), fractions of a
 * second, anything else before or after: -1.
 */
int date_parse(const char *s, size_t n, long long *t, int *has_time);
/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" into buf (at least 20 bytes);
 * returns the length.  Years outside 0..9999 are clamped to it. */
size_t date_format(long long t, int with_time, char *buf);

/* A period [from, until): until is exclusive. */
struct period {
	long long from, until;
};
enum { PER_FROM, PER_TO, PER_MONTH, PER_QUARTER, PER_YEAR, PER_N };
/*
 * Apply one of --from DATE, --to DATE (inclusive: a date alone includes the
 * whole day, a time includes that second), --month YYYY-MM (or YYYY-M),
 * --quarter YYYY-Qn (or YYYY-qn), --year YYYY to p: 0, or -1 (p unchanged)
 * when arg is not of the form.  Several calls intersect: p becomes the part
 * of p inside the new period, so --year 2024 --month 2024-03 is March and
 * --from 2024-03-10 --month 2024-03 is March 10..31.  Disjoint periods
 * leave p empty (from >= until: period_has is false for every time).
 */
int date_period(struct period *p, int kind, const char *arg);
/* All time (LLONG_MIN, LLONG_MAX): start with this, then date_period. */
void period_all(struct period *p);
/*
 * The period p in words for a message, appended to b: "2024-03" (a month),
 * "2024-Q1", "2024" (a year), "2024-03-05" (a day), "2024-03-05 to
 * 2024-03-09", "from 2024-03-05", "up to 2024-03-09" (the last day it
 * includes); a bound that is not a midnight with its time (the last
 * second included).  A bound outside the years 1..9999 is none.
 */
void period_show(struct buf *b, const struct period *p);
static inline int
period_has(const struct period *p, long long t)
{
	return t >= p->from && t < p->until;
}

#endif
