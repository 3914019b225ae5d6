/*
 * worker-salary: the output.  The payslips, one record per worker and
 * month in worker_id and month order; or with --summary one row per group
 * (community and post, or --by) and with --total the overall row; or
 * with --compare one record per worker, the gross of its months under
 * the old scale and the current one, and with --summary too one row per
 * post (or --by).
 * Nothing is written when more records were rejected than max-rejected
 * allows (rej_figures).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/worker-salary/ws.h"
#include "lib/fld.h"
#include "lib/money.h"
#include "lib/out.h"

#define NSLIP 29

struct row {
	struct str f[NSLIP];
	char num[NSLIP][32];
	size_t n;
};

static struct wr *
open_out(const char *const *cols, size_t n)
{
	struct str names[NSLIP];
	unsigned char types[NSLIP];

	rej_figures();
	fld_header(cols, n, cli.zh, names, types);
	return wr_open(cli.out_fmt, n, names, types, cli_wr_flags());
}

static void
put_s(struct row *r, const char *s)
{
	r->f[r->n++] = str_c(s);
}

static void
put_m(struct row *r, long long fen)
{
	r->f[r->n].n = money_format(fen, r->num[r->n]);
	r->f[r->n].p = r->num[r->n];
	r->n++;
}

static void
put_n(struct row *r, long long v)
{
	r->f[r->n].n = (size_t)snprintf(r->num[r->n], 32, "%lld", v);
	r->f[r->n].p = r->num[r->n];
	r->n++;
}

static void
slip_row(struct row *r, const struct slip *s, const struct pay *p)
{
	const struct worker *w = slip_worker(s);

	r->n = 0;
	put_s(r, w->id);
	put_s(r, w->name);
	put_s(r, w->community);
	put_s(r, w->post);
	if (w->level > 0)
		put_n(r, w->level);
	else
		put_s(r, "");
	month_fmt(s->month, r->num[r->n]);
	put_s(r, r->num[r->n]);
	put_m(r, p->base);
	put_m(r, slip_amount(s, A_PERF));
	put_m(r, p->allowance);
	put_m(r, slip_amount(s, A_OVERTIME));
	put_m(r, slip_amount(s, A_OTHER));
	put_m(r, p->ded);
	put_m(r, p->gross);
	put_m(r, p->ee[C_PENSION]);
	put_m(r, p->ee[C_MEDICAL]);
	put_m(r, p->ee[C_UNEMPLOYMENT]);
	put_m(r, p->ee[C_HOUSING]);
	put_m(r, p->contrib);
	put_m(r, slip_amount(s, A_SAD));
	put_m(r, p->taxable_ytd);
	put_m(r, p->tax_ytd);
	put_m(r, p->tax);
	put_m(r, p->net);
	put_m(r, p->er[C_PENSION]);
	put_m(r, p->er[C_MEDICAL]);
	put_m(r, p->er[C_UNEMPLOYMENT]);
	put_m(r, p->er[C_WORK_INJURY]);
	put_m(r, p->er[C_HOUSING]);
	put_m(r, p->gross + p->er_total);
}

/* The fields of a worker at the start of its payslips' lines, with the
 * separator after each, into b. */
static void
slip_head(const struct wr *w, struct buf *b, const struct worker *k)
{
	const char *t[4] = { k->id, k->name, k->community, k->post };
	char sep = wr_sep(w);
	int i;

	buf_reset(b);
	for (i = 0; i < 4; i++) {
		wr_text(w, b, t[i], strlen(t[i]));
		buf_addc(b, sep);
	}
	/* 1 to WS_LEVELS: two digits at most */
	if (k->level >= 10)
		buf_addc(b, '0' + (int)(k->level / 10 % 10));
	if (k->level > 0)
		buf_addc(b, '0' + (int)(k->level % 10));
	buf_addc(b, sep);
}

/* The amounts of a payslip after its month, in the order of its
 * columns (written in place: no array copied). */
static size_t
slip_amounts(const struct slip *s, const struct pay *p, long long *v)
{
	v[0] = p->base;
	v[1] = slip_amount(s, A_PERF);
	v[2] = p->allowance;
	v[3] = slip_amount(s, A_OVERTIME);
	v[4] = slip_amount(s, A_OTHER);
	v[5] = p->ded;
	v[6] = p->gross;
	v[7] = p->ee[C_PENSION];
	v[8] = p->ee[C_MEDICAL];
	v[9] = p->ee[C_UNEMPLOYMENT];
	v[10] = p->ee[C_HOUSING];
	v[11] = p->contrib;
	v[12] = slip_amount(s, A_SAD);
	v[13] = p->taxable_ytd;
	v[14] = p->tax_ytd;
	v[15] = p->tax;
	v[16] = p->net;
	v[17] = p->er[C_PENSION];
	v[18] = p->er[C_MEDICAL];
	v[19] = p->er[C_UNEMPLOYMENT];
	v[20] = p->er[C_WORK_INJURY];
	v[21] = p->er[C_HOUSING];
	v[22] = p->gross + p->er_total;
	return 23;
}

/* The month m as month_fmt writes it, at o (8 bytes): the last twelve
 * kept (by each thread), as a worker's months follow one another. */
static void
month_put(long m, char *o)
{
	static _Thread_local struct {
		long m;
		char s[8];
	} k[12] = { { -1, "" } };
	size_t i = (size_t)m % 12;

	if (k[i].m != m) {
		k[i].m = m;
		month_fmt(m, k[i].s);
	}
	memcpy(o, k[i].s, 8);
}

/* The most bytes of a line after its worker's fields (and the 128
 * money_put_list may write over). */
#define LINE_ROOM (8 + 25 * (NSLIP + 1) + 128)

/* The line of payslip s (p) at d, after its worker's fields head: its
 * length. */
static size_t
slip_line(const struct buf *head, const struct slip *s, const struct pay *p,
    char sep, char *d)
{
	long long v[NSLIP];
	size_t n = slip_amounts(s, p, v);
	char *o;

	memcpy(d, head->p, head->n);
	o = d + head->n;
	month_put(s->month, o);
	o += 7;
	o += money_put_list(v, n, sep, o);
	*o++ = '\n';
	return (size_t)(o - d);
}

/* The payslips as lines (tsv, csv) built in b, or in the output's
 * buffer: the worker's fields once per worker, the amounts written
 * straight in. */
void
output_lines(const struct wr *w, size_t from, size_t to, struct buf *b)
{
	struct buf head = { 0 };
	const struct worker *last = NULL;
	const struct slip *s;
	struct pay p;
	char sep = wr_sep(w), *d;
	size_t i = from;

	while (pay_next(&i, to, &s, &p)) {
		if (slip_worker(s) != last)
			slip_head(w, &head, last = slip_worker(s));
		if (b != NULL) {
			if (b->cap < b->n + head.n + LINE_ROOM + 1)
				jobs_room(b, head.n + LINE_ROOM);
			b->n += slip_line(&head, s, &p, sep, b->p + b->n);
			continue;
		}
		if ((d = out_room(head.n + LINE_ROOM)) == NULL)
			zl_die(ZL_IOERR, _("a payslip too long to write"));
		out_wrote(slip_line(&head, s, &p, sep, d));
	}
	buf_free(&head);
}

static void
payslips(void)
{
	static const char *const cols[NSLIP] = { "worker_id", "worker_name",
		"community", "post", "pay_level", "month", "base_pay",
		"performance", "allowance", "overtime", "other_pay",
		"deduction", "gross", "pension", "medical", "unemployment",
		"housing_fund", "contributions", "special_additional_deduction",
		"taxable_ytd", "tax_ytd", "tax", "net", "employer_pension",
		"employer_medical", "employer_unemployment",
		"employer_work_injury", "employer_housing_fund",
		"employer_cost" };
	struct wr *w = open_out(cols, NSLIP);
	const struct slip *s;
	struct pay p;
	struct row r;
	size_t i = 0;

	if (wr_lines(w)) {
		if (!jobs_lines(w))
			output_lines(w, 0, data.norder, NULL);
	} else
		while (pay_next(&i, data.norder, &s, &p)) {
			slip_row(&r, s, &p);
			wr_rec(w, r.f);
		}
	wr_close(w);
}

/* A group of --summary. */
struct group {
	const char *key[2]; /* community, post (NULL: not grouped by) */
	uint32_t last;	    /* the last worker counted + 1 (0: none) */
	long long heads, n, gross, net, cost;
	long long old; /* --compare: the gross under the old scale */
};

static struct group *groups;
static size_t ngroups, capgroups;

static int
by_key(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	int i, d;

	for (i = 0; i < 2; i++)
		if (x->key[i] != NULL &&
		    (d = strcmp(x->key[i], y->key[i])) != 0)
			return d;
	return 0;
}

static struct group *
group_of(const struct worker *w)
{
	struct group k = { { NULL, NULL }, 0, 0, 0, 0, 0, 0, 0 };
	size_t i;

	if (opt.by[BY_COMMUNITY])
		k.key[0] = w->community;
	if (opt.by[BY_POST])
		k.key[1] = w->post;
	for (i = 0; i < ngroups; i++)
		if (by_key(&groups[i], &k) == 0)
			return &groups[i];
	if (ngroups == capgroups)
		groups = xgrow(groups, &capgroups, 16, sizeof *groups);
	groups[ngroups] = k;
	return &groups[ngroups++];
}

static void
add(struct group *g, const struct slip *s, const struct pay *p)
{
	if (g->last != s->key + 1)
		g->heads++;
	g->last = s->key + 1;
	g->n++;
	g->gross += p->gross;
	g->net += p->net;
	g->cost += p->gross + p->er_total;
}

/* The group's key columns first in r (total: the total row's word). */
static void
put_keys(struct row *r, const struct group *g, const char *total)
{
	int i;

	r->n = 0;
	for (i = 0; i < 2; i++)
		if (opt.by[i])
			put_s(r,
			    total != NULL ?
				(i == 0 || !opt.by[0] ? total : "") :
				g->key[i]);
}

static void
group_row(struct wr *w, const struct group *g, const char *total)
{
	struct row r;

	put_keys(&r, g, total);
	put_n(&r, g->heads);
	put_m(&r, g->gross);
	put_m(&r,
	    g->n > 0 ? div_round(g->gross, g->n, UNIT_FEN, ROUND_HALF_AWAY) :
		       0);
	put_m(&r,
	    g->n > 0 ? div_round(g->net, g->n, UNIT_FEN, ROUND_HALF_AWAY) : 0);
	put_m(&r, g->cost);
	wr_rec(w, r.f);
}

static void
summary(void)
{
	const char *cols[8];
	struct group all = { { NULL, NULL }, 0, 0, 0, 0, 0, 0, 0 };
	const struct slip *s;
	struct pay p;
	struct wr *w;
	size_t i = 0, n = 0;

	if (opt.by[BY_COMMUNITY])
		cols[n++] = "community";
	if (opt.by[BY_POST])
		cols[n++] = "post";
	cols[n++] = "headcount";
	cols[n++] = "gross_total";
	cols[n++] = "gross_mean";
	cols[n++] = "net_mean";
	cols[n++] = "employer_cost";
	while (pay_next(&i, data.norder, &s, &p)) {
		add(group_of(slip_worker(s)), s, &p);
		add(&all, s, &p);
	}
	if (ngroups > 1)
		qsort(groups, ngroups, sizeof *groups, by_key);
	w = open_out(cols, n);
	for (i = 0; i < ngroups; i++)
		group_row(w, &groups[i], NULL);
	if (opt.total)
		group_row(w, &all, cli_term("total"));
	wr_close(w);
	free(groups);
}

/*
 * n / d to two decimals, rounded half away from zero, exactly (long
 * division, no floating point), into buf[32]: its length, or 0 (empty)
 * when d is 0 or less, n negative, or the figure too large.
 */
static size_t
ratio(long long n, long long d, char *buf)
{
	long long q, r, h = 0;
	int i;

	if (d <= 0 || n < 0 || d > LLONG_MAX / 10 || n / d > LLONG_MAX / 200)
		return 0;
	q = n / d;
	r = n % d;
	for (i = 0; i < 2; i++) {
		r *= 10;
		h = h * 10 + r / d;
		r %= d;
	}
	h += q * 100 + (2 * r >= d);
	return (size_t)snprintf(buf, 32, "%lld.%02lld", h / 100, h % 100);
}

static void
put_ratio(struct row *r, long long n, long long d)
{
	r->f[r->n].n = ratio(n, d, r->num[r->n]);
	r->f[r->n].p = r->num[r->n];
	r->n++;
}

/* The next worker's payslips from *i: a group of one worker (its last
 * month's community and post), 0 when there are no more. */
static int
next_worker(size_t *i, struct group *g, const struct worker **w)
{
	static const struct slip *s;
	static struct pay p;
	static int more;

	memset(g, 0, sizeof *g);
	if (*i == 0)
		more = pay_next(i, data.norder, &s, &p);
	for (; more; more = pay_next(i, data.norder, &s, &p)) {
		if (g->last != 0 && g->last != s->key + 1)
			break;
		g->last = s->key + 1;
		g->heads = 1;
		g->n++;
		g->old += compare_gross(s);
		g->gross += p.gross;
		*w = slip_worker(s);
	}
	return g->n > 0;
}

static void
worker_rows(void)
{
	static const char *const cols[] = { "worker_id", "worker_name",
		"community", "post", "months", "gross_old", "gross_new",
		"ratio" };
	struct wr *out = open_out(cols, 8);
	const struct worker *w = NULL;
	struct group g;
	struct row r;
	size_t i = 0;

	while (next_worker(&i, &g, &w)) {
		r.n = 0;
		put_s(&r, w->id);
		put_s(&r, w->name);
		put_s(&r, w->community);
		put_s(&r, w->post);
		put_n(&r, g.n);
		put_m(&r, g.old);
		put_m(&r, g.gross);
		put_ratio(&r, g.gross, g.old);
		wr_rec(out, r.f);
	}
	wr_close(out);
}

static void
post_row(struct wr *w, const struct group *g, const char *total)
{
	struct row r;

	put_keys(&r, g, total);
	put_n(&r, g->heads);
	put_n(&r, g->n);
	if (g->n == 0) { /* the total of none: no mean, no ratio */
		put_s(&r, "");
		put_s(&r, "");
	} else {
		put_m(&r, div_round(g->old, g->n, UNIT_FEN, ROUND_HALF_AWAY));
		put_m(&r, div_round(g->gross, g->n, UNIT_FEN, ROUND_HALF_AWAY));
	}
	put_ratio(&r, g->gross, g->old);
	wr_rec(w, r.f);
}

/* A worker's figures added to its group's (g: its own, one worker). */
static void
add_worker(struct group *to, const struct group *g)
{
	to->heads++;
	to->n += g->n;
	to->old += g->old;
	to->gross += g->gross;
}

static void
post_rows(void)
{
	const char *cols[7];
	struct group all, g;
	const struct worker *w = NULL;
	struct wr *out;
	size_t i = 0, n = 0;

	if (opt.by[BY_COMMUNITY])
		cols[n++] = "community";
	if (opt.by[BY_POST])
		cols[n++] = "post";
	cols[n++] = "headcount";
	cols[n++] = "months";
	cols[n++] = "gross_old_mean";
	cols[n++] = "gross_new_mean";
	cols[n++] = "ratio";
	memset(&all, 0, sizeof all);
	while (next_worker(&i, &g, &w)) {
		add_worker(group_of(w), &g);
		add_worker(&all, &g);
	}
	if (ngroups > 1)
		qsort(groups, ngroups, sizeof *groups, by_key);
	out = open_out(cols, n);
	for (i = 0; i < ngroups; i++)
		post_row(out, &groups[i], NULL);
	if (opt.total)
		post_row(out, &all, cli_term("total"));
	wr_close(out);
	free(groups);
}

void
output_write(void)
{
	if (opt.compare != NULL && opt.summary)
		post_rows();
	else if (opt.compare != NULL)
		worker_rows();
	else if (opt.summary)
		summary();
	else
		payslips();
}
