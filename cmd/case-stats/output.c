/*
 * case-stats: the statistics of each group, computed exactly (integers,
 * rounded once, half away from zero), sorted and written; the partial
 * state of --partial and its merge (--merge).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/fld.h"
#include "lib/stats.h"

enum {
	M_TOTAL,
	M_CLOSED,
	M_OPEN,
	M_RETURNED,
	M_CANCELLED,
	M_RESOLUTION,
	M_ON_TIME,
	M_ON_TIME_PCT,
	M_OVERDUE,
	M_H_MEAN,
	M_H_MEDIAN,
	M_H_P90,
	M_H_MAX,
	M_RATED,
	M_SATISFIED,
	M_SAT_PCT,
	M_N
};

static const struct {
	const char *name, *zh;
	int hundredths; /* written with two decimals */
} metrics[M_N] = {
	{ "total", "事件总数", 0 },
	{ "closed", "办结数", 0 },
	{ "open", "在办数", 0 },
	{ "returned", "退回数", 0 },
	{ "cancelled", "作废数", 0 },
	{ "resolution_pct", "办结率(%)", 1 },
	{ "on_time", "按期办结数", 0 },
	{ "on_time_pct", "按期办结率(%)", 1 },
	{ "overdue_open", "超期未办结数", 0 },
	{ "hours_mean", "平均办结时长(小时)", 1 },
	{ "hours_median", "办结时长中位数(小时)", 1 },
	{ "hours_p90", "办结时长90%分位(小时)", 1 },
	{ "hours_max", "最长办结时长(小时)", 1 },
	{ "rated", "评价数", 0 },
	{ "satisfied", "满意数", 0 },
	{ "satisfaction_pct", "满意率(%)", 1 },
};

/* The partial state: one column each (--partial, --merge). */
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

/* A metric's value: v, or none (an empty cell). */
struct val {
	long long v;
	int ok;
};

struct row {
	struct group *g; /* NULL: the total */
	struct val m[M_N];
};

/* Names of the derived group fields, for --zh. */
static const char *
derived_zh(const char *name)
{
	static const char *const zh[][2] = { { "month", "月份" },
		{ "week", "周" }, { "weekday", "星期" }, { "hour", "小时" } };
	size_t i;

	for (i = 0; i < sizeof zh / sizeof zh[0]; i++)
		if (strcmp(name, zh[i][0]) == 0)
			return zh[i][1];
	return fld_zh(name);
}

/* num / den, half away from zero, as hundredths of a percent... scaled:
 * round(num * scale / den) for non-negative num, positive den. */
static struct val
ratio(unsigned __int128 num, unsigned __int128 den)
{
	struct val r = { 0, 0 };

	if (den == 0)
		return r;
	r.v = (long long)((2 * num + den) / (2 * den));
	r.ok = 1;
	return r;
}

/*
 * PERCENTILE.INC at m/100 of sorted seconds, in hundredths of an hour,
 * exactly: h = (n-1)m/100 = k + r/100; x = x[k] + r/100 (x[k+1] - x[k]);
 * hours x 100 = (100 x[k] + r (x[k+1] - x[k])) / 3600.
 */
static struct val
percentile(const uint32_t *x, size_t n, unsigned m)
{
	unsigned long long h = (unsigned long long)(n - 1) * m;
	size_t k = (size_t)(h / 100);
	unsigned r = (unsigned)(h % 100);
	unsigned __int128 num = (unsigned __int128)100 * x[k];

	if (r > 0)
		num += (unsigned __int128)r * (x[k + 1] - x[k]);
	return ratio(num, 3600);
}

static struct val
hundredths_of_hour(double secs)
{
	struct val r;

	r.v = (long long)floor(secs * 100 / 3600 + 0.5);
	r.ok = 1;
	return r;
}

static void
compute(struct acc *a, struct val *m)
{
	uint64_t total = a->n[0] + a->n[1] + a->n[2] + a->n[3];
	size_t i;

	for (i = 0; i < M_N; i++)
		m[i].ok = 1;
	m[M_TOTAL].v = (long long)total;
	m[M_CLOSED].v = (long long)a->n[ST_CLOSED];
	m[M_OPEN].v = (long long)a->n[ST_OPEN];
	m[M_RETURNED].v = (long long)a->n[ST_RETURNED];
	m[M_CANCELLED].v = (long long)a->n[ST_CANCELLED];
	m[M_RESOLUTION] = ratio((unsigned __int128)a->n[ST_CLOSED] * 10000,
	    total - a->n[ST_CANCELLED]);
	m[M_ON_TIME].v = (long long)a->on_time;
	m[M_ON_TIME_PCT] = ratio((unsigned __int128)a->on_time * 10000, a->due);
	m[M_OVERDUE].v = (long long)a->overdue;
	m[M_H_MEAN] = ratio((unsigned __int128)a->hours_sum * 100,
	    (unsigned __int128)a->hours_n * 3600);
	m[M_RATED].v = (long long)a->rated;
	m[M_SATISFIED].v = (long long)a->satisfied;
	m[M_SAT_PCT] = ratio((unsigned __int128)a->satisfied * 10000,
	    a->rated);
	if (a->hours_n == 0) {
		m[M_H_MEDIAN].ok = m[M_H_P90].ok = m[M_H_MAX].ok = 0;
		return;
	}
	m[M_H_MAX] = ratio((unsigned __int128)a->hours_max * 100, 3600);
	if (a->hist != NULL) {
		m[M_H_MEDIAN] = hundredths_of_hour(hist_percentile(a->hist, 0.5));
		m[M_H_P90] = hundredths_of_hour(hist_percentile(a->hist, 0.9));
	} else {
		sort_u32(a->dur, a->ndur);
		m[M_H_MEDIAN] = percentile(a->dur, a->ndur, 50);
		m[M_H_P90] = percentile(a->dur, a->ndur, 90);
	}
}

/* The sum of every group's statistics. */
static void
total_of(struct acc *t)
{
	size_t i, j;

	memset(t, 0, sizeof *t);
	for (i = 0; i < ngroups(); i++) {
		struct acc *a = &group_at((uint32_t)i)->acc;

		for (j = 0; j < ST_N; j++)
			t->n[j] += a->n[j];
		t->on_time += a->on_time;
		t->due += a->due;
		t->overdue += a->overdue;
		t->rated += a->rated;
		t->satisfied += a->satisfied;
		t->hours_n += a->hours_n;
		t->hours_sum += a->hours_sum;
		if (a->hours_max > t->hours_max)
			t->hours_max = a->hours_max;
		if (a->hist != NULL) {
			if (t->hist == NULL)
				t->hist = hist_new();
			hist_merge(t->hist, a->hist);
		} else if (a->ndur > 0) {
			t->dur = xreallocarray(t->dur, t->ndur + a->ndur,
			    sizeof *t->dur);
			memcpy(t->dur + t->ndur, a->dur, a->ndur * sizeof *a->dur);
			t->ndur += a->ndur;
		}
	}
}

/* ---- sorting ---- */

static long sort_col;  /* group field (< nby) or nby + metric */
static int sort_desc;

static int
cmp_rows(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	int c = 0;

	if ((size_t)sort_col < opt.nby) {
		const struct str *x = &a->g->key[sort_col], *y = &b->g->key[sort_col];
		size_t n = x->n < y->n ? x->n : y->n;

		c = memcmp(x->p, y->p, n);
		if (c == 0)
			c = x->n < y->n ? -1 : x->n > y->n;
	} else {
		const struct val *x = &a->m[sort_col - (long)opt.nby];
		const struct val *y = &b->m[sort_col - (long)opt.nby];

		if (x->ok != y->ok)
			return x->ok ? -1 : 1; /* empty cells last */
		c = x->v < y->v ? -1 : x->v > y->v;
	}
	if (sort_desc)
		c = -c;
	if (c == 0) {
		/* then by the group values, for a stable, documented order */
		size_t i;

		for (i = 0; i < opt.nby && c == 0; i++) {
			const struct str *x = &a->g->key[i], *y = &b->g->key[i];
			size_t n = x->n < y->n ? x->n : y->n;

			c = memcmp(x->p, y->p, n);
			if (c == 0)
				c = x->n < y->n ? -1 : x->n > y->n;
		}
	}
	return c;
}

static void
choose_sort(void)
{
	const char *s = opt.sort;
	size_t i;

	sort_col = 0;
	sort_desc = 0;
	if (s == NULL)
		return;
	if (*s == '-' || *s == '+') {
		sort_desc = *s == '-';
		s++;
	}
	for (i = 0; i < opt.nby; i++) {
		const char *c = fld_canon(str_c(s), NULL);

		if (strcmp(s, opt.by[i]) == 0 ||
		    (c != NULL && strcmp(c, opt.by[i]) == 0)) {
			sort_col = (long)i;
			return;
		}
	}
	for (i = 0; i < M_N; i++)
		if (strcmp(s, metrics[i].name) == 0) {
			sort_col = (long)(opt.nby + i);
			return;
		}
	zl_die(ZL_USAGE, _("--sort: no field or metric '%s'"), s);
}

/* ---- writing ---- */

static int chosen[M_N];
static size_t nchosen;

static void choose_metrics(void);

int
out_needs_deadline(void)
{
	size_t i;

	if (opt.mode == MODE_PARTIAL || opt.mode == MODE_RECORDS)
		return 1;
	for (i = 0; i < nchosen; i++)
		if (chosen[i] == M_ON_TIME || chosen[i] == M_ON_TIME_PCT ||
		    chosen[i] == M_OVERDUE)
			return 1;
	return 0;
}

/* Check --metrics and --sort before the input is read. */
void
out_setup(void)
{
	if (opt.mode == MODE_PARTIAL)
		return;
	choose_metrics();
	choose_sort();
}

static void
choose_metrics(void)
{
	char *list, *p, *save = NULL;
	size_t i;

	if (opt.metrics == NULL) {
		for (i = 0; i < M_N; i++)
			chosen[nchosen++] = (int)i;
		return;
	}
	list = xstrdup(opt.metrics);
	for (p = strtok_r(list, ",", &save); p != NULL;
	     p = strtok_r(NULL, ",", &save)) {
		struct str t = str_trim(str_c(p));

		for (i = 0; i < M_N; i++)
			if (str_eqi(t, metrics[i].name))
				break;
		if (i == M_N) {
			struct buf all = { 0 };

			for (i = 0; i < M_N; i++)
				buf_printf(&all, "%s%s", i ? ", " : "",
				    metrics[i].name);
			zl_die(ZL_USAGE, _("--metrics: no metric '%.*s' (%s)"),
			    (int)t.n, t.p, all.p);
		}
		if (nchosen == M_N)
			zl_die(ZL_USAGE, _("--metrics: too many"));
		chosen[nchosen++] = (int)i;
	}
	free(list);
	if (nchosen == 0)
		zl_die(ZL_USAGE, _("--metrics: no metric named"));
}

static void
format_val(const struct val *v, int hundredths, char *buf)
{
	if (!v->ok)
		buf[0] = '\0';
	else if (hundredths)
		snprintf(buf, 32, "%s%lld.%02lld", v->v < 0 ? "-" : "",
		    llabs(v->v) / 100, llabs(v->v) % 100);
	else
		snprintf(buf, 32, "%lld", v->v);
}

static void
write_row(struct wr *w, const struct row *r, struct str *f)
{
	static char cells[M_N][32];
	size_t i;

	for (i = 0; i < opt.nby; i++) {
		if (r->g != NULL)
			f[i] = r->g->key[i];
		else
			f[i] = str_c(i == 0 ? (cli.zh ? "合计" : "total") : "");
	}
	for (i = 0; i < nchosen; i++) {
		format_val(&r->m[chosen[i]], metrics[chosen[i]].hundredths,
		    cells[i]);
		f[opt.nby + i] = str_c(cells[i]);
	}
	wr_rec(w, f);
}

static struct wr *
open_writer(int fmt, unsigned flags, size_t extra, const char *const *xnames)
{
	size_t n = opt.nby + extra, i;
	struct str *names = xcalloc(n + 1, sizeof *names);
	unsigned char *types = xcalloc(n + 1, 1);
	struct wr *w;

	for (i = 0; i < opt.nby; i++) {
		names[i] = str_c(cli.zh ? derived_zh(opt.by[i]) : opt.by[i]);
		types[i] = COL_STR;
	}
	for (i = 0; i < extra; i++) {
		names[opt.nby + i] = str_c(xnames[i]);
		types[opt.nby + i] = COL_NUM;
	}
	if (opt.mode == MODE_PARTIAL)
		types[n - 1] = COL_STR; /* the histogram */
	w = wr_open(fmt, n, names, types, flags);
	free(names);
	free(types);
	return w;
}

static void
write_partial(int fmt, unsigned flags)
{
	struct str *f = xcalloc(opt.nby + P_N, sizeof *f);
	struct wr *w = open_writer(fmt, flags, P_N, pnames);
	struct buf cell[P_N];
	size_t g, i;

	memset(cell, 0, sizeof cell);
	for (g = 0; g < ngroups(); g++) {
		struct group *gr = group_at((uint32_t)g);
		struct acc *a = &gr->acc;
		uint64_t v[P_N] = { a->n[ST_OPEN], a->n[ST_RETURNED],
			a->n[ST_CLOSED], a->n[ST_CANCELLED], a->on_time, a->due,
			a->overdue, a->rated, a->satisfied, a->hours_n,
			a->hours_sum, a->hours_max, 0 };

		for (i = 0; i < opt.nby; i++)
			f[i] = gr->key[i];
		for (i = 0; i < P_N; i++) {
			buf_reset(&cell[i]);
			if (i == P_HIST) {
				if (a->hist == NULL)
					a->hist = hist_new();
				hist_write(&cell[i], a->hist);
			} else
				buf_printf(&cell[i], "%llu",
				    (unsigned long long)v[i]);
			f[opt.nby + i] = (struct str){ cell[i].p, cell[i].n };
		}
		wr_rec(w, f);
	}
	wr_close(w);
	for (i = 0; i < P_N; i++)
		buf_free(&cell[i]);
	free(f);
}

void
out_stats(int fmt, unsigned flags)
{
	const char *names[M_N];
	struct row *rows;
	struct str *f;
	struct wr *w;
	size_t n = ngroups(), i, shown;

	if (opt.mode == MODE_PARTIAL) {
		write_partial(fmt, flags);
		return;
	}
	/* no --by and no record: still one row of zeros */
	if (opt.nby == 0 && n == 0) {
		group_of(NULL);
		n = 1;
	}
	rows = xcalloc(n + 1, sizeof *rows);
	for (i = 0; i < n; i++) {
		rows[i].g = group_at((uint32_t)i);
		compute(&rows[i].g->acc, rows[i].m);
	}
	if (opt.nby > 0)
		qsort(rows, n, sizeof *rows, cmp_rows);
	for (i = 0; i < nchosen; i++)
		names[i] = cli.zh ? metrics[chosen[i]].zh :
				    metrics[chosen[i]].name;
	w = open_writer(fmt, flags, nchosen, names);
	f = xcalloc(opt.nby + M_N, sizeof *f);
	shown = opt.top >= 0 && (size_t)opt.top < n ? (size_t)opt.top : n;
	for (i = 0; i < shown; i++)
		write_row(w, &rows[i], f);
	if (opt.total && opt.nby > 0) {
		struct acc t;
		struct row tr;

		total_of(&t);
		memset(&tr, 0, sizeof tr);
		compute(&t, tr.m);
		write_row(w, &tr, f);
		free(t.dur);
		hist_free(t.hist);
	}
	wr_close(w);
	free(f);
	free(rows);
}

/* ---- --merge ---- */

static long pcol[P_N];
static long *mby; /* the columns of the groups */

int
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
		return 0;
	}
	for (i = 0; i < opt.nby; i++) {
		j = (size_t)rd_find(r, opt.by[i]);
		if ((long)j < 0 || names[j].p[0] == '_')
			zl_die(ZL_USAGE, _("--by: '%s' is not a group field of "
					   "the partial results"),
			    opt.by[i]);
		mby[i] = (long)j;
	}
	return 0;
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

void
merge_add(const struct rec *r)
{
	struct str key[64], *k = opt.nby <= 64 ? key :
	    xcalloc(opt.nby, sizeof *k);
	uint64_t v[P_N];
	struct acc *a;
	struct hist *h;
	size_t i;

	/* partial streams put one after the other repeat the header */
	if (str_eqi(r->f[pcol[0]], pnames[0]) &&
	    str_eqi(r->f[pcol[P_HIST]], pnames[P_HIST]))
		goto out;
	for (i = 0; i < P_N; i++) {
		if (i == P_HIST)
			continue;
		if (u64_of(r->f[pcol[i]], &v[i]) != 0) {
			rec_reject(r, _("field '%s': not a count ('%.*s')"),
			    pnames[i], (int)r->f[pcol[i]].n, r->f[pcol[i]].p);
			goto out;
		}
	}
	if (v[P_HOURS_MAX] > UINT32_MAX) {
		rec_reject(r, _("field '_hours_max': too large"));
		goto out;
	}
	h = hist_new();
	if (hist_read(h, r->f[pcol[P_HIST]].p, r->f[pcol[P_HIST]].n) != 0) {
		hist_free(h);
		rec_reject(r, _("field '_hours_hist': not a histogram"));
		goto out;
	}
	for (i = 0; i < opt.nby; i++)
		k[i] = r->f[mby[i]];
	a = &group_at(group_of(k))->acc;
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
out:
	if (k != key)
		free(k);
}
