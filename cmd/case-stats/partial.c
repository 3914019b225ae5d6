/*
 * case-stats: the partial state (--partial), the statistics of each group
 * as counts and a histogram of durations, one column each, that --merge
 * reads back, adds up by group and turns into the metrics.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/stats.h"

/* The partial state: one column each. */
enum {
	P_OPEN,
	P_RETURNED,
	P_CLOSED,
	P_CANCELLED,
	P_ON_TIME,
	P_DUE,
	P_OVERDUE,
	P_RATED,
	P_SATISFIED,
	P_HOURS_N,
	P_HOURS_SUM,
	P_HOURS_MAX,
	P_HIST,
	P_N
};

static const char *const pnames[P_N] = { "_open", "_returned", "_closed",
	"_cancelled", "_on_time", "_due", "_overdue", "_rated", "_satisfied",
	"_hours_n", "_hours_sum", "_hours_max", "_hours_hist" };

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

void
write_partial(int fmt, unsigned flags)
{
	struct str *f = xcalloc(opt.nby + P_N, sizeof *f);
	struct wr *w = out_writer(fmt, flags, P_N, pnames);
	struct buf cell[P_N];
	size_t g, i;

	memset(cell, 0, sizeof cell);
	for (g = 0; g < ngroups(); g++) {
		struct group *gr = group_at((uint32_t)g);

		if (group_empty(gr))
			continue;
		for (i = 0; i < opt.nby; i++)
			f[i] = gr->key[i];
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
static long *mby; /* the columns of the groups */

/* The columns of the partial state, and of the groups (--by, or every
 * other field). */
static void
merge_setup(struct rd *r)
{
	const struct str *names = rd_names(r);
	size_t nf = rd_nfields(r), i, j, nby = 0;

	for (i = 0; i < P_N; i++) {
		pcol[i] = rd_find(r, pnames[i]);
		if (pcol[i] < 0)
			zl_die_at(ZL_IOERR, rd_first_file(r), 1,
			    _("not the output of case-stats --partial: no "
			      "field '%s'"),
			    pnames[i]);
	}
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
	if (s.n == 0 || s.n > 19)
		return -1;
	for (i = 0; i < s.n; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return -1;
		*v = *v * 10 + (uint64_t)(s.p[i] - '0');
	}
	return 0;
}

/* Add a group's partial state (counts v, histogram h: a's now) to a. */
static void
partial_add(struct acc *a, const uint64_t *v, struct hist *h)
{
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
	if (a->hist == NULL)
		a->hist = h;
	else {
		hist_merge(a->hist, h);
		hist_free(h);
	}
}

/* A record of partial results added to its group (key: room for it). */
static void
merge_add(const struct rec *r, struct str *key)
{
	uint64_t v[P_N];
	struct hist *h;
	size_t i;

	/* partial streams put one after the other repeat the header */
	if (str_eqi(r->f[pcol[0]], pnames[0]) &&
	    str_eqi(r->f[pcol[P_HIST]], pnames[P_HIST]))
		return;
	for (i = 0; i < P_N; i++) {
		if (i == P_HIST)
			continue;
		if (u64_of(r->f[pcol[i]], &v[i]) != 0) {
			rec_reject(r, _("field '%s': not a count ('%.*s')"),
			    pnames[i], (int)r->f[pcol[i]].n, r->f[pcol[i]].p);
			return;
		}
	}
	if (v[P_HOURS_MAX] > UINT32_MAX) {
		rec_reject(r, _("field '_hours_max': too large"));
		return;
	}
	h = hist_new();
	if (hist_read(h, r->f[pcol[P_HIST]].p, r->f[pcol[P_HIST]].n) != 0) {
		hist_free(h);
		rec_reject(r, _("field '_hours_hist': not a histogram"));
		return;
	}
	for (i = 0; i < opt.nby; i++)
		key[i] = r->f[mby[i]];
	partial_add(&group_at(group_of(key))->acc, v, h);
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
