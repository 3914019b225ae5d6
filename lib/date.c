/*
 * date: civil dates in the proleptic Gregorian calendar, the date and time
 * forms of DESIGN.md section 3, and the periods of --from, --to, --month,
 * --quarter and --year.
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "lib/date.h"
#include "lib/zl.h"

/* Longest folded text of any accepted form, with room for spaces. */
#define DATE_MAX 64

/* Days before the first of each month in a common year. */
static const short before_month[13] = { 0, 31, 59, 90, 120, 151, 181, 212, 243,
	273, 304, 334, 365 };

static int
is_leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

long long
date_floordiv(long long a, long long b)
{
	long long q = a / b;

	if (a % b != 0 && (a < 0) != (b < 0))
		q--;
	return q;
}

/*
 * Days from 0001-01-01 to January 1 of year y: 365 a year plus the leap
 * days of the years before it (every fourth year, but not centuries unless
 * divisible by 400).  Floor division keeps it right for y < 1 as well.
 */
static long long
days_before_year(long long y)
{
	long long p = y - 1;

	return 365 * p + date_floordiv(p, 4) - date_floordiv(p, 100) +
	    date_floordiv(p, 400);
}

int
date_month_len(int y, int m)
{
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && is_leap(y))
		return 29;
	return before_month[m] - before_month[m - 1];
}

int
date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_month_len(y, m);
}

long
date_days(int y, int m, int d)
{
	long long n;

	/* the usual case, a real date of the common era, without floordiv:
	 * it is done millions of times */
	if (y >= 1 && m >= 1 && m <= 12) {
		unsigned p = (unsigned)y - 1;

		n = 365LL * p + p / 4 - p / 100 + p / 400 +
		    before_month[m - 1] + (m > 2 && is_leap(y)) + d - 1;
		return (long)(n - 719162); /* days_before_year(1970) */
	}
	/* Months outside 1..12 carry into the year (13 is next January). */
	n = date_floordiv(m - 1, 12);
	y += (int)n;
	m -= (int)(12 * n);
	n = days_before_year(y) + before_month[m - 1] + (m > 2 && is_leap(y)) +
	    d - 1;
	return (long)(n - days_before_year(1970));
}

void
date_ymd(long days, int *y, int *m, int *d)
{
	long long n, q400, q100, q4, q1, yy;
	int mm, leap;

	/*
	 * n days after 0001-01-01: whole 400-year cycles (146097 days),
	 * then centuries (36524 days; the fourth may be one day longer),
	 * then 4-year groups (1461 days), then years (the fourth may be
	 * the leap year).
	 */
	n = days + days_before_year(1970);
	q400 = date_floordiv(n, 146097);
	n -= q400 * 146097;
	q100 = n / 36524;
	if (q100 > 3)
		q100 = 3;
	n -= q100 * 36524;
	q4 = n / 1461;
	n -= q4 * 1461;
	q1 = n / 365;
	if (q1 > 3)
		q1 = 3;
	n -= q1 * 365;
	yy = 400 * q400 + 100 * q100 + 4 * q4 + q1 + 1;
	/* n is now the day of the year, 0-based */
	leap = is_leap(yy);
	for (mm = 1; mm < 12; mm++)
		if (n < before_month[mm] + (mm >= 2 && leap))
			break;
	n -= before_month[mm - 1] + (mm > 2 && leap);
	*y = (int)yy;
	*m = mm;
	*d = (int)n + 1;
}

int
date_weekday(long days)
{
	/* 1970-01-01 was a Thursday (3). */
	return (int)((days % 7 + 7 + 3) % 7);
}

/* A cursor over folded text. */
struct scan {
	const char *p;
};

/* Between lo and hi decimal digits: the value, or -1. */
static int
digits(struct scan *c, int lo, int hi)
{
	int v = 0, k = 0;

	while (k < hi && c->p[k] >= '0' && c->p[k] <= '9') {
		v = v * 10 + (c->p[k] - '0');
		k++;
	}
	if (k < lo)
		return -1;
	c->p += k;
	return v;
}

static int
lit(struct scan *c, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(c->p, w, n) != 0)
		return 0;
	c->p += n;
	return 1;
}

static int
spaces(struct scan *c)
{
	int k = 0;

	while (*c->p == ' ') {
		c->p++;
		k++;
	}
	return k;
}

/* "H:MM" or "HH:MM:SS" (hour of one or two digits). */
static int
time_colon(struct scan *c, int *h, int *mi, int *s)
{
	if ((*h = digits(c, 1, 2)) < 0 || !lit(c, ":") ||
	    (*mi = digits(c, 2, 2)) < 0)
		return -1;
	*s = 0;
	if (lit(c, ":") && (*s = digits(c, 2, 2)) < 0)
		return -1;
	return 0;
}

/* "14时22分" or "14时22分10秒". */
static int
time_cjk(struct scan *c, int *h, int *mi, int *s)
{
	if ((*h = digits(c, 1, 2)) < 0 || !lit(c, "时") ||
	    (*mi = digits(c, 1, 2)) < 0 || !lit(c, "分"))
		return -1;
	*s = 0;
	if (*c->p != '\0' && ((*s = digits(c, 1, 2)) < 0 || !lit(c, "秒")))
		return -1;
	return 0;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define HI4S  0xF0F0F0F0F0F0F0F0ULL
#define SIXES 0x0606060606060606ULL

/*
 * w with the bytes of shape (the digits '0', the separators themselves)
 * taken out: 0 when the bytes under mask (0xFF each) are the separators
 * of shape where sep has 0xFF, and digits elsewhere; else not 0.  The
 * digits are then 0..9 in their bytes.
 */
static uint64_t
unshaped(uint64_t w, uint64_t shape, uint64_t mask, uint64_t sep)
{
	uint64_t d = (w ^ shape) & mask;

	/* each byte of d 0..9 (no byte above 0x0F, so +6 cannot carry),
	 * and 0 at the separators */
	return (d & HI4S) | ((d + SIXES) & HI4S & mask) | (d & sep);
}

/*
 * The months of the last few dates read, by their first eight bytes
 * ("YYYY-MM-", as read): the days of their first day and their length.
 * An export's times come in order, so a date is mostly in one of the last
 * few months (a slot for each month's last digit, modulo 4; each thread
 * its own).  A slot's a is 0 while free (no month has those bytes).
 */
struct month_memo {
	uint64_t a;
	long first;
	unsigned len;
};

static _Thread_local struct month_memo memo[4];

/* month_of when a is not in its slot: the slot m made a's. */
__attribute__((noinline)) static const struct month_memo *
month_new(struct month_memo *m, uint64_t a)
{
	uint64_t d = a ^ 0x2D30302D30303030ULL;
	int y, mo;

	if (unshaped(a, 0x2D30302D30303030ULL, ~0ULL, 0xFF0000FF00000000ULL))
		return NULL;
	y = (int)(d & 15) * 1000 + (int)(d >> 8 & 15) * 100 +
	    (int)(d >> 16 & 15) * 10 + (int)(d >> 24 & 15);
	mo = (int)(d >> 40 & 15) * 10 + (int)(d >> 48 & 15);
	if (!date_valid(y, mo, 1))
		return NULL;
	m->a = a;
	m->first = date_days(y, mo, 1);
	m->len = (unsigned)date_month_len(y, mo);
	return m;
}

/* The month of "YYYY-MM-" read as a: NULL when it is not one. */
static inline const struct month_memo *
month_of(uint64_t a)
{
	struct month_memo *m = &memo[(a >> 48) & 3];

	return m->a == a ? m : month_new(m, a);
}

/*
 * YYYY-MM-DD HH:MM:SS, the form read millions of times, eight bytes at a
 * time, its month m (that of its first eight bytes).  0, or -1 when s is
 * not a valid time of this form.
 */
static inline int
time19(const char *s, const struct month_memo *m, long long *t)
{
	uint64_t b, c, hms;
	unsigned day;

	memcpy(&b, s + 8, 8);  /* DD HH:MM */
	memcpy(&c, s + 11, 8); /* HH:MM:SS */
	if ((unshaped(b, 0x203030ULL, 0xFFFFFFULL, 0xFF0000ULL) |
		unshaped(c, 0x30303A30303A3030ULL, ~0ULL,
		    0x0000FF0000FF0000ULL)) != 0)
		return -1;
	day = (unsigned)(b & 15) * 10 + (unsigned)(b >> 8 & 15);
	/* each pair of digits: the first * 10 + the second, in its first
	 * byte (99 at most: no carry) */
	c ^= 0x30303A30303A3030ULL;
	hms = c * 10 + (c >> 8);
	if (day - 1 >= m->len || (hms & 0xFF) > 23 || (hms >> 24 & 0xFF) > 59 ||
	    (hms >> 48 & 0xFF) > 59)
		return -1;
	*t = (long long)(m->first + (long)day - 1) * DAY_SECS +
	    (long long)(hms & 0xFF) * 3600 +
	    (long long)(hms >> 24 & 0xFF) * 60 + (long long)(hms >> 48 & 0xFF);
	return 0;
}

/* The same, its month from month_of. */
static int
fast19(const char *s, long long *t)
{
	const struct month_memo *m;
	uint64_t a;

	memcpy(&a, s, 8); /* YYYY-MM- */
	if ((m = month_of(a)) == NULL)
		return -1;
	return time19(s, m, t);
}

/*
 * YYYY-MM-DD, a date alone (the form of most records' dates), in one
 * eight-byte word and two bytes.  0, or -1 when s is not a valid date of
 * this form.
 */
static int
fast10(const char *s, long long *t)
{
	const struct month_memo *m;
	uint64_t a;
	uint16_t b;
	unsigned day;

	memcpy(&a, s, 8);     /* YYYY-MM- */
	memcpy(&b, s + 8, 2); /* DD */
	if ((m = month_of(a)) == NULL ||
	    unshaped(b, 0x3030ULL, 0xFFFFULL, 0) != 0)
		return -1;
	day = (unsigned)(b & 15) * 10 + (unsigned)(b >> 8 & 15);
	if (day - 1 >= m->len)
		return -1;
	*t = (long long)(m->first + (long)day - 1) * DAY_SECS;
	return 0;
}
#undef HI4S
#undef SIXES
#endif

/*
 * The time of a date and a time of day: 0, or -1 when there is no such
 * time.  inline: the plain form, on the hot path, pays no call.
 */
static inline int
civil_time(int y, int m, int d, int h, int mi, int sec, long long *t)
{
	if (!date_valid(y, m, d) || h > 23 || mi > 59 || sec > 59)
		return -1;
	*t = (long long)date_days(y, m, d) * DAY_SECS + h * 3600LL + mi * 60LL +
	    sec;
	return 0;
}

/*
 * The form exports use most, YYYY-MM-DD HH:MM:SS (or without the seconds,
 * or the time), read at once: it is read millions of times.  0, -1, or 1
 * when s is not of this shape.
 */
static int
plain_form(struct str in, long long *t, int *has_time)
{
	const unsigned char *p = (const unsigned char *)in.p;
	static const char shape[] = "dddd-dd-dd dd:dd:dd";
	int h = 0, mi = 0, sec = 0;
	size_t i;

	if (in.n != 19 && in.n != 16 && in.n != 10)
		return 1;
	/* two tests, not one ?: (which gcc made flag arithmetic, slower) */
	for (i = 0; i < in.n; i++) {
		if (shape[i] != 'd') {
			if (p[i] != (unsigned char)shape[i])
				return 1;
		} else if ((unsigned)(p[i] - '0') > 9u)
			return 1;
	}
#define D2(k) ((p[k] - '0') * 10 + (p[(k) + 1] - '0'))
	if (in.n > 10) {
		h = D2(11);
		mi = D2(14);
		sec = in.n == 19 ? D2(17) : 0;
	}
	if (civil_time(D2(0) * 100 + D2(2), D2(5), D2(8), h, mi, sec, t) < 0)
		return -1;
#undef D2
	if (has_time != NULL)
		*has_time = in.n > 10;
	return 0;
}

/* The fields of a date and time as read, before they are checked. */
struct dt {
	int y, m, d, h, mi, sec;
	int timed; /* a time was given */
};

/*
 * After the year: "-3-5" or "/3/5", then (after spaces, or "T" after the
 * dash form) a time: 0, or -1.
 */
static int
sep_form(struct scan *c, struct dt *v)
{
	char sep = *c->p++;

	if ((v->m = digits(c, 1, 2)) < 0 || *c->p != sep)
		return -1;
	c->p++;
	if ((v->d = digits(c, 1, 2)) < 0)
		return -1;
	if (*c->p == '\0')
		return 0;
	if (!(sep == '-' && lit(c, "T")) && spaces(c) == 0)
		return -1;
	if (time_colon(c, &v->h, &v->mi, &v->sec) < 0)
		return -1;
	v->timed = 1;
	return 0;
}

/*
 * After "年": "3月5日", then, with or without spaces, 14时22分(10秒) or a
 * time with colons: 0, or -1.
 */
static int
cjk_form(struct scan *c, struct dt *v)
{
	struct scan save;

	if ((v->m = digits(c, 1, 2)) < 0 || !lit(c, "月") ||
	    (v->d = digits(c, 1, 2)) < 0 || !lit(c, "日"))
		return -1;
	spaces(c);
	if (*c->p == '\0')
		return 0;
	save = *c;
	if (time_cjk(c, &v->h, &v->mi, &v->sec) < 0) {
		*c = save;
		if (time_colon(c, &v->h, &v->mi, &v->sec) < 0)
			return -1;
	}
	v->timed = 1;
	return 0;
}

/*
 * The fields of every form, after full-width characters are folded: 0, or
 * -1.
 */
static int
folded_fields(struct str in, struct dt *v)
{
	char b[DATE_MAX];
	struct scan c;
	long len;

	if ((len = str_fold_to(in.p, in.n, b, sizeof b)) <= 0)
		return -1;
	c.p = b;
	if (len == 8 && (v->y = digits(&c, 8, 8)) >= 0) {
		/* 20240305 */
		v->d = v->y % 100;
		v->m = v->y / 100 % 100;
		v->y /= 10000;
		return 0;
	}
	if ((v->y = digits(&c, 4, 4)) < 0)
		return -1;
	if (*c.p == '-' || *c.p == '/') {
		if (sep_form(&c, v) < 0)
			return -1;
	} else if (lit(&c, "年")) {
		if (cjk_form(&c, v) < 0)
			return -1;
	} else
		return -1;
	return *c.p == '\0' ? 0 : -1;
}

/* Every form, after full-width characters are folded: 0, or -1. */
static int
folded_form(struct str in, long long *t, int *has_time)
{
	struct dt v = { 0, 0, 0, 0, 0, 0, 0 };

	if (folded_fields(in, &v) < 0 ||
	    civil_time(v.y, v.m, v.d, v.h, v.mi, v.sec, t) < 0)
		return -1;
	if (has_time != NULL)
		*has_time = v.timed;
	return 0;
}

/* The forms but the two of the fast path (or those it did not take): not
 * inlined, so that the fast path saves no registers for them. */
__attribute__((noinline)) static int
other_forms(struct str in, long long *t, int *has_time)
{
	int rc;

	if ((rc = plain_form(in, t, has_time)) != 1)
		return rc;
	return folded_form(in, t, has_time);
}

/* date_parse but its first try: not inlined there, so that the try saves
 * no registers for it. */
__attribute__((noinline)) static int
parse_trimmed(const char *s, size_t n, long long *t, int *has_time)
{
	struct str in = { s, n };

	in = str_trim(in);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (in.n == 19 && fast19(in.p, t) == 0) {
		if (has_time != NULL)
			*has_time = 1;
		return 0;
	}
	if (in.n == 10 && fast10(in.p, t) == 0) {
		if (has_time != NULL)
			*has_time = 0;
		return 0;
	}
#endif
	return other_forms(in, t, has_time);
}

int
date_parse(const char *s, size_t n, long long *t, int *has_time)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* first the plain YYYY-MM-DD HH:MM:SS of a month read lately: no
	 * call, no spaces to trim */
	if (n == 19) {
		const struct month_memo *m;
		uint64_t a;

		memcpy(&a, s, 8);
		m = &memo[(a >> 48) & 3];
		if (m->a == a && time19(s, m, t) == 0) {
			if (has_time != NULL)
				*has_time = 1;
			return 0;
		}
	}
#endif
	return parse_trimmed(s, n, t, has_time);
}

static char *
put_num(char *p, int v, int width)
{
	int i;

	for (i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + width;
}

size_t
date_format(long long t, int with_time, char *buf)
{
	long long day = date_floordiv(t, DAY_SECS);
	int sod = (int)(t - day * DAY_SECS), y, m, d;
	char *p = buf;

	date_ymd((long)day, &y, &m, &d);
	/* Years outside 0..9999 are not representable: clamp. */
	if (y < 0)
		y = 0;
	if (y > 9999)
		y = 9999;
	p = put_num(p, y, 4);
	*p++ = '-';
	p = put_num(p, m, 2);
	*p++ = '-';
	p = put_num(p, d, 2);
	if (with_time) {
		*p++ = ' ';
		p = put_num(p, sod / 3600, 2);
		*p++ = ':';
		p = put_num(p, sod / 60 % 60, 2);
		*p++ = ':';
		p = put_num(p, sod % 60, 2);
	}
	*p = '\0';
	return (size_t)(p - buf);
}

void
period_all(struct period *p)
{
	p->from = LLONG_MIN;
	p->until = LLONG_MAX;
}

/* "YYYY" at the start of a folded argument. */
static int
period_year(struct scan *c)
{
	int y = digits(c, 4, 4);

	return y >= 1 && y <= 9999 ? y : -1;
}

int
date_period(struct period *p, int kind, const char *arg)
{
	char b[DATE_MAX];
	struct scan c;
	struct str in = str_trim(str_c(arg));
	long long t, from, until;
	int y, m, q, timed;

	if (kind == PER_FROM || kind == PER_TO) {
		if (date_parse(arg, strlen(arg), &t, &timed) < 0)
			return -1;
		if (kind == PER_FROM) {
			from = t;
			until = LLONG_MAX;
		} else {
			from = LLONG_MIN;
			/* a date alone includes its whole day */
			until = timed ? t + 1 : t + DAY_SECS;
		}
	} else {
		if (str_fold_to(in.p, in.n, b, sizeof b) < 0)
			return -1;
		c.p = b;
		if ((y = period_year(&c)) < 0)
			return -1;
		switch (kind) {
		case PER_MONTH:
			if (!lit(&c, "-") || (m = digits(&c, 1, 2)) < 1 ||
			    m > 12)
				return -1;
			from = date_days(y, m, 1);
			until = date_days(y, m + 1, 1);
			break;
		case PER_QUARTER:
			if (!lit(&c, "-") || (!lit(&c, "Q") && !lit(&c, "q")) ||
			    (q = digits(&c, 1, 1)) < 1 || q > 4)
				return -1;
			from = date_days(y, 3 * q - 2, 1);
			until = date_days(y, 3 * q + 1, 1);
			break;
		case PER_YEAR:
			from = date_days(y, 1, 1);
			until = date_days(y + 1, 1, 1);
			break;
		default:
			return -1;
		}
		if (*c.p != '\0')
			return -1;
		from *= DAY_SECS;
		until *= DAY_SECS;
	}
	if (from > p->from)
		p->from = from;
	if (until < p->until)
		p->until = until;
	return 0;
}

/* A month, quarter or year [from, until) (days) as its name in b; 0 when
 * it is none of these. */
static int
period_named(struct buf *b, long from, long until)
{
	int y, m, d;

	date_ymd(from, &y, &m, &d);
	if (d != 1)
		return 0;
	if (until == date_days(y, m + 1, 1))
		buf_printf(b, "%04d-%02d", y, m);
	else if (m % 3 == 1 && until == date_days(y, m + 3, 1))
		buf_printf(b, "%04d-Q%d", y, (m + 2) / 3);
	else if (m == 1 && until == date_days(y + 1, 1, 1))
		buf_printf(b, "%04d", y);
	else
		return 0;
	return 1;
}

void
period_show(struct buf *b, const struct period *p)
{
	/* 0001-01-01 and 10000-01-01 */
	const long long lo = -62135596800LL, hi = 253402300800LL;
	int has_from = p->from >= lo, has_until = p->until <= hi;
	int from_day = p->from % DAY_SECS == 0; /* a midnight */
	int until_day = p->until % DAY_SECS == 0;
	char from[24], until[24];

	if (has_from && has_until && from_day && until_day &&
	    period_named(b, (long)(p->from / DAY_SECS),
		(long)(p->until / DAY_SECS)))
		return;
	if (has_from)
		date_format(p->from, !from_day, from);
	if (has_until)
		date_format(p->until - (until_day ? DAY_SECS : 1), !until_day,
		    until);
	if (has_from && has_until && strcmp(from, until) == 0)
		buf_adds(b, from);
	else if (has_from && has_until)
		buf_printf(b, _("%s to %s"), from, until);
	else if (has_from)
		buf_printf(b, _("from %s"), from);
	else if (has_until)
		buf_printf(b, _("up to %s"), until);
	else
		buf_adds(b, _("all time"));
}
