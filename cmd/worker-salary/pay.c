/*
 * worker-salary: the payslips.  The monthly items sorted by worker and
 * month, each joined to its roster worker, then computed worker by worker
 * in month order, the year to date carried from the --ytd state or the
 * worker's earlier months:
 *
 *	gross = base + performance + allowance + overtime + other_pay
 *		- deduction - absence days x the day's pay
 *	contribution base = contribution_base or gross, in [base-min,
 *		base-max]; each item base x rate, rounded on its own
 *	taxable_ytd = the last month's + gross - threshold x the months
 *		since it - contributions - special additional deduction
 *		(the first month of a year: from January, or the hire month)
 *	tax = bracket tax of taxable_ytd - tax_ytd before, not below 0
 *	net = gross - contributions - tax
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/worker-salary/ws.h"
#include "lib/money.h"

long long
div_round(long long a, long long b, int unit, int mode)
{
	long long d = b * unit, q = a / d, r = a % d;

	if ((mode == ROUND_HALF_AWAY && 2 * r >= d) ||
	    (mode == ROUND_UP && r > 0))
		q++;
	return q * unit;
}

static int
by_slip(const void *a, const void *b)
{
	const struct slip *x = a, *y = b;
	int d = strcmp(x->id, y->id);

	if (d != 0)
		return d;
	if (x->month != y->month)
		return x->month < y->month ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The tax on cumulative taxable income t (fen) by the bracket table. */
static long long
bracket_tax(long long t)
{
	const struct bracket *b = scale.br;
	long long v;

	if (t <= 0 || scale.nbr == 0)
		return 0;
	while (b < scale.br + scale.nbr - 1 && b->upto >= 0 && t > b->upto)
		b++;
	if (money_mul(t, b->rate, scale.unit, scale.mode, &v) != 0)
		zl_die(ZL_IOERR, _("an amount too large to compute"));
	return v - b->quick > 0 ? v - b->quick : 0;
}

long long
pay_allowance(const struct slip *s, long long amount)
{
	const struct worker *w = s->w;

	return amount > 0 &&
		(w->cert_month == LONG_MIN || s->month > w->cert_month) ?
	    amount :
	    0;
}

long long
pay_absence(const struct scale *sc, const struct slip *s, long long base)
{
	long long day = sc->per_day >= 0 ?
	    sc->per_day :
	    div_round(base * 100, sc->paid_days, sc->unit, sc->mode);

	return div_round(day * s->absence, 100, sc->unit, sc->mode);
}

/* The gross pay of s, and its parts. */
static void
gross(struct slip *s)
{
	s->base = s->w->base;
	s->allowance = pay_allowance(s, s->w->allowance);
	s->ded = s->deduction + pay_absence(&scale, s, s->base);
	s->gross = s->base + s->perf + s->allowance + s->overtime + s->other -
	    s->ded;
}

/* The contributions of s: 0, or -1 when a rate cannot be applied. */
static int
contributions(struct slip *s, const struct year *y)
{
	int k, e;

	s->cbase = s->w->cbase != WS_NONE ? s->w->cbase : s->gross;
	if (s->cbase < y->base_min)
		s->cbase = y->base_min;
	if (s->cbase > y->base_max)
		s->cbase = y->base_max;
	s->contrib = s->er_total = 0;
	for (k = 0; k < C_N; k++)
		for (e = 0; e < 2; e++) {
			long long *v = e ? &s->er[k] : &s->ee[k];

			if (money_mul(s->cbase, y->rate[k][e], y->unit, y->mode,
				v) != 0)
				return -1;
			*(e ? &s->er_total : &s->contrib) += *v;
		}
	return 0;
}

/* The tax of s after the state st (st->month -1: none this year). */
static void
tax(struct slip *s, const struct ytd *st)
{
	long year = s->month / 12, start = year * 12;
	long long before = 0;

	if (st->month >= 0 && st->month / 12 == year) {
		start = st->month + 1;
		before = st->taxable;
		s->tax_ytd = st->tax;
	} else {
		s->tax_ytd = 0;
		if (s->w->hire_month != LONG_MIN && s->w->hire_month > start)
			start = s->w->hire_month;
	}
	s->taxable_ytd = before + s->gross -
	    scale.threshold * (s->month - start + 1) - s->contrib - s->sad;
	s->tax = bracket_tax(s->taxable_ytd) - s->tax_ytd;
	if (s->tax < 0)
		s->tax = 0;
	s->tax_ytd += s->tax;
	s->net = s->gross - s->contrib - s->tax;
}

/* One payslip after the state st: 1, or 0 when rejected. */
static int
compute(struct slip *s, const struct ytd *st)
{
	const struct year *y = conf_year(s->month / 12);
	char m[16], h[16], net[32];

	month_fmt(s->month, m);
	if (y == NULL) {
		rec_reject(s->rec,
		    _("month %s: no contributions for the year %ld in the "
		      "configuration (add worker-salary.contributions.%ld)"),
		    m, s->month / 12, s->month / 12);
		return 0;
	}
	if (s->w->hire_month != LONG_MIN && s->w->hire_month > s->month) {
		month_fmt(s->w->hire_month, h);
		rec_reject(s->rec,
		    _("month %s: before the worker was hired "
		      "(hired_at %s)"),
		    m, h);
		return 0;
	}
	gross(s);
	if (contributions(s, y) != 0)
		zl_die(ZL_IOERR, _("an amount too large to compute"));
	tax(s, st);
	if (s->net < 0) {
		money_format(s->net, net);
		rec_reject(s->rec, _("month %s: net pay below zero (%s)"), m,
		    net);
		return 0;
	}
	return 1;
}

/* A slip whose worker is not in the roster. */
static void
not_in_roster(const struct slip *s)
{
	if (roster_rejected(s->id))
		rec_reject(s->rec,
		    _("worker '%s': the roster's row of the worker was "
		      "rejected"),
		    s->id);
	else if (data.nroster == 0)
		rec_reject(s->rec,
		    _("worker '%s' is not in the roster (no roster was read: "
		      "give its file too)"),
		    s->id);
	else
		rec_reject(s->rec, _("worker '%s' is not in the roster"),
		    s->id);
}

/* Each slip joined to its roster worker (rejected when none). */
static void
join(void)
{
	size_t i;

	for (i = 0; i < data.nslips; i++) {
		struct slip *s = &data.slips[i];

		if (s->own)
			continue;
		if ((s->w = roster_find(s->id)) == NULL)
			not_in_roster(s);
		else
			s->w->paid = 1;
	}
	for (i = 0; i < data.nroster; i++)
		if (!data.roster[i]->paid)
			zl_warn_at(data.roster[i]->rec->file,
			    data.roster[i]->rec->line,
			    _("worker '%s' of the roster has no monthly items"),
			    data.roster[i]->id);
}

/* The slips of one worker, [from, to), in month order. */
static void
worker_run(size_t from, size_t to)
{
	const struct ytd *y = ytd_find(data.slips[from].id);
	struct ytd st = { NULL, -1, 0, 0 };
	const struct slip *last = NULL;
	char m[16], n[16];
	size_t i;

	if (y != NULL)
		st = *y;
	for (i = from; i < to; i++) {
		struct slip *s = &data.slips[i];

		if (s->w == NULL)
			continue;
		month_fmt(s->month, m);
		if (last != NULL && last->month == s->month)
			rec_reject(s->rec,
			    _("month %s of worker '%s' twice (first at %s:%ld)"),
			    m, s->id, last->rec->file, last->rec->line);
		else if (y != NULL && s->month <= y->month) {
			month_fmt(y->month, n);
			rec_reject(s->rec,
			    _("month %s: not after the --ytd state of worker "
			      "'%s' (%s)"),
			    m, s->id, n);
		} else if ((s->ok = compute(s, &st)) != 0) {
			st.month = s->month;
			st.taxable = s->taxable_ytd;
			st.tax = s->tax_ytd;
		}
		if (last == NULL || last->month != s->month)
			last = s;
	}
}

void
pay_run(void)
{
	size_t i, j;

	if (data.nslips > 1)
		qsort(data.slips, data.nslips, sizeof *data.slips, by_slip);
	join();
	for (i = 0; i < data.nslips; i = j) {
		for (j = i + 1; j < data.nslips &&
		     strcmp(data.slips[j].id, data.slips[i].id) == 0;
		     j++)
			;
		worker_run(i, j);
	}
}
