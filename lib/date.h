/*
 * date: dates and times (DESIGN.md section 3).  A time is seconds since
 * 1970-01-01 00:00:00 in local civil time (China Standard Time, no DST, no
 * zone arithmetic); a day is days since 1970-01-01.
 */
#ifndef DATE_H
#define DATE_H

#include <stddef.h>

#define DAY_SECS 86400LL

/* Days since 1970-01-01 of a proleptic Gregorian date (no checking). */
long date_days(int y, int m, int d);
void date_ymd(long days, int *y, int *m, int *d);
/* 0 Monday .. 6 Sunday */
int date_weekday(long days);
int date_valid(int y, int m, int d);
int date_month_len(int y, int m);

/*
 * Parse every form of DESIGN.md section 3 (full-width digits folded,
 * surrounding spaces ignored): 0 and *t (and *has_time), or -1.
 */
int date_parse(const char *s, size_t n, long long *t, int *has_time);
/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" into buf (at least 20 bytes);
 * returns the length. */
size_t date_format(long long t, int with_time, char *buf);

/* A period [from, until): until is exclusive. */
struct period {
	long long from, until;
};
enum { PER_FROM, PER_TO, PER_MONTH, PER_QUARTER, PER_YEAR };
/*
 * Apply one of --from DATE, --to DATE (inclusive: a date alone includes the
 * whole day), --month YYYY-MM, --quarter YYYY-Qn, --year YYYY to p.
 * 0, or -1 when arg is not of the form.
 */
int date_period(struct period *p, int kind, const char *arg);
void period_all(struct period *p);
static inline int
period_has(const struct period *p, long long t)
{
	return t >= p->from && t < p->until;
}

#endif
