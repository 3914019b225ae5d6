/*
 * dual-report: the reports.  The period is made (figures.c), the early
 * activities said, the figures of each window gathered per group (unit,
 * community or street; the period, or each month of it); then, unless
 * more records were rejected than max-rejected allows (rej_figures),
 * the report is written: a row per group (and month), sorted by group in
 * byte order, then the totals; or the members' feedback sheet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/dual-report/dr.h"
#include "lib/date.h"
#include "lib/fld.h"
#include "lib/utf8.h"

#define MAXCOLS 12

/* A row being written: its fields and the text of its numbers. */
struct row {
	struct str f[MAXCOLS];
	char num[MAXCOLS][32];
	size_t n;
};

/* What a grouped report gathers: figs[window][group]. */
struct grouped {
	struct window *win;
	long nwin;
	struct fig *figs;
	size_t ngroups;
	struct intern *names;	  /* the groups' names (and for streets, the
				     empty street: number ngroups - 1) */
	uint8_t *listed;	  /* groups that have a row */
	unsigned long long early; /* activities (say_early) */
};

/* a in decimal, after a '-' when neg, into buf (at least 24 bytes):
 * its length (as snprintf's "%lld" writes it, without its cost: a report
 * of 2,000 units writes 20,000 numbers). */
static size_t
dec_fmt(unsigned long long a, int neg, char *buf)
{
	char t[24];
	size_t n = 0, k = 0;

	do {
		t[n++] = (char)('0' + a % 10);
		a /= 10;
	} while (a > 0);
	if (neg)
		buf[k++] = '-';
	while (n > 0)
		buf[k++] = t[--n];
	buf[k] = '\0';
	return k;
}

size_t
hundredths_fmt(long long v, char *buf)
{
	unsigned long long a = v < 0 ? 0 - (unsigned long long)v :
				       (unsigned long long)v;
	size_t k = dec_fmt(a / 100, v < 0, buf);

	buf[k++] = '.';
	buf[k++] = (char)('0' + a % 100 / 10);
	buf[k++] = (char)('0' + a % 10);
	buf[k] = '\0';
	return k;
}

static void
put_str(struct row *r, struct str s)
{
	r->f[r->n++] = s;
}

static void
put_c(struct row *r, const char *s)
{
	put_str(r, str_c(s));
}

static void
put_n(struct row *r, long long v)
{
	r->f[r->n].n = dec_fmt(v < 0 ? 0 - (unsigned long long)v :
				       (unsigned long long)v,
	    v < 0, r->num[r->n]);
	r->f[r->n].p = r->num[r->n];
	r->n++;
}

static void
put_h(struct row *r, long long v)
{
	r->f[r->n].n = hundredths_fmt(v, r->num[r->n]);
	r->f[r->n].p = r->num[r->n];
	r->n++;
}

/* a / b as a percentage, two decimals rounded once half away from zero
 * (a, b >= 0); empty when b is 0. */
static void
put_pct(struct row *r, long long a, long long b)
{
	if (b == 0)
		put_c(r, "");
	else
		put_h(r, (a * 20000 + b) / (2 * b));
}

static void
put_month(struct row *r, const struct window *w)
{
	int y, m, d;

	date_ymd(w->from, &y, &m, &d);
	r->f[r->n].n = (size_t)snprintf(r->num[r->n], 32, "%04d-%02d", y, m);
	r->f[r->n].p = r->num[r->n];
	r->n++;
}

static void
put_day(struct row *r, int32_t day)
{
	if (day == DR_NODAY) {
		put_c(r, "");
		return;
	}
	r->f[r->n].n = date_format(day * DAY_SECS, 0, r->num[r->n]);
	r->f[r->n].p = r->num[r->n];
	r->n++;
}

static struct str
name_of(const struct intern *t, uint32_t n)
{
	struct str none = { "", 0 };

	return n == DR_NONE || n >= intern_len(t) ? none : intern_get(t, n);
}

static struct wr *
open_report(const char *const *cols, size_t n)
{
	struct str names[MAXCOLS];
	unsigned char types[MAXCOLS];

	rej_figures();
	fld_header(cols, n, cli.zh, names, types);
	return wr_open(cli.out_fmt, n, names, types, cli_wr_flags());
}

static const char *
total_word(void)
{
	return cli_term("total");
}

/* ---- the period ---- */

/* When the date options were given and no activity was in their
 * period, say so (with the dates of those outside it). */
static void
period_check(const struct window *p)
{
	size_t i;

	if (!cli.has_period)
		return;
	cli.period.from = p->from * DAY_SECS;
	cli.period.until = (p->to + 1) * DAY_SECS;
	for (i = 0; i < data.nact; i++)
		if (!(data.act[i].flags & A_SKIP))
			cli_in_period(data.act[i].day * DAY_SECS);
	cli_period_end("date");
}

/* ---- units and communities ---- */

static uint32_t *ranks;
static size_t nranks;

static int
by_rank(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	/* a number past the names (the empty street) first */
	long long ra = a < nranks ? (long long)ranks[a] : -1;
	long long rb = b < nranks ? (long long)ranks[b] : -1;

	return ra < rb ? -1 : ra > rb;
}

/* The listed groups of g in byte order of their names: how many. */
static size_t
order_of(const struct grouped *g, uint32_t **out)
{
	uint32_t *o = xcalloc(g->ngroups + 1, sizeof *o);
	size_t i, n = 0;

	for (i = 0; i < g->ngroups; i++)
		if (g->listed[i])
			o[n++] = (uint32_t)i;
	ranks = intern_ranks(g->names);
	nranks = intern_len(g->names);
	qsort(o, n, sizeof *o, by_rank);
	free(ranks);
	*out = o;
	return n;
}

/* The communities without a street, said once (--by street). */
static void
say_no_street(void)
{
	struct buf b = { 0 };
	uint32_t i, *o, n = intern_len(data.comms), k = 0;

	o = xcalloc((size_t)n + 1, sizeof *o);
	for (i = 0; i < n; i++)
		if (data.comm[i].used && data.comm[i].street == DR_NONE)
			o[k++] = i;
	ranks = intern_ranks(data.comms);
	nranks = n;
	qsort(o, k, sizeof *o, by_rank);
	free(ranks);
	for (i = 0; i < k; i++) {
		buf_adds(&b, i > 0 ? ", " : "");
		u8_show(&b, intern_get(data.comms, o[i]).p,
		    intern_get(data.comms, o[i]).n, 40);
	}
	if (k > 0)
		zl_warn(ngettext("%u community has no street (its figures are "
				 "under the empty street): %s",
			    "%u communities have no street (their figures "
			    "are under the empty street): %s",
			    k),
		    k, b.p);
	buf_free(&b);
	free(o);
}

/* Window n's figures of the groups of the report (from the units' and
 * the communities' figures). */
static void
keep_figs(struct grouped *g, long n, const struct fig *ufig,
    const struct fig *cfig)
{
	struct fig *f = &g->figs[(size_t)n * g->ngroups];
	uint32_t i, nc = intern_len(data.comms);

	if (opt.report == R_UNITS) {
		memcpy(f, ufig, g->ngroups * sizeof *f);
		return;
	}
	if (opt.by != BY_STREET) {
		memcpy(f, cfig, g->ngroups * sizeof *f);
		return;
	}
	for (i = 0; i < nc; i++)
		if (data.comm[i].used)
			fig_add(&f[data.comm[i].street == DR_NONE ?
					g->ngroups - 1 :
					data.comm[i].street],
			    &cfig[i]);
}

static void
listed_groups(struct grouped *g)
{
	uint32_t i, n;

	g->listed = xcalloc(g->ngroups + 1, 1);
	if (opt.report == R_UNITS)
		for (i = 0; i < g->ngroups; i++)
			g->listed[i] = (data.unit[i].flags &
					   (U_NAMED | U_EXCLUDED)) == U_NAMED;
	else if (opt.by != BY_STREET)
		for (i = 0; i < g->ngroups; i++)
			g->listed[i] = data.comm[i].used;
	else
		for (i = 0, n = intern_len(data.comms); i < n; i++)
			if (data.comm[i].used)
				g->listed[data.comm[i].street == DR_NONE ?
					g->ngroups - 1 :
					data.comm[i].street] = 1;
}

static void
gather(struct grouped *g, const struct window *p)
{
	struct fig *ufig, *cfig;
	long n;

	g->early = 0;
	g->nwin = opt.by == BY_MONTH ? months_of(p->from, p->to) : 1;
	g->win = xcalloc((size_t)g->nwin, sizeof *g->win);
	for (n = 0; n < g->nwin; n++)
		if (opt.by == BY_MONTH)
			month_window(p, n, &g->win[n]);
		else
			g->win[n] = *p;
	g->names = opt.report == R_UNITS ? data.units :
	    opt.by == BY_STREET		 ? data.streets :
					   data.comms;
	g->ngroups = intern_len(g->names) + (opt.by == BY_STREET);
	g->figs = xcalloc((size_t)g->nwin * g->ngroups + 1, sizeof *g->figs);
	ufig = xmalloc(((size_t)intern_len(data.units) + 1) * sizeof *ufig);
	cfig = xmalloc(((size_t)intern_len(data.comms) + 1) * sizeof *cfig);
	for (n = 0; n < g->nwin; n++) {
		g->early += window_run(&g->win[n], ufig, cfig, NULL);
		keep_figs(g, n, ufig, cfig);
	}
	free(ufig);
	free(cfig);
	listed_groups(g);
}

/* A row of the units or communities report: the group's name (or the
 * total's), the window's month (--by month) and the figures. */
static void
fig_row(struct wr *w, struct str name, const struct window *win,
    const struct fig *f)
{
	struct row r;

	r.n = 0;
	put_str(&r, name);
	if (opt.by == BY_MONTH)
		put_month(&r, win);
	if (opt.report == R_UNITS) {
		put_n(&r, f->members);
		put_n(&r, f->registered);
		put_pct(&r, f->registered, f->members);
		put_n(&r, f->overdue);
		put_n(&r, f->active);
		put_pct(&r, f->active, f->registered);
	} else {
		put_n(&r, f->registered);
		put_n(&r, f->units);
		put_n(&r, f->projects);
		put_n(&r, f->active);
	}
	put_n(&r, f->activities);
	put_n(&r, f->early);
	put_h(&r, f->hours);
	put_n(&r, f->solved);
	wr_rec(w, r.f);
}

static struct wr *
grouped_open(void)
{
	static const char *const ucols[] = { "unit", "month", "members",
		"registered", "registration_pct", "overdue", "active",
		"participation_pct", "activities", "early", "hours", "solved" };
	static const char *const ccols[] = { "community", "month", "registered",
		"units", "projects", "active", "activities", "early", "hours",
		"solved" };
	const char *cols[MAXCOLS];
	const char *const *from = opt.report == R_UNITS ? ucols : ccols;
	size_t i, k = 0, n = opt.report == R_UNITS ? 12 : 10;

	for (i = 0; i < n; i++)
		if (i != 1 || opt.by == BY_MONTH)
			cols[k++] = from[i];
	if (opt.by == BY_STREET)
		cols[0] = "street";
	return open_report(cols, k);
}

static void
grouped_report(const struct window *p)
{
	struct grouped g;
	struct fig t;
	struct wr *w;
	uint32_t *o;
	size_t i, k;
	long n;

	gather(&g, p);
	say_early(p, g.early);
	if (opt.by == BY_STREET)
		say_no_street();
	k = order_of(&g, &o);
	w = grouped_open();
	for (i = 0; i < k; i++)
		for (n = 0; n < g.nwin; n++)
			fig_row(w, name_of(g.names, o[i]), &g.win[n],
			    &g.figs[(size_t)n * g.ngroups + o[i]]);
	for (n = 0; opt.total && n < g.nwin; n++) {
		memset(&t, 0, sizeof t);
		for (i = 0; i < k; i++)
			fig_add(&t, &g.figs[(size_t)n * g.ngroups + o[i]]);
		fig_row(w, str_c(total_word()), &g.win[n], &t);
	}
	wr_close(w);
	free(o);
	free(g.win);
	free(g.figs);
	free(g.listed);
}

/* ---- members ---- */

static uint32_t *unit_rank, *id_rank;

static int
by_unit_id(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	uint32_t ua = unit_rank[data.mem[a].unit];
	uint32_t ub = unit_rank[data.mem[b].unit];

	if (ua != ub)
		return ua < ub ? -1 : 1;
	return id_rank[a] < id_rank[b] ? -1 : id_rank[a] > id_rank[b];
}

/*
 * A phone masked: of n >= 8 characters, the first 3 and the last 4 kept,
 * the rest '*'; shorter, all '*' but the last 2 (into b).
 */
static struct str
mask(struct str s, struct buf *b)
{
	size_t i, k, n = 0, c = 0;
	unsigned cp;

	for (i = 0; i<s.n; i += k> 0 ? k : 1, n++)
		k = u8_decode(s.p + i, s.n - i, &cp);
	buf_reset(b);
	for (i = 0; i<s.n; i += k> 0 ? k : 1, c++) {
		k = u8_decode(s.p + i, s.n - i, &cp);
		if (n >= 8 ? c < 3 || c >= n - 4 : c + 2 >= n)
			buf_add(b, s.p + i, k > 0 ? k : 1);
		else
			buf_addc(b, '*');
	}
	return (struct str) { b->p != NULL ? b->p : "", b->n };
}

static void
member_row(struct wr *w, uint32_t i, const struct mfig *f)
{
	static struct buf mb;
	const struct member *m = &data.mem[i];
	struct str phone = text_get(m->phone);
	struct row r;

	r.n = 0;
	put_str(&r, intern_get(data.ids, i));
	put_str(&r, text_get(m->name));
	put_str(&r, intern_get(data.units, m->unit));
	put_str(&r, name_of(data.comms, m->comm));
	put_str(&r, opt.mask ? mask(phone, &mb) : phone);
	put_day(&r, m->reg);
	put_n(&r, f->acts);
	put_n(&r, f->early);
	put_h(&r, f->hours);
	put_n(&r, f->solved);
	put_c(&r, cli_term(f->active ? "yes" : "no"));
	wr_rec(w, r.f);
}

static void
members_report(const struct window *p, long long only)
{
	static const char *const cols[] = { "member_id", "member_name", "unit",
		"community", "phone", "registered_at", "activities", "early",
		"hours", "solved", "meets_minimum" };
	uint32_t nmem = intern_len(data.ids), i, *o, k = 0;
	struct fig *ufig, *cfig;
	struct mfig *mf;
	struct wr *w;

	ufig = xmalloc(((size_t)intern_len(data.units) + 1) * sizeof *ufig);
	cfig = xmalloc(((size_t)intern_len(data.comms) + 1) * sizeof *cfig);
	mf = xmalloc(((size_t)nmem + 1) * sizeof *mf);
	say_early(p, window_run(p, ufig, cfig, mf));
	o = xcalloc((size_t)nmem + 1, sizeof *o);
	for (i = 0; i < nmem; i++)
		if (!(data.mem[i].flags & M_EXCLUDED) && mf[i].counts &&
		    (only < 0 || data.mem[i].unit == only))
			o[k++] = i;
	unit_rank = intern_ranks(data.units);
	id_rank = intern_ranks(data.ids);
	qsort(o, k, sizeof *o, by_unit_id);
	w = open_report(cols, 11);
	for (i = 0; i < k; i++)
		member_row(w, o[i], &mf[o[i]]);
	wr_close(w);
	free(unit_rank);
	free(id_rank);
	free(o);
	free(mf);
	free(ufig);
	free(cfig);
}

/* --unit NAME: its number; a name no record used gives is exit 2. */
static long long
unit_wanted(void)
{
	const char **names, *near;
	long long u;
	uint32_t i, k = 0, n = intern_len(data.units);

	if (opt.unit == NULL)
		return -1;
	if ((u = unit_named(opt.unit)) >= 0)
		return u;
	names = xcalloc((size_t)n + 1, sizeof *names);
	for (i = 0; i < n; i++)
		if (data.unit[i].flags & U_NAMED)
			names[k++] = intern_get(data.units, i).p;
	near = u8_nearest(opt.unit, names);
	free(names);
	if (near != NULL)
		zl_die(ZL_USAGE,
		    _("--unit: no unit '%s' in the input (did you mean "
		      "'%s'?)"),
		    opt.unit, near);
	zl_die(ZL_USAGE, _("--unit: no unit '%s' in the input"), opt.unit);
}

void
report_write(void)
{
	long long only = unit_wanted();
	struct window p;

	period_make(&p);
	period_check(&p);
	if (opt.report == R_MEMBERS)
		members_report(&p, only);
	else
		grouped_report(&p);
}
