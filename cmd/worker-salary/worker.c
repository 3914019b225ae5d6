/*
 * worker-salary: a worker's roster fields: the post (its synonyms), the
 * level or the facts that decide it, the base pay, the qualification
 * allowance, the hire month.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/worker-salary/ws.h"
#include "lib/date.h"
#include "lib/utf8.h"

/* The thread's buffers: values shown in messages, the list of the posts
 * (worker_thread_end frees them). */
static _Thread_local struct buf shown, posts;

void
worker_thread_end(void)
{
	buf_free(&shown);
	buf_free(&posts);
}

/* The post named s (its name or a synonym), or NULL. */
static const struct post *
post_of(struct str s)
{
	const struct cfg *l;
	size_t i, k;

	for (i = 0; i < scale.nposts; i++) {
		if (strlen(scale.posts[i].name) == s.n &&
		    memcmp(scale.posts[i].name, s.p, s.n) == 0)
			return &scale.posts[i];
		l = scale.posts[i].synonyms;
		for (k = 0; l != NULL && l->kind == CFG_SEQ && k < l->len; k++)
			if (l->v[k]->n == s.n &&
			    memcmp(l->v[k]->s, s.p, s.n) == 0)
				return &scale.posts[i];
	}
	return NULL;
}

static void
unknown_post(const struct rec *rec, struct str s)
{
	struct buf *b = &shown, *list = &posts;
	const char **names = xcalloc(scale.nposts + 1, sizeof *names);
	const char *near;
	size_t i;

	buf_reset(list);
	for (i = 0; i < scale.nposts; i++) {
		names[i] = scale.posts[i].name;
		buf_printf(list, "%s%s", i ? ", " : "", names[i]);
	}
	u8_shown(b, s);
	near = s.n > 0 ? u8_nearest(b->p, names) : NULL;
	if (s.n == 0)
		rec_reject(rec, _("field 'post': empty (the posts: %s)"),
		    list->p != NULL ? list->p : "");
	else if (near != NULL)
		rec_reject(rec,
		    _("field 'post': unknown post '%s' (did you mean '%s'?)"),
		    b->p, near);
	else
		rec_reject(rec,
		    _("field 'post': unknown post '%s' (the posts: %s; add it "
		      "to the synonyms of one in worker-salary.posts)"),
		    b->p, list->p != NULL ? list->p : "");
	free(names);
}

/* The whole number of column c, from lo to hi: 1 and *v (dflt when
 * empty), or 0 when rejected. */
static int
whole(const struct rec *rec, long c, const char *name, long lo, long hi,
    long *v)
{
	struct buf *b = &shown;
	struct str s = in_folded(rec, c);
	size_t i;

	if (s.n == 0)
		return 1;
	for (*v = 0, i = 0; i < s.n && s.p[i] >= '0' && s.p[i] <= '9'; i++)
		if (*v <= hi)
			*v = *v * 10 + (s.p[i] - '0');
	if (i == s.n && *v >= lo && *v <= hi)
		return 1;
	rec_reject(rec,
	    _("field '%s': not a whole number from %ld to %ld "
	      "('%s')"),
	    name, lo, hi, u8_shown(b, in_col(rec, c)));
	return 0;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * The month of s when it is a date as most rosters write one, "2004/8/13"
 * or "2004-08-13" (a year of four digits, a month and a day of one or
 * two, '/' or '-' between): as date_parse reads it, without its work;
 * -1 for any other form, date_parse's to read.
 */
static long
ymd_month(struct str s)
{
	static const unsigned char days[12] = { 31, 29, 31, 30, 31, 30, 31, 31,
		30, 31, 30, 31 };
	const char *p = s.p;
	long y, m = 0, d = 0;
	size_t i = 5, k;

	if (s.n < 8 || s.n > 10 || !is_digit(p[0]) || !is_digit(p[1]) ||
	    !is_digit(p[2]) || !is_digit(p[3]) || (p[4] != '/' && p[4] != '-'))
		return -1;
	y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
	    (p[3] - '0');
	for (k = i; i < s.n && i - k < 2 && is_digit(p[i]); i++)
		m = m * 10 + (p[i] - '0');
	if (i == k || i >= s.n || p[i] != p[4])
		return -1;
	for (k = ++i; i < s.n && i - k < 2 && is_digit(p[i]); i++)
		d = d * 10 + (p[i] - '0');
	if (i == k || i != s.n || y < 1 || m < 1 || m > 12 || d < 1 ||
	    d > days[m - 1])
		return -1;
	if (m == 2 && d == 29 &&
	    !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return -1;
	return y * 12 + m - 1;
}

/* The month of the date in column c: 1 and *m (LONG_MIN when empty), or
 * 0 when rejected. */
static int
month_of(const struct rec *rec, long c, const char *name, long *m)
{
	struct buf *b = &shown;
	struct str s = in_col(rec, c);
	long long t;
	int y, mo, d;

	*m = LONG_MIN;
	if (s.n == 0)
		return 1;
	if ((*m = ymd_month(s)) >= 0)
		return 1;
	*m = LONG_MIN;
	if (date_parse(s.p, s.n, &t, NULL) != 0) {
		rec_reject(rec, _("field '%s': not a date ('%s')"), name,
		    u8_shown(b, s));
		return 0;
	}
	date_ymd((long)date_floordiv(t, DAY_SECS), &y, &mo, &d);
	*m = y * 12L + mo - 1;
	return 1;
}

/* The value named s in v[n], or NULL (rejected, for field name). */
static const struct named *
named(const struct rec *rec, const struct named *v, size_t n, struct str s,
    const char *name, const char *key)
{
	struct buf *b = &shown;
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(v[i].name) == s.n &&
		    memcmp(v[i].name, s.p, s.n) == 0)
			return &v[i];
	rec_reject(rec, _("field '%s': unknown '%s' (not in worker-salary.%s)"),
	    name, u8_shown(b, s), key);
	return NULL;
}

/* The level decided by the facts: post, education, years passed. */
static int
level_of(const struct rec *rec, const struct cols *c, const struct post *p,
    struct worker *w)
{
	struct str e = in_col(rec, c->edu);
	const struct named *n;
	long level = p->start, years = 0;

	if (e.n > 0) {
		if ((n = named(rec, scale.edu, scale.nedu, e, "education",
			 "education")) == NULL)
			return 0;
		level += (long)n->v;
		w->edu = n->name;
	}
	if (!whole(rec, c->years, "years_passed", 0, 100, &years))
		return 0;
	w->years = (int16_t)years; /* (to 100) */
	level += years;
	w->level = (int16_t)(level > WS_LEVELS ? WS_LEVELS : level);
	return 1;
}

static int
allowance(const struct rec *rec, const struct cols *c, struct worker *w)
{
	struct str s = in_col(rec, c->cert);
	const struct named *n;

	w->allowance = 0;
	w->cert_month = LONG_MIN;
	if (s.n == 0)
		return 1;
	n = named(rec, scale.allow, scale.nallow, s, "certificate",
	    "allowances");
	if (n == NULL)
		return 0;
	w->allowance = n->v;
	w->cert = n->name;
	return month_of(rec, c->certat, "certified_at", &w->cert_month);
}

int
worker_parse(const struct rec *rec, const struct cols *c, struct worker *w,
    struct intern *strs)
{
	struct str id = in_folded(rec, c->id);
	const struct post *p;
	long level = 0;

	if (id.n == 0) {
		rec_reject(rec, _("field 'worker_id': empty"));
		return 0;
	}
	if ((p = post_of(in_col(rec, c->post))) == NULL) {
		unknown_post(rec, in_col(rec, c->post));
		return 0;
	}
	w->post = p->name;
	if (!in_amount(rec, c->base, "base_pay", WS_NONE, &w->base) ||
	    !in_amount(rec, c->cbase, "contribution_base", WS_NONE,
		&w->cbase) ||
	    !whole(rec, c->level, "pay_level", 1, WS_LEVELS, &level))
		return 0;
	w->level = (int16_t)level; /* (to WS_LEVELS) */
	w->given = w->base != WS_NONE ? 'b' : w->level > 0 ? 'l' : 0;
	if (w->given == 0 && !level_of(rec, c, p, w))
		return 0;
	if (w->base == WS_NONE)
		w->base = scale.levels[w->level - 1];
	if (!allowance(rec, c, w) ||
	    !month_of(rec, c->hired, "hired_at", &w->hire_month))
		return 0;
	w->name = intern_get(strs, intern_put(strs, in_col(rec, c->name))).p;
	w->community =
	    intern_get(strs, intern_put(strs, in_col(rec, c->community))).p;
	w->file = rec->file;
	w->line = rec->line;
	return 1;
}

/* The key of rec's worker_id (NULL when empty), its id in *k. */
static struct key *
key_of_row(const struct rec *rec, const struct cols *c, uint32_t *k)
{
	struct str id = in_folded(rec, c->id);

	return id.n > 0 ? key_of(id, k) : NULL;
}

/*
 * Workers are kept in blocks of 2 MiB that never move (in huge pages: a
 * few small allocations each would be a page fault every 4 KiB on a big
 * roster); the last one taken can be given back.
 */
static struct worker *wblock;
static size_t wused, wcap;
static void **wblocks;
static size_t nwblocks, capwblocks;

struct worker *
workers_room(size_t n)
{
	struct worker *b = xhuge(n * sizeof *b);

	if (nwblocks == capwblocks)
		wblocks = xgrow(wblocks, &capwblocks, 16, sizeof *wblocks);
	wblocks[nwblocks++] = b;
	return b;
}

static struct worker *
worker_new(void)
{
	if (wused == wcap) {
		wcap = (2u << 20) / sizeof *wblock;
		wblock = workers_room(wcap);
		wused = 0;
	}
	memset(&wblock[wused], 0, sizeof *wblock);
	return &wblock[wused++];
}

void
worker_free(struct worker *w)
{
	if (w != NULL && wused > 0 && w == &wblock[wused - 1])
		wused--;
}

void
worker_free_all(void)
{
	size_t i;

	for (i = 0; i < nwblocks; i++)
		free(wblocks[i]);
	free(wblocks);
	wblocks = NULL;
	nwblocks = capwblocks = wused = wcap = 0;
}

void
take_worker(const struct rec *rec, const struct cols *c)
{
	struct worker *w = worker_new();
	struct key *k;
	uint32_t kid;

	if (!worker_parse(rec, c, w, data.strs)) {
		worker_free(w);
		if ((k = key_of_row(rec, c, &kid)) != NULL)
			k->rejected = 1;
		return;
	}
	k = key_of_row(rec, c, &kid);
	w->id = intern_get(data.ids, kid).p;
	if (k->w != NULL) {
		roster_twice(rec, k, w);
		worker_free(w);
		return;
	}
	roster_add(k, w);
}

void
roster_twice(const struct rec *rec, const struct key *k, const struct worker *w)
{
	rec_reject(rec, _("worker '%s' twice in the roster (first at %s:%ld)"),
	    w->id, k->w->file, k->w->line);
}

void
roster_add(struct key *k, struct worker *w)
{
	k->w = w;
	if (data.nroster == data.caproster)
		data.roster = xgrow(data.roster, &data.caproster, 64,
		    sizeof *data.roster);
	data.roster[data.nroster++] = w;
}

struct worker *
worker_of(const struct rec *rec, const struct cols *c)
{
	struct worker *w = worker_new();
	uint32_t kid;

	if (!worker_parse(rec, c, w, data.strs)) {
		worker_free(w);
		return NULL;
	}
	key_of_row(rec, c, &kid);
	w->id = intern_get(data.ids, kid).p;
	return w;
}
