/*
 * case-stats: the output.  The rows of the groups (the metrics chosen with
 * --metrics), sorted (--sort, --top), with the overall row (--total); and
 * with --records each case's record, cleaned, with what case-stats makes
 * of it (its state, hours to close, deadline, on time or not).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/date.h"
#include "lib/fld.h"
#include "lib/stats.h"
#include "lib/utf8.h"

/*
 * A row of the output: a group, and 8 bytes that order most rows without
 * looking further (sort_word): of the metric sorted by, or of the value
 * of the field sorted by, after the bytes all the groups' values share.
 */
struct row {
	uint64_t w;
	uint32_t g;
};
static size_t shared; /* the bytes of the value sorted by all share */

static int chosen[M_N]; /* the metrics written, in order */
static size_t nchosen;
static long sort_col; /* group field (< nby) or nby + metric */
static int sort_desc;

/* ---- the metrics chosen, the order ---- */

/* Is t (full-width folded) the name (any case) or the --zh title? */
static int
named(struct str t, const char *name, const char *zh)
{
	struct buf b = { 0 };
	struct str z = str_fold(str_c(zh), &b, NULL);
	int yes = str_eqi(t, name) ||
	    (z.n == t.n && memcmp(z.p, t.p, t.n) == 0);

	buf_free(&b);
	return yes;
}

/* The metric named t (its name or its --zh title), or -1. */
static int
metric_of(struct str t)
{
	struct buf b = { 0 };
	int i;

	t = str_fold(str_trim(t), &b, NULL);
	for (i = 0; i < M_N; i++)
		if (named(t, metrics[i].name, metrics[i].zh))
			break;
	buf_free(&b);
	return i < M_N ? i : -1;
}

/* The names of the metrics, and their titles, for a "did you mean" (the
 * names alone, listed, in list). */
static const char **
metric_names(struct buf *list)
{
	static const char *known[2 * M_N + 1];
	size_t i;

	for (i = 0; i < M_N; i++) {
		known[2 * i] = metrics[i].name;
		known[2 * i + 1] = metrics[i].zh;
		buf_printf(list, "%s%s", i ? ", " : "", metrics[i].name);
	}
	return known;
}

static void
choose_metrics(void)
{
	char *list, *p, *save = NULL;
	size_t i;
	int m;

	if (opt.metrics == NULL) {
		for (i = 0; i < M_N; i++)
			chosen[nchosen++] = (int)i;
		return;
	}
	list = xstrdup(opt.metrics);
	for (p = strtok_r(list, ",", &save); p != NULL;
	     p = strtok_r(NULL, ",", &save)) {
		struct str t = str_trim(str_c(p));

		if ((m = metric_of(t)) < 0) {
			struct buf all = { 0 }, hint = { 0 };
			const char **known = metric_names(&all);
			char *word = xstrndup(t.p, t.n);

			zl_die(ZL_USAGE,
			    _("--metrics: unknown metric '%s'%s; metrics: %s"),
			    word, nearest_hint(&hint, word, known), all.p);
		}
		if (nchosen == M_N)
			zl_die(ZL_USAGE, _("--metrics: too many"));
		chosen[nchosen++] = m;
	}
	free(list);
	if (nchosen == 0)
		zl_die(ZL_USAGE, _("--metrics: no metric named"));
}

/* --sort names neither a --by field nor a metric: the error, with the
 * names there are and the nearest. */
static void
sort_unknown(const char *s)
{
	const char **known = xcalloc(2 * (opt.nby + M_N) + 1, sizeof *known);
	struct buf by = { 0 }, all = { 0 }, hint = { 0 };
	const char **mk = metric_names(&all);
	size_t i;

	for (i = 0; i < opt.nby; i++) {
		known[2 * i] = opt.by[i];
		known[2 * i + 1] = by_zh(opt.by[i]);
		buf_printf(&by, "%s%s", i ? ", " : "", opt.by[i]);
	}
	memcpy(known + 2 * opt.nby, mk, 2 * M_N * sizeof *known);
	nearest_hint(&hint, s, known);
	if (opt.nby == 0)
		zl_die(ZL_USAGE, _("--sort: no metric '%s'%s; metrics: %s"), s,
		    hint.p, all.p);
	zl_die(ZL_USAGE,
	    _("--sort: no field or metric '%s'%s; fields: %s; metrics: %s"), s,
	    hint.p, by.p, all.p);
}

/* Is s the --by field i (its name, its input field's alias, its --zh
 * title)? */
static int
is_by(const char *s, size_t i)
{
	const char *c = fld_canon(str_c(s), NULL);

	return strcmp(s, opt.by[i]) == 0 ||
	    (c != NULL && strcmp(c, opt.by[i]) == 0) ||
	    strcmp(s, by_zh(opt.by[i])) == 0;
}

static void
choose_sort(void)
{
	const char *s = opt.sort;
	size_t i;
	int m;

	sort_col = 0;
	sort_desc = 0;
	if (s == NULL)
		return;
	if (*s == '-' || *s == '+') {
		sort_desc = *s == '-';
		s++;
	}
	for (i = 0; i < opt.nby; i++)
		if (is_by(s, i)) {
			sort_col = (long)i;
			return;
		}
	if ((m = metric_of(str_c(s))) < 0)
		sort_unknown(s);
	sort_col = (long)opt.nby + m;
}

void
out_setup(void)
{
	if (opt.mode == MODE_PARTIAL)
		return;
	choose_metrics();
	choose_sort();
}

int
out_needs_deadline(void)
{
	size_t i;

	if (opt.mode == MODE_PARTIAL || opt.mode == MODE_RECORDS)
		return 1;
	for (i = 0; i < nchosen; i++)
		/* (on_time to overdue_open: the metrics of deadlines) */
		if (chosen[i] >= M_ON_TIME && chosen[i] <= M_OVERDUE)
			return 1;
	return 0;
}

/* ---- sorting ---- */

static int
cmp_str(const struct str *x, const struct str *y)
{
	size_t n = x->n < y->n ? x->n : y->n;
	int c = memcmp(x->p, y->p, n);

	return c != 0 ? c : x->n < y->n ? -1 : x->n > y->n;
}

/* The groups' values, from field i on (i < nby), in order. */
static int
cmp_keys(uint32_t a, uint32_t b, size_t i)
{
	int c = 0;

	for (; i < opt.nby && c == 0; i++) {
		struct str x = group_key(a, i), y = group_key(b, i);

		c = cmp_str(&x, &y);
	}
	return c;
}

static int
cmp_rows(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	int c;

	if (a->w != b->w)
		return a->w < b->w ? -1 : 1;
	if ((size_t)sort_col < opt.nby) {
		struct str x = group_key(a->g, (size_t)sort_col);
		struct str y = group_key(b->g, (size_t)sort_col);

		if ((c = cmp_str(&x, &y)) != 0)
			return sort_desc ? -c : c;
	}
	/* then by the group values, for a stable, documented order (a
	 * metric's word is the metric) */
	return cmp_keys(a->g, b->g, 0);
}

/* The word of a row: its order in 64 bits, as far as they tell. */
static uint64_t
sort_word(uint32_t g, const struct val *m)
{
	uint64_t w = 0;
	size_t i;

	if ((size_t)sort_col < opt.nby) {
		struct str v = group_key(g, (size_t)sort_col);

		for (i = 0; i < 8; i++)
			w = w << 8 |
			    (shared + i < v.n ? (unsigned char)v.p[shared + i] :
						0);
		return sort_desc ? ~w : w;
	}
	m += sort_col - (long)opt.nby;
	if (!m->ok)
		return UINT64_MAX; /* empty cells last */
	/* (metrics are not negative) */
	w = (uint64_t)m->v;
	return sort_desc ? (uint64_t)INT64_MAX - w : w;
}

/* The bytes the values of field c of the rows' groups all share. */
static size_t
shared_bytes(const struct row *rows, size_t n, size_t c)
{
	struct str first;
	size_t i, k;

	if (n == 0 || c >= opt.nby)
		return 0;
	first = group_key(rows[0].g, c);
	k = first.n;
	for (i = 1; i < n && k > 0; i++) {
		struct str v = group_key(rows[i].g, c);
		size_t j = 0;

		while (j < k && j < v.n && v.p[j] == first.p[j])
			j++;
		k = j;
	}
	return k;
}

/* ---- writing ---- */

/* The digits of u at the end of buf (32 bytes): where they start. */
static char *
digits(unsigned long long u, char *end)
{
	do
		*--end = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	return end;
}

/* A value as written (its two decimals when hundredths; none: empty),
 * made here: snprintf took a sixth of --by case_id's time. */
static struct str
format_val(const struct val *v, int hundredths, char *buf)
{
	unsigned long long u;
	char *end = buf + 31, *p;

	if (!v->ok)
		return str_c("");
	u = v->v < 0 ? 0 - (unsigned long long)v->v : (unsigned long long)v->v;
	*end = '\0';
	if (hundredths) {
		p = digits(u % 100 + 100, end); /* "1dd": two digits */
		*p = '.';
		p = digits(u / 100, p);
	} else
		p = digits(u, end);
	if (v->v < 0)
		*--p = '-';
	return (struct str) { p, (size_t)(end - p) };
}

/* Write the row of group g (NULL: the total) and its metrics m (f: room
 * for its fields). */
static void
write_row(struct wr *w, const struct group *g, const struct val *m,
    struct str *f)
{
	char cells[M_N][32];
	size_t i;

	for (i = 0; i < opt.nby; i++) {
		if (g != NULL)
			f[i] = g->key[i];
		else
			f[i] = str_c(i == 0 ? cli_term("total") : "");
	}
	for (i = 0; i < nchosen; i++) {
		f[opt.nby + i] = format_val(&m[chosen[i]],
		    metrics[chosen[i]].hundredths, cells[i]);
	}
	wr_rec(w, f);
}

struct wr *
out_writer(int fmt, unsigned flags, size_t extra, const char *const *xnames)
{
	size_t n = opt.nby + extra, i;
	struct str *names = xcalloc(n + 1, sizeof *names);
	unsigned char *types = xcalloc(n + 1, 1);
	struct wr *w;

	for (i = 0; i < opt.nby; i++) {
		names[i] = str_c(cli.zh ? by_zh(opt.by[i]) : opt.by[i]);
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

/* The overall row. */
static void
write_total(struct wr *w, struct str *f)
{
	struct acc t;
	struct val m[M_N];

	acc_total(&t);
	metrics_of(&t, m);
	write_row(w, NULL, m, f);
	free(t.dur);
	hist_free(t.hist);
}

/* The rows of the groups with cases, sorted: their number. */
static size_t
sorted_rows(struct row **out)
{
	size_t n = ngroups(), i, nrows;
	struct row *rows = xcalloc(n + 1, sizeof *rows);
	struct val m[M_N];

	for (i = nrows = 0; i < n; i++) {
		struct group *g = group_at((uint32_t)i);

		/* (its cases all merged into other groups' by de-duplication)
		 */
		if (opt.nby > 0 && group_empty(g))
			continue;
		rows[nrows].g = (uint32_t)i;
		if ((size_t)sort_col >= opt.nby) {
			metrics_of(&g->acc, m);
			rows[nrows].w = sort_word((uint32_t)i, m);
		}
		nrows++;
	}
	if ((size_t)sort_col < opt.nby) {
		shared = shared_bytes(rows, nrows, (size_t)sort_col);
		for (i = 0; i < nrows; i++)
			rows[i].w = sort_word(rows[i].g, NULL);
	}
	if (opt.nby > 0)
		qsort(rows, nrows, sizeof *rows, cmp_rows);
	*out = rows;
	return nrows;
}

void
out_stats(int fmt, unsigned flags)
{
	const char *names[M_N];
	struct row *rows;
	struct val m[M_N];
	struct str *f;
	struct wr *w;
	size_t n, i, shown;

	/* no --by and no record: still one row of zeros */
	if (opt.nby == 0 && ngroups() == 0)
		group_of(NULL);
	n = sorted_rows(&rows);
	for (i = 0; i < nchosen; i++)
		names[i] = cli.zh ? metrics[chosen[i]].zh :
				    metrics[chosen[i]].name;
	w = out_writer(fmt, flags, nchosen, names);
	f = xcalloc(opt.nby + M_N, sizeof *f);
	shown = opt.top >= 0 && (size_t)opt.top < n ? (size_t)opt.top : n;
	for (i = 0; i < shown; i++) {
		struct group *g = group_at(rows[i].g);

		metrics_of(&g->acc, m);
		write_row(w, g, m, f);
	}
	free(rows);
	if (opt.total && opt.nby > 0)
		write_total(w, f);
	wr_close(w);
	free(f);
}

/* ---- --records ---- */

/* The fields added to each record. */
enum { R_STATE, R_HOURS, R_DUE, R_ON_TIME, R_N };

struct records {
	struct wr *w;
	size_t nf;	   /* the input's fields, then R_N */
	long id, category; /* their columns (-1: none) */
	long time[3];	   /* reported, closed, updated */
	struct str *f;	   /* the fields of the last record */
	char times[3][24], hours[32], due[24];
};

struct records *
records_open(struct rd *r, int fmt, unsigned flags)
{
	static const char *const extra[R_N] = { "state", "hours_to_close",
		"due_at", "on_time" };
	static const char *const extra_zh[R_N] = { "办理状态类别",
		"办结时长(小时)", "应办结时间", "是否按期" };
	struct records *o = xcalloc(1, sizeof *o);
	size_t nf = rd_nfields(r), i;
	struct str *names = xcalloc(nf + R_N, sizeof *names);
	unsigned char *types = xcalloc(nf + R_N, 1);

	for (i = 0; i < nf; i++) {
		const char *c = fld_canon(rd_names(r)[i], NULL);

		names[i] = c ? str_c(cli.zh ? fld_zh(c) : c) : rd_names(r)[i];
		types[i] = COL_STR;
	}
	for (i = 0; i < R_N; i++) {
		names[nf + i] = str_c(cli.zh ? extra_zh[i] : extra[i]);
		types[nf + i] = i == R_HOURS ? COL_NUM : COL_STR;
	}
	o->nf = nf + R_N;
	o->id = case_col[F_CASE_ID];
	o->category = case_col[F_CATEGORY];
	o->time[0] = case_col[F_REPORTED_AT];
	o->time[1] = case_col[F_CLOSED_AT];
	o->time[2] = case_col[F_UPDATED_AT];
	o->f = xcalloc(o->nf, sizeof *o->f);
	o->w = wr_open(fmt, o->nf, names, types, flags);
	free(names);
	free(types);
	return o;
}

size_t
records_nf(const struct records *o)
{
	return o->nf;
}

/* The hours from reported to closed, to two decimals, half up. */
static void
hours_to_close(const struct kase *k, char *buf, size_t size)
{
	long long s = k->closed - k->reported;
	long long h100 = (2 * s * 100 + 3600) / 7200;

	snprintf(buf, size, "%lld.%02lld", h100 / 100, h100 % 100);
}

const struct str *
records_fields(struct records *o, const struct rec *r, const struct kase *k)
{
	static const char *const states[ST_N] = { "open", "returned", "closed",
		"cancelled" };
	struct str *f = o->f;
	size_t i, j;

	for (i = 0; i + R_N < o->nf; i++)
		f[i] = str_trim(r->f[i]);
	if (o->id >= 0)
		f[o->id] = k->id;
	if (o->category >= 0)
		f[o->category] = k->category;
	for (j = 0; j < 3; j++) {
		long long t = j == 0 ? k->reported :
		    j == 1	     ? k->closed :
				       k->updated;

		if (o->time[j] < 0 || t == NO_TIME)
			continue;
		date_format(t, 1, o->times[j]);
		f[o->time[j]] = str_c(o->times[j]);
	}
	f[i + R_STATE] = str_c(cli_term(states[k->state]));
	o->hours[0] = o->due[0] = '\0';
	if (k->state == ST_CLOSED)
		hours_to_close(k, o->hours, sizeof o->hours);
	if (k->due != NO_TIME)
		date_format(k->due, 1, o->due);
	f[i + R_HOURS] = str_c(o->hours);
	f[i + R_DUE] = str_c(o->due);
	f[i + R_ON_TIME] = str_c(k->state != ST_CLOSED || k->due == NO_TIME ?
		"" :
		k->closed <= k->due ? "1" :
				      "0");
	return f;
}

void
records_write(struct records *o, const struct str *f)
{
	wr_rec(o->w, f);
}

void
records_close(struct records *o)
{
	wr_close(o->w);
	free(o->f);
	free(o);
}
