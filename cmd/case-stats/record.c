/*
 * case-stats: a record of the case platform's export, checked and turned
 * into a case; its deadline; its category from the description; the
 * case-stats section of the configuration.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/cfg.h"
#include "lib/date.h"
#include "lib/fld.h"
#include "lib/utf8.h"

struct word {
	const char *w;
	size_t n;
	int v;
};

struct rule {
	const char *name;
	struct rx *rx;
};

long case_col[F_N];
struct cal *calendar;
const char *other_category = "其他";

/* sat: the unrated words (SAT_NONE), then the satisfied ones: the first
 * found tells (a word in both is unrated) */
static struct word *statuses, *sat;
static size_t nstatuses, nsat;
static struct limit *limits;
static size_t nlimits;
static struct limit default_limit = { NULL, U_DAYS, 5 };
static int has_default = 1;
static struct rule *rules;
static size_t nrules;

static const char *const field_names[F_N] = { "case_id", "reported_at",
	"closed_at", "status", "category", "description", "street", "community",
	"grid_id", "channel", "satisfaction", "deadline", "updated_at" };

static const char *const state_names[ST_N] = { "open", "returned", "closed",
	"cancelled" };

/*
 * ---- the configuration ----
 * The section's values were checked (section.c, at cli_setup: a bad one
 * ended the run), so they are only read here.
 */

/* Append the words of a sequence of the configuration. */
static void
add_words(struct word **w, size_t *n, const struct cfg *seq, int v)
{
	size_t i;

	if (seq == NULL)
		return;
	*w = xreallocarray(*w, *n + seq->len, sizeof **w);
	for (i = 0; i < seq->len; i++) {
		const char *s = cfg_scalar_str(seq->v[i]);
		struct str t = str_trim(str_c(s));

		(*w)[*n].w = t.p;
		(*w)[*n].n = t.n;
		(*w)[*n].v = v;
		(*n)++;
	}
}

static int
find_word(const struct word *w, size_t n, struct str s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (w[i].n == s.n && str_same(w[i].w, s.p, s.n))
			return w[i].v;
	return -1;
}

/* case-stats.time-limits: a limit per category, and the default. */
static void
load_limits(const struct cfg *m)
{
	size_t i;

	has_default = 0;
	limits = xcalloc(m->len + 1, sizeof *limits);
	for (i = 0; i < m->len; i++) {
		struct limit l;

		if (case_parse_limit(str_c(cfg_scalar_str(m->v[i])), &l) != 0)
			continue; /* (section.c says so first) */
		l.category = m->keys[i];
		if (strcmp(m->keys[i], "default") == 0) {
			default_limit = l;
			has_default = 1;
		} else
			limits[nlimits++] = l;
	}
}

/* case-stats.categories: the rules of --classify, in order. */
static void
load_rules(const struct cfg *seq)
{
	size_t i;

	rules = xcalloc(seq->len + 1, sizeof *rules);
	for (i = 0; i < seq->len; i++) {
		const struct cfg *r = seq->v[i];

		rules[nrules].name = cfg_str(r, "name", NULL);
		rules[nrules].rx = rx_compile_cfg(cfg_at(r, "pattern"), 0);
		nrules++;
	}
}

void
conf_load(void)
{
	const struct cfg *sec = cfg_map(cfg_root(), "case-stats");
	const struct cfg *m, *seq;
	size_t i;

	if ((m = cfg_map(sec, "statuses")) != NULL) {
		for (i = 0; i < ST_N; i++)
			add_words(&statuses, &nstatuses,
			    cfg_seq(m, state_names[i]), (int)i);
	}
	add_words(&sat, &nsat, cfg_seq(sec, "unrated"), SAT_NONE);
	add_words(&sat, &nsat, cfg_seq(sec, "satisfied"), SAT_SATISFIED);
	other_category = cfg_str(sec, "other", "其他");
	if ((m = cfg_map(sec, "time-limits")) != NULL)
		load_limits(m);
	if ((seq = cfg_seq(sec, "categories")) != NULL)
		load_rules(seq);
	calendar = cal_new(NULL);
}

/* ---- a record turned into a case ---- */

const char *const case_need[] = { "case_id", "reported_at", "status", NULL };

void
case_fields(struct rd *r)
{
	size_t i;

	for (i = 0; i < F_N; i++)
		case_col[i] = fld_col(r, field_names[i]);
	if (rd_nfields(r) > 0)
		fld_need_all(r, case_need);
}

/*
 * The reader told the fields the counts read (after by_setup): those past
 * the last one used need not be split.  Not when a record's fields are
 * written (--records, the --reject file).
 */
void
case_upto(struct rd *r)
{
	size_t i, n = 0;

	if ((opt.mode != MODE_STATS && opt.mode != MODE_PARTIAL) ||
	    cli.reject != NULL)
		return;
	for (i = 0; i < F_N; i++)
		if (case_col[i] >= (long)n &&
		    (i != F_DESCRIPTION || opt.classify != CLASSIFY_NO))
			n = (size_t)case_col[i] + 1;
	for (i = 0; i < opt.nby; i++)
		if (opt.by_col[i] >= (long)n)
			n = (size_t)opt.by_col[i] + 1;
	rd_fields_upto(r, n);
}

void
parser_free(struct parser *p)
{
	buf_free(&p->id);
	buf_free(&p->status);
	buf_free(&p->shown);
	buf_free(&p->unknown);
}

/* A value shown in a message (in p, until the next). */
static const char *
show(struct parser *p, struct str v)
{
	buf_reset(&p->shown);
	u8_show(&p->shown, v.p, v.n, 120);
	return p->shown.p;
}

static inline struct str
fieldv(const struct rec *r, long col)
{
	struct str none = { "", 0 };

	return col < 0 ? none : str_trim(r->f[col]);
}

/*
 * Does v, not a date, begin with a year of more than four digits
 * ("10000-01-01", "10000/1/1", "10000年1月1日")?
 */
static int
year_too_long(struct str v)
{
	size_t i = 0;

	while (i < v.n && v.p[i] >= '0' && v.p[i] <= '9')
		i++;
	return i > 4 && i < v.n &&
	    (v.p[i] == '-' || v.p[i] == '/' ||
		(v.n - i >= 3 && memcmp(v.p + i, "年", 3) == 0));
}

/* Reject r for its date v (field name) that cannot be read. */
static void
bad_date(struct parser *p, const struct rec *r, const char *name, struct str v)
{
	if (year_too_long(v))
		rec_reject(r, _("field '%s': a year after 9999 ('%s')"), name,
		    show(p, v));
	else
		rec_reject(r, _("field '%s': not a date and time ('%s')"), name,
		    show(p, v));
}

/* parse_time of a field that is empty, absent or not a time: not
 * inlined, so that the usual time costs no more than its parse. */
__attribute__((noinline)) static int
parse_time_else(struct parser *p, const struct rec *r, long col,
    const char *name, long long *t, int required)
{
	struct str v = fieldv(r, col);
	int has_time;

	*t = NO_TIME;
	if (v.n == 0) {
		if (required) {
			rec_reject(r, _("field '%s': empty"), name);
			return 0;
		}
		return 1;
	}
	if (date_parse(v.p, v.n, t, &has_time) != 0) {
		bad_date(p, r, name, v);
		return 0;
	}
	return 1;
}

static inline int
parse_time(struct parser *p, const struct rec *r, long col, const char *name,
    long long *t, int required)
{
	struct str v = fieldv(r, col);

	if (v.n > 0 && date_parse(v.p, v.n, t, NULL) == 0)
		return 1;
	return parse_time_else(p, r, col, name, t, required);
}

static long long
end_of_day(long long t)
{
	return date_floordiv(t, DAY_SECS) * DAY_SECS + DAY_SECS - 1;
}

static long long
apply_limit(const struct limit *l, long long reported)
{
	if (l->unit == U_HOURS)
		return cal_add_work_seconds(calendar, reported,
		    (long long)l->n * 3600);
	return end_of_day(cal_add_workdays(calendar, reported, (int)l->n));
}

/* Read the deadline field into k (once: case_deadline uses it). */
static int
check_deadline(struct parser *p, const struct rec *r, struct kase *k)
{
	struct str v = fieldv(r, case_col[F_DEADLINE]);
	struct limit l;
	int has_time;

	k->dl_kind = DL_NONE;
	if (v.n == 0)
		return 1;
	if (date_parse(v.p, v.n, &k->dl_time, &has_time) == 0) {
		k->dl_kind = DL_TIME;
		if (!has_time)
			k->dl_time = end_of_day(k->dl_time);
		return 1;
	}
	if (case_parse_limit(v, &l) == 0) {
		k->dl_kind = DL_LIMIT;
		k->dl_unit = l.unit;
		k->dl_n = l.n;
		return 1;
	}
	if (year_too_long(v))
		bad_date(p, r, "deadline", v);
	else
		rec_reject(r,
		    _("field 'deadline': not a date, a time or a time limit "
		      "such as '5个工作日' ('%s')"),
		    show(p, v));
	return 0;
}

/*
 * An id folded (str_fold): one of 8 to 16 bytes of ASCII as it is, by two
 * words that overlap (ids such as "SL20240000001": no call).
 */
static inline struct str
id_of(struct str v, struct buf *b)
{
	uint64_t x, y;

	if (v.n >= 8 && v.n <= 16) {
		memcpy(&x, v.p, 8);
		memcpy(&y, v.p + v.n - 8, 8);
		if (((x | y) & 0x8080808080808080ULL) == 0)
			return v;
	}
	return str_fold(v, b, NULL);
}

struct str
case_id_of(const struct rec *r, long col, struct buf *b)
{
	return id_of(fieldv(r, col), b);
}

/*
 * The state an unknown status word v most likely means: that of the known
 * word nearest to it, if one is near, else closed when the case has a
 * closed_at, else open.
 */
static int
likely_state(const struct rec *r, struct str v)
{
	static const char **known;
	char *w = xstrndup(v.p, v.n);
	const char *near;
	size_t i;

	if (known == NULL) {
		known = xcalloc(nstatuses + 1, sizeof *known);
		for (i = 0; i < nstatuses; i++)
			known[i] = xstrndup(statuses[i].w, statuses[i].n);
	}
	near = u8_nearest(w, known);
	free(w);
	for (i = 0; near != NULL && i < nstatuses; i++)
		if (known[i] == near)
			return statuses[i].v;
	return fieldv(r, case_col[F_CLOSED_AT]).n > 0 ? ST_CLOSED : ST_OPEN;
}

static struct cfg *unknown; /* the unknown status words, for the advice */
static size_t nunknown;

/* Reject a record for its unknown status word v, saying how to add it. */
static void
unknown_status(struct parser *p, const struct rec *r, struct str v)
{
	struct buf advice = { 0 };
	struct cfg *one;
	char path[64];
	int s;

	if (v.n > 200) {
		rec_reject(r, _("field 'status': unknown status word ('%s')"),
		    show(p, v));
		return;
	}
	s = likely_state(r, v);
	snprintf(path, sizeof path, "case-stats.statuses.%s", state_names[s]);
	one = cfg_advice_add(NULL, path, v.p, v.n);
	cfg_advice(&advice, one);
	cfg_free(one);
	rec_reject(r,
	    _("field 'status': unknown status word ('%s'); to count it as "
	      "%s, %s"),
	    show(p, v), state_names[s], advice.p);
	buf_free(&advice);
	/* (the last word again: noted already) */
	if (nunknown < 100 &&
	    (p->unknown.n != v.n || memcmp(p->unknown.p, v.p, v.n) != 0)) {
		const struct cfg *l = cfg_at(unknown, path);
		size_t before = l != NULL ? l->len : 0;

		unknown = cfg_advice_add(unknown, path, v.p, v.n);
		nunknown += cfg_at(unknown, path)->len - before;
		buf_reset(&p->unknown);
		buf_add(&p->unknown, v.p, v.n);
	}
}

void
status_advice(void)
{
	struct buf advice = { 0 };

	if (nunknown > 1) {
		cfg_advice(&advice, unknown);
		zl_warn(_("%zu unknown status words; to count each as said "
			  "above, %s"),
		    nunknown, advice.p);
		buf_free(&advice);
	}
	cfg_free(unknown);
	unknown = NULL;
	nunknown = 0;
}

/* The state of the status word v: -1 after rejecting the record. */
static int
state_of(struct parser *p, const struct rec *r, struct str v)
{
	int s;

	if (v.n == 0) {
		rec_reject(r, _("field 'status': empty"));
		return -1;
	}
	/* exports repeat a few words: the last one is tried first */
	if (v.n == p->status.n && str_same(v.p, p->status.p, v.n))
		return (int)p->state;
	if ((s = find_word(statuses, nstatuses, v)) >= 0) {
		buf_reset(&p->status);
		buf_add(&p->status, v.p, v.n);
		p->state = (enum state)s;
		return s;
	}
	if (p->worker) {
		p->redo = 1;
		return -1;
	}
	unknown_status(p, r, v);
	return -1;
}

/* A closed case: closed_at there, not before reported_at, nor too late. */
static int
check_closed(struct parser *p, const struct rec *r, const struct kase *k,
    struct str status)
{
	if (k->closed == NO_TIME) {
		rec_reject(r,
		    _("field 'closed_at': empty, and the case is "
		      "closed ('%s')"),
		    show(p, status));
		return 0;
	}
	if (k->closed < k->reported) {
		char a[24], b[24];

		date_format(k->closed, 1, a);
		date_format(k->reported, 1, b);
		rec_reject(r,
		    _("field 'closed_at': before reported_at ('%s' < "
		      "'%s')"),
		    a, b);
		return 0;
	}
	if (k->closed - k->reported > (long long)UINT32_MAX) {
		rec_reject(r,
		    _("field 'closed_at': more than 136 years after "
		      "reported_at"));
		return 0;
	}
	return 1;
}

/* Parse a record into k; 0 after rejecting it. */
static int
case_parse(struct parser *p, const struct rec *r, struct kase *k)
{
	const long *col = case_col;
	struct str v;
	int s, w;

	k->id = id_of(fieldv(r, col[F_CASE_ID]), &p->id);
	if (k->id.n == 0) {
		rec_reject(r, _("field 'case_id': empty"));
		return 0;
	}
	if (!parse_time(p, r, col[F_REPORTED_AT], "reported_at", &k->reported,
		1))
		return 0;
	v = fieldv(r, col[F_STATUS]);
	if ((s = state_of(p, r, v)) < 0)
		return 0;
	k->state = (enum state)s;
	k->updated = NO_TIME; /* (no updated_at field: no call) */
	if (!parse_time(p, r, col[F_CLOSED_AT], "closed_at", &k->closed, 0) ||
	    (col[F_UPDATED_AT] >= 0 &&
		!parse_time(p, r, col[F_UPDATED_AT], "updated_at", &k->updated,
		    0)))
		return 0;
	if (k->state == ST_CLOSED && !check_closed(p, r, k, v))
		return 0;
	v = fieldv(r, col[F_SATISFACTION]);
	w = v.n == 0 ? SAT_NONE : find_word(sat, nsat, v);
	k->sat = w < 0 ? SAT_RATED : (enum sat)w;
	k->category = fieldv(r, col[F_CATEGORY]);
	return check_deadline(p, r, k);
}

/*
 * --classify: the category from the description, by the rules.  A match
 * that fails (a limit) is said with its line: a worker (case-stats -j)
 * leaves the record to the main thread (p->redo).
 */
static void
case_classify(struct parser *p, const struct rec *r, struct kase *k)
{
	struct str d;
	size_t i;

	if (opt.classify == CLASSIFY_NO)
		return;
	if (opt.classify == CLASSIFY_OTHER && k->category.n > 0 &&
	    !str_eqi(k->category, other_category))
		return;
	d = fieldv(r, case_col[F_DESCRIPTION]);
	for (i = 0; i < nrules; i++) {
		int m = rx_match(rules[i].rx, d.p, d.n);

		if (m < 0 && p->worker) {
			p->redo = 1;
			return;
		}
		if (m < 0 && r->line != 0) /* (0: read again, warned) */
			zl_warn_at(r->file, r->line,
			    _("field 'description': rule '%s': %s"),
			    rules[i].name, rx_errmsg());
		if (m == 1) {
			k->category = str_c(rules[i].name);
			return;
		}
	}
	k->category = str_c(other_category);
}

/* The deadline of a case: NO_TIME when it has none. */
static long long
case_deadline(const struct kase *k)
{
	struct limit l;
	size_t i;

	if (k->dl_kind == DL_TIME)
		return k->dl_time;
	if (k->dl_kind == DL_LIMIT) {
		l.unit = k->dl_unit;
		l.n = k->dl_n;
		return apply_limit(&l, k->reported);
	}
	for (i = 0; i < nlimits; i++)
		if (str_eqi(k->category, limits[i].category))
			return apply_limit(&limits[i], k->reported);
	return has_default ? apply_limit(&default_limit, k->reported) : NO_TIME;
}

/*
 * A case as it stood at --as-of: not reported yet (0), or open then when
 * it was closed or cancelled after it, and so not rated yet either.
 */
static int
as_of(struct kase *k)
{
	if (k->reported > opt.as_of)
		return 0;
	if ((k->state == ST_CLOSED || k->state == ST_CANCELLED) &&
	    k->closed != NO_TIME && k->closed > opt.as_of) {
		k->state = ST_OPEN;
		k->sat = SAT_NONE;
	}
	return 1;
}

/*
 * The deadline of case k into k->due; 0 after rejecting r when it falls
 * after 9999 (a date that cannot be written).
 */
static int
check_due(struct parser *p, const struct rec *r, struct kase *k)
{
	long long last = (long long)date_days(9999, 12, 31) * DAY_SECS +
	    DAY_SECS - 1;
	char at[24];

	k->due = case_deadline(k);
	if (k->due == NO_TIME || k->due <= last)
		return 1;
	date_format(k->reported, 1, at);
	if (k->dl_kind == DL_LIMIT)
		rec_reject(r,
		    _("field 'deadline': after the year 9999 ('%s' from "
		      "reported_at %s)"),
		    show(p, fieldv(r, case_col[F_DEADLINE])), at);
	else
		rec_reject(r,
		    _("field 'reported_at': the time limit of the case ends "
		      "after the year 9999 ('%s')"),
		    at);
	return 0;
}

/* 5000-01-01 00:00:00: date_days(5000, 1, 1) * DAY_SECS (not called for
 * each case) */
#define Y5000 95617584000LL

int
case_take(struct parser *p, const struct rec *r, struct kase *k)
{
	if (!case_parse(p, r, k) || !cli_in_period(k->reported) || !as_of(k))
		return 0;
	case_classify(p, r, k);
	k->due = NO_TIME;
	/*
	 * (worked out when no figure needs it too for cases reported after
	 * the year 5000: the longest time limit, 1000009 working days,
	 * takes less than 3900 years; so none is rejected for -m)
	 */
	if (!p->need_due && k->reported < Y5000)
		return 1;
	return check_due(p, r, k);
}
