/*
 * cal: the working-day calendar.  Each year with data has a bitmap of its
 * working days and prefix counts, so that the number of working days
 * before any day is a closed form (weekdays since 1970) plus a looked-up
 * correction: counting across any span is O(1), finding the n-th working
 * day a short binary search.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cal.h"
#include "lib/cfg.h"
#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/zl.h"

#define YEAR_MAX 9999 /* years beyond 1..YEAR_MAX share a warning */

struct yr {
	int covered;	   /* a year of the calendar: no warning */
	uint32_t work[12]; /* bit j: day j of the year (0-based) works */
	uint32_t hol[12];  /* set as a holiday (for conflict checks) */
	uint32_t wday[12]; /* set as an adjusted working day */
	int len;	   /* 365 or 366 */
	long first;	   /* day of January 1 */
	short corr[367];   /* corr[j]: working days minus weekdays before j */
};

struct cal {
	int ymin, ymax;	  /* years with data (none: ymax < ymin) */
	struct yr **yr;	  /* [y - ymin], NULL: weekends only */
	long *cum;	  /* [y - ymin]: corrections before January 1 of y */
	int dirty;	  /* corr and cum to recompute */
	int start, end;	  /* office hours, seconds after midnight */
	int lstart, lend; /* lunch break; no break: both are end */
	uint64_t noted[(YEAR_MAX + 2 + 63) / 64]; /* covered or warned */
};

static int
bit(const uint32_t *b, int j)
{
	return b[j >> 5] >> (j & 31) & 1;
}

static void
setbit(uint32_t *b, int j, int v)
{
	if (v)
		b[j >> 5] |= (uint32_t)1 << (j & 31);
	else
		b[j >> 5] &= ~((uint32_t)1 << (j & 31));
}

static int
slot(long long y)
{
	if (y < 1)
		return 0;
	if (y > YEAR_MAX)
		return YEAR_MAX + 1;
	return (int)y;
}

static int
noted(const struct cal *k, int y)
{
	int s = slot(y);

	/* (atomic: read by threads working for the one that notes) */
	return __atomic_load_n(&k->noted[s >> 6], __ATOMIC_RELAXED) >>
	    (s & 63) &
	    1;
}

static void
set_noted(struct cal *k, int y)
{
	int s = slot(y);

	__atomic_fetch_or(&k->noted[s >> 6], (uint64_t)1 << (s & 63),
	    __ATOMIC_RELAXED);
}

/*
 * Warn once about each year in y1..y2 the calendar does not cover: one
 * line for each run of such years.
 */
/* cal_defer's, for the thread that set it */
static _Thread_local int *missed;

static void rebuild(struct cal *k);

void
cal_defer(struct cal *k, int *flag)
{
	if (k->dirty)
		rebuild(k);
	missed = flag;
}

static void
note_years(struct cal *k, int y1, int y2)
{
	int y, a;

	if (y1 > y2) {
		y = y1;
		y1 = y2;
		y2 = y;
	}
	y1 = slot(y1);
	y2 = slot(y2);
	for (y = y1; y <= y2; y++) {
		if (noted(k, y))
			continue;
		if (missed != NULL) { /* (a thread working for another) */
			*missed = 1;
			return;
		}
		for (a = y; y < y2 && !noted(k, y + 1); y++)
			set_noted(k, y);
		set_noted(k, y);
		if (a == y)
			zl_warn(_("the calendar does not cover %d: counting "
				  "only weekends as rest days"),
			    a);
		else
			zl_warn(_("the calendar does not cover %d-%d: "
				  "counting only weekends as rest days"),
			    a, y);
	}
}

struct cal *
cal_new_empty(void)
{
	struct cal *k = xcalloc(1, sizeof *k);

	k->ymin = 1;
	k->ymax = 0;
	k->start = 9 * 3600;
	k->end = k->lstart = k->lend = 17 * 3600;
	return k;
}

void
cal_free(struct cal *k)
{
	int y;

	if (k == NULL)
		return;
	for (y = k->ymin; y <= k->ymax; y++)
		free(k->yr[y - k->ymin]);
	free(k->yr);
	free(k->cum);
	free(k);
}

/* The data of year y, made (weekends only) when absent. */
static struct yr *
year_data(struct cal *k, int y)
{
	struct yr *r;
	int lo, hi, i, j;

	if (k->ymax < k->ymin || y < k->ymin || y > k->ymax) {
		struct yr **v;

		lo = k->ymax < k->ymin || y < k->ymin ? y : k->ymin;
		hi = k->ymax < k->ymin || y > k->ymax ? y : k->ymax;
		v = xcalloc((size_t)(hi - lo + 1), sizeof *v);
		for (i = k->ymin; i <= k->ymax; i++)
			v[i - lo] = k->yr[i - k->ymin];
		free(k->yr);
		free(k->cum);
		k->yr = v;
		k->cum = xcalloc((size_t)(hi - lo + 2), sizeof *k->cum);
		k->ymin = lo;
		k->ymax = hi;
		k->dirty = 1;
	}
	if ((r = k->yr[y - k->ymin]) != NULL)
		return r;
	r = xcalloc(1, sizeof *r);
	r->first = date_days(y, 1, 1);
	r->len = (int)(date_days(y + 1, 1, 1) - r->first);
	for (j = 0; j < r->len; j++)
		setbit(r->work, j, date_weekday(r->first + j) < 5);
	k->yr[y - k->ymin] = r;
	k->dirty = 1;
	return r;
}

void
cal_cover_year(struct cal *k, int y)
{
	year_data(k, y)->covered = 1;
	set_noted(k, y);
}

static int
year_of(long day)
{
	int y, m, d;

	date_ymd(day, &y, &m, &d);
	return y;
}

void
cal_set_day(struct cal *k, long day, int workday)
{
	struct yr *r = year_data(k, year_of(day));

	setbit(r->work, (int)(day - r->first), workday);
	k->dirty = 1;
}

static void
rebuild(struct cal *k)
{
	struct yr *r;
	int y, j, c;

	k->cum[0] = 0;
	for (y = k->ymin; y <= k->ymax; y++) {
		r = k->yr[y - k->ymin];
		c = 0;
		if (r != NULL) {
			r->corr[0] = 0;
			for (j = 0; j < r->len; j++) {
				c += bit(r->work, j) -
				    (date_weekday(r->first + j) < 5);
				r->corr[j + 1] = (short)c;
			}
		}
		k->cum[y - k->ymin + 1] = k->cum[y - k->ymin] + c;
	}
	k->dirty = 0;
}

/* Weekdays (Monday to Friday) before day d, counted from day 0. */
static long long
weekdays_before(long long d)
{
	/* day 0, 1970-01-01, was a Thursday: Thu Fri Sat Sun Mon Tue Wed */
	static const int in_week[8] = { 0, 1, 2, 2, 2, 3, 4, 5 };
	long long w = date_floordiv(d, 7);

	return 5 * w + in_week[d - 7 * w];
}

/*
 * Working days before day d, counted from day 0 (negative before it), and
 * in *y the year of d.
 */
static long long
workdays_before(struct cal *k, long long d, int *y)
{
	struct yr *r;
	int yy, m, dd;
	long long n = weekdays_before(d);

	if (k->dirty)
		rebuild(k);
	date_ymd((long)d, &yy, &m, &dd);
	if (y != NULL)
		*y = yy;
	if (k->ymax < k->ymin || yy < k->ymin)
		return n;
	if (yy > k->ymax)
		return n + k->cum[k->ymax - k->ymin + 1];
	n += k->cum[yy - k->ymin];
	if ((r = k->yr[yy - k->ymin]) != NULL)
		n += r->corr[d - r->first];
	return n;
}

static int
workday(struct cal *k, long day, int *y)
{
	struct yr *r;
	int yy = year_of(day);

	*y = yy;
	if (k->ymax >= k->ymin && yy >= k->ymin && yy <= k->ymax &&
	    (r = k->yr[yy - k->ymin]) != NULL)
		return bit(r->work, (int)(day - r->first));
	return date_weekday(day) < 5;
}

int
cal_workday(struct cal *k, long day)
{
	int y, w = workday(k, day, &y);

	if (!noted(k, y))
		note_years(k, y, y);
	return w;
}

/* The working day with j working days before it. */
static long long
select_day(struct cal *k, long long j)
{
	long long lo, hi, mid, step;

	/* about 5 working days a week: start near the weekends-only day */
	lo = hi = date_floordiv(j, 5) * 7;
	for (step = 8; workdays_before(k, lo + 1, NULL) > j; step *= 2)
		lo -= step;
	for (step = 8; workdays_before(k, hi + 1, NULL) <= j; step *= 2)
		hi += step;
	/* the answer is the least d in lo..hi with more than j up to d */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (workdays_before(k, mid + 1, NULL) > j)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

long long
cal_add_workdays(struct cal *k, long long t, int n)
{
	long long day = date_floordiv(t, DAY_SECS), tod = t - day * DAY_SECS, j,
		  r;
	int y1, y2;

	if (n > 0)
		j = workdays_before(k, day + 1, NULL) + n - 1;
	else
		j = workdays_before(k, day, NULL) + n;
	r = select_day(k, j);
	/* the days looked at: after day (from day when n is 0) up to r */
	y1 = year_of((long)(n > 0 ? day + 1 : n < 0 ? day - 1 : day));
	y2 = year_of((long)r);
	note_years(k, y1, y2);
	return r * DAY_SECS + tod;
}

long
cal_workdays_between(struct cal *k, long long t1, long long t2)
{
	long long d1 = date_floordiv(t1, DAY_SECS),
		  d2 = date_floordiv(t2, DAY_SECS), n;
	int y1, y2;

	n = workdays_before(k, d2 + 1, &y2) - workdays_before(k, d1 + 1, &y1);
	/* the days looked at: after the earlier day up to the later */
	if (d1 == d2)
		return 0;
	if (d1 > d2)
		y1 = y2;
	y2 = year_of((long)(d1 > d2 ? d1 : d2));
	if (!noted(k, y1) || !noted(k, y2) || y2 - y1 > 1)
		note_years(k, y1, y2);
	return (long)n;
}

/* Office seconds in a working day before time of day tod. */
static long long
office_before(const struct cal *k, long long tod)
{
	long long a, b;

	a = tod < k->start ? k->start : tod > k->lstart ? k->lstart : tod;
	b = tod < k->lend ? k->lend : tod > k->end ? k->end : tod;
	return (a - k->start) + (b - k->lend);
}

static long long
office_day(const struct cal *k)
{
	return (k->lstart - k->start) + (k->end - k->lend);
}

/* Office seconds before time t, counted from day 0; *y the year of t. */
static long long
office_secs(struct cal *k, long long t, int *y)
{
	long long day = date_floordiv(t, DAY_SECS), tod = t - day * DAY_SECS, n;
	int yy;

	n = workdays_before(k, day, y) * office_day(k);
	if (workday(k, (long)day, &yy))
		n += office_before(k, tod);
	return n;
}

long long
cal_work_seconds(struct cal *k, long long t1, long long t2)
{
	int y1, y2;
	long long n;

	n = office_secs(k, t2, &y2) - office_secs(k, t1, &y1);
	if (!noted(k, y1) || !noted(k, y2) || y2 - y1 > 1 || y1 - y2 > 1)
		note_years(k, y1, y2);
	return n;
}

long long
cal_add_work_seconds(struct cal *k, long long t, long long secs)
{
	long long s = office_day(k), target, q, r, day, tod, res;
	int y1;

	if (secs == 0)
		return t;
	target = office_secs(k, t, &y1) + secs;
	q = date_floordiv(target, s);
	r = target - q * s;
	if (r == 0 && secs > 0) {
		/* the earliest time: the end of the q-th working day */
		day = select_day(k, q - 1);
		tod = k->end;
	} else {
		day = select_day(k, q);
		/* forward: the earliest time, backward: the latest */
		if (r < k->lstart - k->start ||
		    (secs > 0 && r == k->lstart - k->start))
			tod = k->start + r;
		else
			tod = k->lend + r - (k->lstart - k->start);
	}
	res = day * DAY_SECS + tod;
	note_years(k, y1, year_of((long)day));
	return res;
}

int
cal_set_hours(struct cal *k, int start, int end, int lunch_start, int lunch_end)
{
	if (lunch_start < 0 && lunch_end < 0)
		lunch_start = lunch_end = end;
	if (start < 0 || end > 24 * 3600 || start >= end ||
	    lunch_start < start || lunch_end < lunch_start || lunch_end > end ||
	    (lunch_start - start) + (end - lunch_end) <= 0)
		return -1;
	k->start = start;
	k->end = end;
	k->lstart = lunch_start;
	k->lend = lunch_end;
	return 0;
}

/* "HH:MM" (or "H:MM", "24:00" for the end of the day): seconds, or -1. */
static int
parse_hhmm(const char *s)
{
	int h = 0, m = 0, i = 0, nd = 0;

	for (; s[i] >= '0' && s[i] <= '9' && nd < 2; i++, nd++)
		h = h * 10 + (s[i] - '0');
	if (nd == 0 || s[i++] != ':')
		return -1;
	for (nd = 0; s[i] >= '0' && s[i] <= '9' && nd < 2; i++, nd++)
		m = m * 10 + (s[i] - '0');
	if (nd != 2 || s[i] != '\0' || m > 59 || h > 24 || (h == 24 && m > 0))
		return -1;
	return h * 3600 + m * 60;
}

/*
 * An office-hours key: seconds, dflt when absent, -2 when it is not a
 * time (said); *node the value (NULL when absent).
 */
static int
hours_key(const struct cfg *oh, const char *key, int dflt,
    const struct cfg **node)
{
	const struct cfg *c = cfg_at(oh, key);
	int v;

	*node = NULL;
	if (c == NULL || cfg_is_null(c))
		return dflt;
	*node = c;
	if (c->kind != CFG_SCALAR || (v = parse_hhmm(c->s)) < 0) {
		cfg_report_expected(c, _("a time of day like \"09:00\""));
		return -2;
	}
	return v;
}

/* Of the n nodes given (NULL: absent), the first written in a user's
 * file, else the first, else dflt: where an error of them all is shown. */
static const struct cfg *
blame(const struct cfg *const *v, int n, const struct cfg *dflt)
{
	const struct cfg *first = NULL;
	int i;

	for (i = 0; i < n; i++) {
		if (v[i] == NULL)
			continue;
		if (!cfg_builtin(v[i]))
			return v[i];
		if (first == NULL)
			first = v[i];
	}
	return first != NULL ? first : dflt;
}

/* office-hours: (each error said; the hours kept when any). */
static void
load_hours(struct cal *k, const struct cfg *c)
{
	static const char *const known[] = { "start", "end", "lunch-start",
		"lunch-end", NULL };
	const struct cfg *oh = cfg_at(c, "office-hours"), *n[4];
	int start, end, ls, le;

	if (oh == NULL || cfg_is_null(oh))
		oh = NULL;
	else if (oh->kind != CFG_MAP) {
		cfg_report_expected(oh, _("a mapping"));
		return;
	} else
		cfg_known(oh, known);
	start = hours_key(oh, "start", 9 * 3600, &n[0]);
	end = hours_key(oh, "end", 17 * 3600, &n[1]);
	ls = hours_key(oh, "lunch-start", -1, &n[2]);
	le = hours_key(oh, "lunch-end", -1, &n[3]);
	if (start == -2 || end == -2 || ls == -2 || le == -2)
		return;
	if ((ls < 0) != (le < 0))
		cfg_report_node(blame(n + 2, 2, oh),
		    _("office-hours: give both lunch-start and "
		      "lunch-end, or neither"));
	else if (cal_set_hours(k, start, end, ls, le) < 0)
		cfg_report_node(blame(n, 4, oh),
		    _("office-hours: expected start < end and the "
		      "lunch break between them"));
}

/* The year of calendar: key key, or -1 when it is not one. */
static int
year_key(const char *key)
{
	int y = 0, j;

	for (j = 0; key[j] >= '0' && key[j] <= '9'; j++)
		y = j < 4 ? y * 10 + (key[j] - '0') : -1;
	return j != 4 || key[j] != '\0' || y < 1 ? -1 : y;
}

/* The day of a holidays: or workdays: item, or -1 when it is not one. */
static long
item_day(const struct cfg *item)
{
	long long t;
	int timed;

	if (item->kind != CFG_SCALAR || cfg_is_null(item) ||
	    date_parse(item->s, item->n, &t, &timed) < 0 || timed)
		return -1;
	return (long)date_floordiv(t, DAY_SECS);
}

/* The list of calendar: entry yv named list, when it is one. */
static const struct cfg *
day_list(const struct cfg *yv, const char *list)
{
	const struct cfg *l = cfg_at(yv, list);

	return l != NULL && l->kind == CFG_SEQ ? l : NULL;
}

/*
 * The item of calendar cm that names day in a list holidays: (holiday) or
 * workdays:, and in *year its year's key; NULL when none.
 */
static const struct cfg *
find_day(const struct cfg *cm, long day, int holiday, int *year)
{
	const struct cfg *l;
	size_t i, j;

	for (i = 0; i < cm->len; i++) {
		if (cm->v[i]->kind != CFG_MAP ||
		    (l = day_list(cm->v[i],
			 holiday ? "holidays" : "workdays")) == NULL)
			continue;
		for (j = 0; j < l->len; j++)
			if (item_day(l->v[j]) == day) {
				*year = year_key(cm->keys[i]);
				return l->v[j];
			}
	}
	return NULL;
}

/*
 * item (day) is both a holiday and a working day: said where a user's
 * file gives it, with what to do when the other is the built-in's.
 */
static void
both(const struct cfg *cm, const struct cfg *item, long day, int holiday)
{
	static struct buf s;
	const struct cfg *other;
	int y = 0;

	other = find_day(cm, day, !holiday, &y);
	buf_reset(&s);
	u8_show(&s, item->s, item->n, CFG_SHOW_MAX);
	if (other == NULL || cfg_builtin(other) == cfg_builtin(item))
		cfg_report_node(item,
		    _("%s is both a holiday and a working day"), s.p);
	else if (!cfg_builtin(item))
		cfg_report_node(item,
		    holiday ? _("%s is a holiday here and a working day in "
				"the built-in calendar (give %d's workdays: "
				"too, without it)") :
			      _("%s is a working day here and a holiday in "
				"the built-in calendar (give %d's holidays: "
				"too, without it)"),
		    s.p, y);
	else
		both(cm, other, day, !holiday);
}

/* The days of a holidays: or workdays: list (each error said). */
static void
load_days(struct cal *k, const struct cfg *cm, const struct cfg *yv,
    int holiday)
{
	const struct cfg *list = cfg_at(yv, holiday ? "holidays" : "workdays"),
			 *item;
	struct yr *r;
	size_t i;
	long day;
	int j;

	if (list == NULL || cfg_is_null(list))
		return;
	if (list->kind != CFG_SEQ) {
		cfg_report_expected(list, _("a list"));
		return;
	}
	for (i = 0; i < list->len; i++) {
		item = list->v[i];
		if ((day = item_day(item)) < 0) {
			cfg_report_expected(item, _("a date like 2025-01-28"));
			continue;
		}
		r = year_data(k, year_of(day));
		j = (int)(day - r->first);
		if (bit(holiday ? r->wday : r->hol, j)) {
			both(cm, item, day, holiday);
			continue;
		}
		setbit(holiday ? r->hol : r->wday, j, 1);
		setbit(r->work, j, !holiday);
		k->dirty = 1;
	}
}

/* calendar: (each error said; the good years and days kept). */
static void
load_calendar(struct cal *k, const struct cfg *c)
{
	static const char *const known[] = { "holidays", "workdays", NULL };
	const struct cfg *cm = cfg_at(c, "calendar"), *yv;
	size_t i;
	int y;

	if (cm == NULL || cfg_is_null(cm))
		return;
	if (cm->kind != CFG_MAP) {
		cfg_report_expected(cm, _("a mapping"));
		return;
	}
	for (i = 0; i < cm->len; i++) {
		yv = cm->v[i];
		if ((y = year_key(cm->keys[i])) < 0) {
			cfg_report(yv->file, cm->keyline[i], cm->keycol[i],
			    _("calendar: expected a year like 2025, got '%s'"),
			    cm->keys[i]);
			continue;
		}
		cal_cover_year(k, y);
		if (cfg_is_null(yv))
			continue; /* "2027:" with nothing: weekends only */
		if (yv->kind != CFG_MAP) {
			cfg_report_node(yv,
			    _("calendar: %d: expected holidays: and "
			      "workdays: lists"),
			    y);
			continue;
		}
		cfg_known(yv, known);
		load_days(k, cm, yv, 1);
		load_days(k, cm, yv, 0);
	}
}

struct cal *
cal_new(const struct cfg *c)
{
	struct cal *k = cal_new_empty();

	if (c == NULL)
		c = cfg_root();
	if (c != NULL) {
		load_calendar(k, c);
		load_hours(k, c);
	}
	return k;
}
