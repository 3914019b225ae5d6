/*
 * case-stats: the partial state (--partial), the statistics of each group
 * as counts and a histogram of durations, one column each, that --merge
 * reads back, adds up by group and turns into the metrics.  With --exact
 * the durations themselves instead of the histogram (_hours_exact): a
 * group of many closed cases then takes several lines, each within the
 * reader's limit on a field, which --merge adds up as it adds the parts.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/stats.h"
#include "lib/utf8.h"

/* 128-bit integers: sums and products of counts. */
__extension__ typedef unsigned __int128 u128;

const char *const pnames[P_N] = { "_open", "_returned", "_closed", "_cancelled",
	"_on_time", "_due", "_overdue", "_rated", "_satisfied", "_hours_n",
	"_hours_sum", "_hours_max", "_hours_hist" };
const char exact_name[] = "_hours_exact";
static int mexact; /* --merge: the partial results have _hours_exact */

#define EXACT_LINE 65536 /* durations on a line: 11 bytes each at most */

/* ---- --partial ---- */

/* The cells of a group's partial state, into cell[] and f[]. */
static void
partial_cells(struct acc *a, struct buf *cell, struct str *f)
{
	uint64_t v[P_N] = { a->n[ST_OPEN], a->n[ST_RETURNED], a->n[ST_CLOSED],
		a->n[ST_CANCELLED], a->on_time, a->due, a->overdue, a->rated,
		a->satisfied, a->hours_n, a->hours_sum, a->hours_max, 0 };
	size_t i;

	for (i = 0; i < P_N; i++) {
		buf_reset(&cell[i]);
		if (i == P_HIST) {
			if (a->hist == NULL)
				a->hist = hist_new();
			hist_write(&cell[i], a->hist);
		} else
			buf_printf(&cell[i], "%llu", (unsigned long long)v[i]);
		f[i] = (struct str) { cell[i].p, cell[i].n };
	}
}

/* The digits of v at the end of b. */
static void
add_u32(struct buf *b, uint32_t v)
{
	char d[10];
	size_t n = 0;

	do
		d[sizeof d - ++n] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	buf_add(b, d + sizeof d - n, n);
}

/*
 * --exact: the lines of a group of n closed cases (durations d, sorted),
 * EXACT_LINE durations each: the counts shared out so that each line is
 * consistent on its own (on time within due within closed, satisfied
 * within rated within the line's cases), the rest on the first.
 */
static void
exact_lines(struct wr *w, struct acc *a, struct buf *cell, struct str *f)
{
	uint64_t due = a->due, on_time = a->on_time, rated = a->rated,
		 sat = a->satisfied;
	size_t s = 0, e, i;

	do {
		uint64_t v[P_N] = { 0 }, sum = 0;

		e = a->ndur - s > EXACT_LINE ? s + EXACT_LINE : a->ndur;
		if (s == 0) {
			v[P_OPEN] = a->n[ST_OPEN];
			v[P_RETURNED] = a->n[ST_RETURNED];
			v[P_CANCELLED] = a->n[ST_CANCELLED];
			v[P_OVERDUE] = a->overdue;
		}
		v[P_CLOSED] = v[P_HOURS_N] = e - s;
		v[P_DUE] = due < e - s ? due : e - s;
		v[P_ON_TIME] = on_time < v[P_DUE] ? on_time : v[P_DUE];
		due -= v[P_DUE];
		on_time -= v[P_ON_TIME];
		v[P_RATED] = v[P_OPEN] + v[P_RETURNED] + v[P_CANCELLED] + e - s;
		v[P_RATED] = rated < v[P_RATED] ? rated : v[P_RATED];
		v[P_SATISFIED] = sat < v[P_RATED] ? sat : v[P_RATED];
		rated -= v[P_RATED];
		sat -= v[P_SATISFIED];
		buf_reset(&cell[P_HIST]);
		for (i = s; i < e; i++) {
			if (i > s)
				buf_addc(&cell[P_HIST], ';');
			add_u32(&cell[P_HIST],
			    a->dur[i] - (i > s ? a->dur[i - 1] : 0));
			sum += a->dur[i];
		}
		v[P_HOURS_SUM] = sum;
		v[P_HOURS_MAX] = e > s ? a->dur[e - 1] : 0;
		for (i = 0; i < P_HIST; i++) {
			buf_reset(&cell[i]);
			buf_printf(&cell[i], "%llu", (unsigned long long)v[i]);
			f[i] = (struct str) { cell[i].p, cell[i].n };
		}
		f[P_HIST] = (struct str) { cell[P_HIST].p, cell[P_HIST].n };
		wr_rec(w, f - opt.nby);
		s = e;
	} while (s < a->ndur);
}

void
write_partial(int fmt, unsigned flags)
{
	const char *names[P_N];
	struct str *f = xcalloc(opt.nby + P_N, sizeof *f);
	struct wr *w;
	struct buf cell[P_N];
	size_t g, i;

	memcpy(names, pnames, sizeof names);
	if (opt.exact)
		names[P_HIST] = exact_name;
	w = out_writer(fmt, flags, P_N, names);
	memset(cell, 0, sizeof cell);
	for (g = 0; g < ngroups(); g++) {
		struct group *gr = group_at((uint32_t)g);

		if (group_empty(gr))
			continue;
		for (i = 0; i < opt.nby; i++)
			f[i] = gr->key[i];
		if (opt.exact) {
			sort_u32(gr->acc.dur, gr->acc.ndur);
			exact_lines(w, &gr->acc, cell, f + opt.nby);
			continue;
		}
		partial_cells(&gr->acc, cell, f + opt.nby);
		wr_rec(w, f);
	}
	wr_close(w);
	for (i = 0; i < P_N; i++)
		buf_free(&cell[i]);
	free(f);
}

/* ---- --merge ---- */

static long pcol[P_N];
static long *mby;	 /* the columns of the groups */
static struct str *head; /* the header's names */
static size_t nhead;

/* Is name one of the fields of the partial state? */
static int
partial_name(struct str name)
{
	size_t i;

	for (i = 0; i < P_N; i++)
		if (str_eqi(name, pnames[i]))
			return 1;
	return str_eqi(name, exact_name);
}

/* The columns of the partial state, and of the groups (--by, or every
 * other field). */
static void
merge_setup(struct rd *r)
{
	const struct str *names = rd_names(r);
	size_t nf = rd_nfields(r), i, j, nby = 0;

	for (i = 0; i < P_N; i++) {
		pcol[i] = rd_find(r, pnames[i]);
		if (i == P_HIST && pcol[i] < 0 &&
		    (pcol[i] = rd_find(r, exact_name)) >= 0)
			mexact = 1;
		else if (i == P_HIST && rd_find(r, exact_name) >= 0)
			zl_die_at(ZL_IOERR, rd_first_file(r), 1,
			    _("fields '%s' and '%s': partial results have "
			      "one or the other"),
			    pnames[i], exact_name);
		if (pcol[i] < 0)
			zl_die_at(ZL_IOERR, rd_first_file(r), 1,
			    _("not the output of case-stats --partial: no "
			      "field '%s'"),
			    pnames[i]);
	}
	head = xcalloc(nf + 1, sizeof *head);
	for (i = 0; i < nf; i++) {
		head[i] = str_c(xstrndup(names[i].p, names[i].n));
		if (head[i].n > 0 && head[i].p[0] == '_' &&
		    !partial_name(head[i]))
			zl_die_at(ZL_IOERR, rd_first_file(r), 1,
			    _("field '%s': not a field of case-stats "
			      "--partial (partial results of another "
			      "version?)"),
			    head[i].p);
	}
	nhead = nf;
	mby = xcalloc(nf + 1, sizeof *mby);
	if (opt.nby == 0) {
		/* the groups are the other fields */
		opt.by = xcalloc(nf + 1, sizeof *opt.by);
		for (i = 0; i < nf; i++) {
			if (names[i].n > 0 && names[i].p[0] == '_')
				continue;
			opt.by[nby] = xstrndup(names[i].p, names[i].n);
			mby[nby++] = (long)i;
		}
		opt.nby = nby;
		return;
	}
	for (i = 0; i < opt.nby; i++) {
		j = (size_t)rd_find(r, opt.by[i]);
		if ((long)j < 0 || names[j].p[0] == '_')
			zl_die(ZL_USAGE,
			    _("--by: '%s' is not a group field of "
			      "the partial results"),
			    opt.by[i]);
		mby[i] = (long)j;
	}
}

static int
u64_of(struct str s, uint64_t *v)
{
	size_t i;

	*v = 0;
	if (s.n == 0)
		return -1;
	for (i = 0; i < s.n; i++) {
		unsigned d = (unsigned)(s.p[i] - '0');

		if (s.p[i] < '0' || s.p[i] > '9' || *v > (UINT64_MAX - d) / 10)
			return -1;
		*v = *v * 10 + d;
	}
	return 0;
}

/* Reject r for field i's value, shown. */
static void
reject_value(const struct rec *r, const long *col, int i, const char *what)
{
	struct buf b = { 0 };
	struct str s = r->f[col[i]];

	u8_show(&b, s.p, s.n, 80);
	rec_reject(r, _("field '%s': %s ('%s')"),
	    i == P_HIST && mexact ? exact_name : pnames[i], what, b.p);
	buf_free(&b);
}

/* Is field i at most lim (named what)?  Else reject r. */
static int
at_most(const struct rec *r, const struct prow *w, int i, u128 lim,
    const char *what)
{
	if (w->v[i] <= lim)
		return 1;
	rec_reject(r, _("field '%s': %llu, more than %s (%llu)"), pnames[i],
	    (unsigned long long)w->v[i], what, (unsigned long long)lim);
	return 0;
}

/* The counts of a row, each against the others. */
static int
counts_agree(const struct rec *r, struct prow *w)
{
	const uint64_t *v = w->v;
	u128 total = (u128)v[P_OPEN] + v[P_RETURNED] + v[P_CLOSED] +
	    v[P_CANCELLED];

	if (total > LLONG_MAX) {
		rec_reject(r,
		    _("more than %lld cases (_open + _returned + "
		      "_closed + _cancelled)"),
		    LLONG_MAX);
		return 0;
	}
	w->total = (uint64_t)total;
	if (!at_most(r, w, P_ON_TIME, v[P_DUE], "_due") ||
	    !at_most(r, w, P_DUE, v[P_CLOSED], "_closed") ||
	    !at_most(r, w, P_OVERDUE, (u128)v[P_OPEN] + v[P_RETURNED],
		"_open + _returned") ||
	    !at_most(r, w, P_SATISFIED, v[P_RATED], "_rated") ||
	    !at_most(r, w, P_RATED, total,
		"_open + _returned + _closed + _cancelled"))
		return 0;
	if (v[P_HOURS_MAX] > UINT32_MAX) {
		rec_reject(r,
		    _("field '_hours_max': %llu, more than %lu seconds (136 "
		      "years)"),
		    (unsigned long long)v[P_HOURS_MAX],
		    (unsigned long)UINT32_MAX);
		return 0;
	}
	if (v[P_HOURS_N] != v[P_CLOSED]) {
		rec_reject(r, _("field '_hours_n': %llu, not _closed (%llu)"),
		    (unsigned long long)v[P_HOURS_N],
		    (unsigned long long)v[P_CLOSED]);
		return 0;
	}
	/* the durations: none, or their sum between the longest and n
	 * times the longest */
	if (v[P_HOURS_N] == 0 && (v[P_HOURS_SUM] != 0 || v[P_HOURS_MAX] != 0)) {
		rec_reject(r,
		    _("fields '_hours_sum' and '_hours_max': %llu and %llu, "
		      "not 0 (_hours_n is 0)"),
		    (unsigned long long)v[P_HOURS_SUM],
		    (unsigned long long)v[P_HOURS_MAX]);
		return 0;
	}
	if (v[P_HOURS_N] == 0)
		return 1;
	return at_most(r, w, P_HOURS_MAX, v[P_HOURS_SUM], "_hours_sum") &&
	    at_most(r, w, P_HOURS_SUM, (u128)v[P_HOURS_N] * v[P_HOURS_MAX],
		"_hours_n x _hours_max");
}

/*
 * The histogram of the row's durations (whole seconds): as many as
 * _hours_n, none under a second but zero, the longest _hours_max (within
 * the histogram's 1%).
 */
static int
hist_agrees(const struct rec *r, const long *col, struct prow *w)
{
	struct str s = r->f[col[P_HIST]];
	unsigned long long n;
	double top, max = (double)w->v[P_HOURS_MAX];

	w->h = hist_new();
	if (hist_read(w->h, s.p, s.n) != 0) {
		reject_value(r, col, P_HIST, _("not a histogram"));
		return 0;
	}
	if ((n = hist_count(w->h)) != w->v[P_HOURS_N]) {
		rec_reject(r,
		    _("field '_hours_hist': %llu durations, not _hours_n "
		      "(%llu)"),
		    n, (unsigned long long)w->v[P_HOURS_N]);
		return 0;
	}
	/* bucket indices below 0 hold durations under a second */
	if ((s.n > 0 && s.p[0] == '-') || memmem(s.p, s.n, ";-", 2) != NULL) {
		reject_value(r, col, P_HIST, _("a duration under one second"));
		return 0;
	}
	top = n > 0 ? hist_percentile(w->h, 1) : 0;
	if (top < max * 0.99 || top > max * 1.01) {
		rec_reject(r,
		    _("field '_hours_hist': its longest duration (%.0f s) is "
		      "not _hours_max (%llu s)"),
		    top, (unsigned long long)w->v[P_HOURS_MAX]);
		return 0;
	}
	return 1;
}

/*
 * --exact: the durations of the row (the differences from each to the
 * next, from 0), as many as _hours_n, adding up to _hours_sum, the
 * longest _hours_max; into w->dur.
 */
static int
exact_agrees(const struct rec *r, const long *col, struct prow *w)
{
	static uint32_t *dur;
	static size_t cap;
	struct str s = r->f[col[P_HIST]];
	uint64_t at = 0, d;
	u128 sum = 0;
	size_t i = 0, j;

	w->ndur = 0;
	while (i < s.n) {
		for (j = i; j < s.n && s.p[j] != ';'; j++)
			;
		if (u64_of((struct str) { s.p + i, j - i }, &d) != 0 ||
		    (at += d) > UINT32_MAX || (j + 1 == s.n)) {
			reject_value(r, col, P_HIST, _("not durations"));
			return 0;
		}
		if (w->ndur == cap)
			dur = xgrow(dur, &cap, 1024, sizeof *dur);
		dur[w->ndur++] = (uint32_t)at;
		sum += at;
		i = j + 1;
	}
	w->dur = dur;
	if (w->ndur != w->v[P_HOURS_N] || sum != w->v[P_HOURS_SUM] ||
	    at != w->v[P_HOURS_MAX]) {
		rec_reject(r,
		    _("field '%s': durations unlike _hours_n, _hours_sum and "
		      "_hours_max (%zu, %llu s in all, the longest %llu s)"),
		    exact_name, w->ndur, (unsigned long long)sum,
		    (unsigned long long)at);
		return 0;
	}
	return 1;
}

int
partial_take(const struct rec *r, const long *col, struct prow *w)
{
	size_t i;

	w->h = NULL;
	w->dur = NULL;
	w->ndur = 0;
	for (i = 0; i < P_N; i++)
		if (i != P_HIST && u64_of(r->f[col[i]], &w->v[i]) != 0) {
			reject_value(r, col, (int)i, _("not a count"));
			return 0;
		}
	if (counts_agree(r, w) &&
	    (mexact ? exact_agrees(r, col, w) : hist_agrees(r, col, w)))
		return 1;
	hist_free(w->h);
	w->h = NULL;
	return 0;
}

int
partial_fits(const struct rec *r, struct acc *all, const struct prow *w)
{
	if (w->total >
	    LLONG_MAX - (all->n[0] + all->n[1] + all->n[2] + all->n[3])) {
		rec_reject(r,
		    _("more than %lld cases in all the partial "
		      "results"),
		    LLONG_MAX);
		return 0;
	}
	if (w->v[P_HOURS_SUM] > UINT64_MAX - all->hours_sum) {
		rec_reject(r,
		    _("field '_hours_sum': more than %llu seconds in all "
		      "the partial results"),
		    (unsigned long long)UINT64_MAX);
		return 0;
	}
	partial_add(all, w, NULL);
	return 1;
}

void
partial_add(struct acc *a, const struct prow *w, struct hist *h)
{
	const uint64_t *v = w->v;

	a->n[ST_OPEN] += v[P_OPEN];
	a->n[ST_RETURNED] += v[P_RETURNED];
	a->n[ST_CLOSED] += v[P_CLOSED];
	a->n[ST_CANCELLED] += v[P_CANCELLED];
	a->on_time += v[P_ON_TIME];
	a->due += v[P_DUE];
	a->overdue += v[P_OVERDUE];
	a->rated += v[P_RATED];
	a->satisfied += v[P_SATISFIED];
	a->hours_n += v[P_HOURS_N];
	a->hours_sum += v[P_HOURS_SUM];
	if (v[P_HOURS_MAX] > a->hours_max)
		a->hours_max = (uint32_t)v[P_HOURS_MAX];
	if (h == NULL)
		return;
	if (a->hist == NULL)
		a->hist = h;
	else {
		hist_merge(a->hist, h);
		hist_free(h);
	}
}

/*
 * A line of partial results that repeats the header (partial streams put
 * one after the other): 1 to skip it; one of another layout ends the run.
 */
static int
header_again(const struct rec *r)
{
	size_t i;

	for (i = 0; i < P_N && !partial_name(r->f[pcol[i]]); i++)
		;
	if (i == P_N)
		return 0;
	for (i = 0; i < nhead && i < r->nf; i++)
		if (r->f[i].n != head[i].n ||
		    strncasecmp(r->f[i].p, head[i].p, head[i].n) != 0)
			zl_die_at(ZL_IOERR, r->file, r->line,
			    _("a header line unlike the first (field %zu: "
			      "'%.*s', not '%s'): give each file of partial "
			      "results as an argument of its own"),
			    i + 1, (int)r->f[i].n, r->f[i].p, head[i].p);
	return 1;
}

/* A record of partial results added to its group (key: room for it). */
static void
merge_add(const struct rec *r, struct str *key)
{
	static struct acc all; /* every row's counts: their sums in range */
	struct acc *a;
	struct prow w;
	size_t i;

	if (header_again(r)) {
		rej_unread(); /* not a record */
		return;
	}
	if (!partial_take(r, pcol, &w))
		return;
	if (!partial_fits(r, &all, &w)) {
		hist_free(w.h);
		return;
	}
	for (i = 0; i < opt.nby; i++)
		key[i] = r->f[mby[i]];
	a = &group_at(group_of(key))->acc;
	partial_add(a, &w, w.h);
	if (mexact && w.ndur > 0) {
		while (a->ndur + w.ndur > a->capdur)
			a->dur = xgrow(a->dur, &a->capdur, 1024,
			    sizeof *a->dur);
		memcpy(a->dur + a->ndur, w.dur, w.ndur * sizeof *w.dur);
		a->ndur += w.ndur;
	}
}

void
merge_run(struct rd *r)
{
	struct rec *rec;
	struct str *key;

	if (opt.by_list != NULL)
		by_setup(NULL, opt.by_list);
	merge_setup(r);
	out_setup();
	groups_init();
	key = xcalloc(opt.nby + 1, sizeof *key);
	while (rd_next(r, &rec))
		merge_add(rec, key);
	free(key);
	rd_close(r);
	rej_figures();
	out_stats(cli.out_fmt, cli_wr_flags());
}
