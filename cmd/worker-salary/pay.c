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
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/worker-salary/ws.h"
#include "lib/date.h"
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
	if (b->rt.exp < 0 ||
	    money_mul_rate(t, &b->rt, scale.unit, scale.mode, &v) != 0)
		zl_die(ZL_IOERR, _("an amount too large to compute"));
	return v - b->quick > 0 ? v - b->quick : 0;
}

/*
 * What makes most payslips' check quick: a bound on the tax of a month.
 * With every bracket's rate r from 0 to rmax, the tax table T is, between
 * the brackets' limits, nondecreasing and at most r x the increase (and
 * two units of rounding) a segment; K sums its steps at the limits (and
 * at 0) and those units.  The state of a worker's year keeps tax_ytd >=
 * T(taxable_ytd) (tax_ytd is the most of T so far, or 0 at 0), so this
 * month's tax is at most rmax x max(0, gross - contributions) + K, and
 * the net pay is at least (1 - rmax) x (gross - contributions) - K: not
 * below zero when that is not, whatever the state (which is then not
 * needed, check_quick).  on 0: no such bound (a rate too large, wrong,
 * or with too many decimals).
 */
static struct {
	int on;
	double rmax;
	long long k;
} bound;

/* The most a limit, a taxable or a state's amount may be for the bound:
 * below it money_mul_rate has room for any rate with mant < 2^22. */
#define BOUND_MOST (1LL << 38)

/* 10^e (e from 0 to 18). */
static double
pow10_of(int e)
{
	double v = 1;

	while (e-- > 0)
		v *= 10;
	return v;
}

/* The bound of the scale's brackets (pay_run, before the threads). */
static void
bound_set(void)
{
	const struct bracket *b;
	double r;

	bound.on = 0;
	bound.rmax = 0;
	if (scale.threshold < 0)
		return;
	for (b = scale.br; b < scale.br + scale.nbr; b++) {
		if (b->rt.exp < 0 || b->rt.exp > 18 || b->rt.mant < 0 ||
		    b->rt.mant >= 1LL << 22 || b->upto >= BOUND_MOST)
			return;
		if ((r = (double)b->rt.mant / pow10_of(b->rt.exp)) > bound.rmax)
			bound.rmax = r;
	}
	bound.k = bracket_tax(1) + 2LL * scale.unit;
	for (b = scale.br; b < scale.br + scale.nbr; b++)
		if (b->upto >= 0)
			bound.k += llabs(bracket_tax(b->upto + 1) -
				       bracket_tax(b->upto)) +
			    2LL * scale.unit;
	bound.on = bound.rmax <= 0.95;
}

/* 1 when the state st0 before a worker's first month keeps the bound's
 * tax_ytd >= T(taxable_ytd). */
static int
bound_state(const struct ytd *st0)
{
	if (!bound.on)
		return 0;
	return st0->month < 0 ||
	    (st0->taxable > -BOUND_MOST && st0->taxable < BOUND_MOST &&
		st0->tax < BOUND_MOST && bracket_tax(st0->taxable) <= st0->tax);
}

/* pay_allowance's, w the worker of s. */
static inline long long
allowance_of(const struct worker *w, const struct slip *s, long long amount)
{
	return amount > 0 &&
		(w->cert_month == LONG_MIN || s->month > w->cert_month) ?
	    amount :
	    0;
}

long long
pay_allowance(const struct slip *s, long long amount)
{
	return allowance_of(slip_worker(s), s, amount);
}

long long
pay_absence(const struct scale *sc, const struct slip *s, long long base)
{
	long long day;

	if (s->absence == 0) /* most months: no division */
		return 0;
	day = sc->per_day >= 0 ?
	    sc->per_day :
	    div_round(base * 100, sc->paid_days, sc->unit, sc->mode);
	return div_round(day * s->absence, 100, sc->unit, sc->mode);
}

/* The gross pay of s on base pay base with allowance allow, and its
 * parts, into p. */
static inline void
gross_of(const struct slip *s, long long base, long long allow, struct pay *p)
{
	p->base = base;
	p->allowance = allow;
	p->ded = slip_amount(s, A_DEDUCTION);
	if (s->absence != 0) /* (most months: no call) */
		p->ded += pay_absence(&scale, s, p->base);
	p->gross = p->base + slip_amount(s, A_PERF) + p->allowance +
	    slip_amount(s, A_OVERTIME) + slip_amount(s, A_OTHER) - p->ded;
}

/* The gross pay of s, and its parts, into p. */
static void
gross(const struct slip *s, struct pay *p)
{
	const struct worker *w = slip_worker(s);

	gross_of(s, w->base, allowance_of(w, s, w->allowance), p);
}

/*
 * The contributions of p on the quick path of year y (conf.c's
 * year_fast), over the divisor d = 10^y->fast, a constant where it is
 * called: a division by a constant is a multiplication.
 */
static inline void
quick(struct pay *p, const struct year *y, int sides, unsigned long long d)
{
	/* (all from 0 to 2^62: unsigned, the quicker division) */
	unsigned long long b = (unsigned long long)p->cbase,
			   u = (unsigned long long)y->unit,
			   add = (unsigned long long)y->fadd;
	int k;

	p->contrib = p->er_total = 0;
	for (k = 0; k < C_N; k++) {
		p->ee[k] = (long long)((b * (unsigned long long)y->fm[k][0] +
					   add) /
		    d * u);
		p->contrib += p->ee[k];
	}
	for (k = 0; sides > 1 && k < C_N; k++) {
		p->er[k] = (long long)((b * (unsigned long long)y->fm[k][1] +
					   add) /
		    d * u);
		p->er_total += p->er[k];
	}
}

/* A case of contrib_quick: each divisor a constant where quick is
 * inlined. */
#define QUICK(e, d)                    \
	case e:                        \
		quick(p, y, sides, d); \
		return 1

/* The contributions of p by the quick path of y: 1, or 0 when not for
 * this base or year. */
static int
contrib_quick(struct pay *p, const struct year *y, int sides)
{
	if (p->cbase < 0 || p->cbase >= 1LL << 31)
		return 0;
	switch (y->fast) {
		QUICK(0, 1);
		QUICK(1, 10);
		QUICK(2, 100);
		QUICK(3, 1000);
		QUICK(4, 10000);
		QUICK(5, 100000);
		QUICK(6, 1000000);
	}
	return 0;
}

/*
 * The contributions of p, the employee's (sides 1) or both (2): 0, or -1
 * when a rate cannot be applied.  Most by the quick path; else the last
 * ones computed are kept (by each thread): a worker's base is often the
 * same month after month (its contribution_base, or a limit).
 */
static int
contributions(const struct slip *s, struct pay *p, const struct year *y,
    int sides)
{
	static _Thread_local const struct year *ly;
	static _Thread_local long long lbase;
	static _Thread_local int lsides;
	static _Thread_local struct pay last;
	const struct worker *w = slip_worker(s);
	int k, e;

	p->cbase = w->cbase != WS_NONE ? w->cbase : p->gross;
	if (p->cbase < y->base_min)
		p->cbase = y->base_min;
	if (p->cbase > y->base_max)
		p->cbase = y->base_max;
	if (y == ly && p->cbase == lbase && sides <= lsides) {
		memcpy(p->ee, last.ee, sizeof p->ee);
		memcpy(p->er, last.er, sizeof p->er);
		p->contrib = last.contrib;
		p->er_total = last.er_total;
		return 0;
	}
	if (contrib_quick(p, y, sides)) {
		ly = y;
		lbase = p->cbase;
		lsides = sides;
		memcpy(last.ee, p->ee, sizeof p->ee);
		memcpy(last.er, p->er, sizeof p->er);
		last.contrib = p->contrib;
		last.er_total = p->er_total;
		return 0;
	}
	p->contrib = p->er_total = 0;
	for (k = 0; k < C_N; k++)
		for (e = 0; e < sides; e++) {
			long long *v = e ? &p->er[k] : &p->ee[k];

			*v = 0; /* a rate of 0% (work injury's employee) */
			if (y->rt[k][e].exp < 0 ||
			    (y->rt[k][e].mant != 0 &&
				money_mul_rate(p->cbase, &y->rt[k][e], y->unit,
				    y->mode, v) != 0))
				return -1;
			*(e ? &p->er_total : &p->contrib) += *v;
		}
	ly = y;
	lbase = p->cbase;
	lsides = sides;
	last = *p;
	return 0;
}

/* The tax of s after the state st (st->month -1: none this year). */
static void
tax(const struct slip *s, struct pay *p, const struct ytd *st)
{
	long year = s->month / 12, start = year * 12;
	long long before = 0;

	if (st->month >= 0 && st->month / 12 == year) {
		start = st->month + 1;
		before = st->taxable;
		p->tax_ytd = st->tax;
	} else {
		p->tax_ytd = 0;
		const struct worker *w = slip_worker(s);

		if (w->hire_month != LONG_MIN && w->hire_month > start)
			start = w->hire_month;
	}
	p->taxable_ytd = before + p->gross -
	    scale.threshold * (s->month - start + 1) - p->contrib -
	    slip_amount(s, A_SAD);
	p->tax = bracket_tax(p->taxable_ytd) - p->tax_ytd;
	if (p->tax < 0)
		p->tax = 0;
	p->tax_ytd += p->tax;
	p->net = p->gross - p->contrib - p->tax;
}

/* The payslip of s after the state st, into p (its year configured);
 * the employer's contributions too with sides 2 (see contributions). */
static void
compute(const struct slip *s, const struct ytd *st, struct pay *p, int sides)
{
	gross(s, p);
	if (contributions(s, p, conf_year(s->month / 12), sides) != 0)
		zl_die(ZL_IOERR, _("an amount too large to compute"));
	tax(s, p, st);
}

/*
 * 1 when the net pay of s is not below zero whatever the state before
 * it (with tax_ytd >= T(taxable_ytd), bound's): its amounts, gross and
 * base on the quick path (no amount too large to compute), and the gross
 * above the most its employee's contributions can be by the bound.
 */
static int
quick_net(const struct slip *s, const struct year *y, long long base,
    long long cbase, long long allow)
{
	struct pay p;
	long long b;
	double rest;
	uint32_t or = 0;
	int k;

	if (!bound.on || y->fast < 0)
		return 0;
	for (k = 0; k < A_N; k++) /* (each below 2^31: none in data.big) */
		or |= s->a[k];
	if (or >= 0x80000000u)
		return 0;
	gross_of(s, base, allow, &p);
	b = cbase != WS_NONE ? cbase : p.gross;
	if (b < y->base_min)
		b = y->base_min;
	if (b > y->base_max)
		b = y->base_max;
	if (p.gross < 0 || p.gross >= 1LL << 31 || b < 0 || b >= 1LL << 31)
		return 0;
	rest = (double)p.gross - ((double)b * y->ee_mul + y->ee_add);
	return rest >= 0 &&
	    rest * (1 - bound.rmax) >= (double)bound.k + 1 + rest * 1e-12;
}

/* quick_net's of s and its worker. */
static int
check_quick(const struct slip *s, const struct year *y)
{
	const struct worker *w = slip_worker(s);

	return quick_net(s, y, w->base, w->cbase,
	    allowance_of(w, s, w->allowance));
}

/*
 * What pay_quick needs of each worker, by key (pay_facts): small and
 * apart from the roster's records (144 bytes each), as the parts read
 * the items month after month, each month every worker again.  Amounts
 * below 2^31 fen; months INT32_MIN: none; hire_month INT32_MAX: not for
 * pay_quick (no worker, or a figure beyond these).
 */
static struct fact {
	int32_t base, cbase, allowance, cert_month, hire_month;
} * facts;
static size_t nfacts;

/* A month of a worker (LONG_MIN: none) as a fact keeps it, the same
 * before and after every slip's month (0 to SLIP_MONTHS). */
static int32_t
fact_month(long m)
{
	return m == LONG_MIN || m < INT32_MIN ? INT32_MIN :
	    m > INT32_MAX		      ? INT32_MAX :
						(int32_t)m;
}

static struct fact
fact_of(const struct worker *w)
{
	struct fact f = { 0, INT32_MIN, 0, INT32_MIN, INT32_MAX };

	if (w == NULL || w->base < 0 || w->base >= 1LL << 31 ||
	    w->allowance < 0 || w->allowance >= 1LL << 31 ||
	    (w->cbase != WS_NONE && (w->cbase < 0 || w->cbase >= 1LL << 31)))
		return f;
	f.base = (int32_t)w->base;
	f.cbase = w->cbase != WS_NONE ? (int32_t)w->cbase : INT32_MIN;
	f.allowance = (int32_t)w->allowance;
	f.cert_month = fact_month(w->cert_month);
	f.hire_month = fact_month(w->hire_month);
	return f;
}

/* Are facts and nfacts written?  (Atomic: the threads that read items
 * ask while the main thread writes them.) */
static int facts_ready = 1;
static pthread_mutex_t facts_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t facts_cv = PTHREAD_COND_INITIALIZER;

void
pay_facts_unready(void)
{
	__atomic_store_n(&facts_ready, 0, __ATOMIC_RELEASE);
}

int
pay_facts_ready(void)
{
	return __atomic_load_n(&facts_ready, __ATOMIC_ACQUIRE);
}

void
pay_facts_wait(void)
{
	if (pay_facts_ready())
		return;
	pthread_mutex_lock(&facts_mu);
	while (!pay_facts_ready())
		pthread_cond_wait(&facts_cv, &facts_mu);
	pthread_mutex_unlock(&facts_mu);
}

void
pay_facts(void)
{
	size_t k;

	nfacts = intern_len(data.ids);
	free(facts);
	facts = xhuge((nfacts + 1) * sizeof *facts); /* (written here) */
	for (k = 0; k < nfacts; k++)
		facts[k] = fact_of(data.keys[k].w);
	pthread_mutex_lock(&facts_mu);
	__atomic_store_n(&facts_ready, 1, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&facts_cv);
	pthread_mutex_unlock(&facts_mu);
}

void
pay_init(void)
{
	bound_set();
}

int
pay_quick(const struct slip *s)
{
	const struct year *y = conf_year(s->month / 12);
	const struct fact *f;
	long m = (long)s->month;

	if (s->key >= nfacts || y == NULL)
		return 0;
	f = &facts[s->key];
	if (f->hire_month > m)
		return 0;
	return quick_net(s, y, f->base,
	    f->cbase == INT32_MIN ? WS_NONE : f->cbase,
	    f->allowance > 0 &&
		    (f->cert_month == INT32_MIN || m > f->cert_month) ?
		f->allowance :
		0);
}

/* The month of s checked (its year configured, the worker hired): 1,
 * or 0 when rejected. */
static int
check_month(const struct slip *s)
{
	const struct worker *w = slip_worker(s);
	char m[16], h[16];

	if (conf_year(s->month / 12) == NULL) {
		month_fmt(s->month, m);
		slip_reject(s,
		    _("month %s: no contributions for the year %ld in the "
		      "configuration (add worker-salary.contributions.%ld)"),
		    m, (long)s->month / 12, (long)s->month / 12);
		return 0;
	}
	if (w->hire_month != LONG_MIN && w->hire_month > s->month) {
		month_fmt(s->month, m);
		month_fmt(w->hire_month, h);
		slip_reject(s,
		    _("month %s: before the worker was hired "
		      "(hired_at %s)"),
		    m, h);
		return 0;
	}
	return 1;
}

/* The payslip of s after the state st computed, its net pay checked: 1,
 * or 0 when rejected. */
static int
check_net(const struct slip *s, const struct ytd *st, struct pay *p)
{
	char m[16], net[32];

	compute(s, st, p, 1); /* what the employer pays rejects nothing */
	if (p->net < 0) {
		month_fmt(s->month, m);
		money_format(p->net, net);
		slip_reject(s, _("month %s: net pay below zero (%s)"), m, net);
		return 0;
	}
	return 1;
}

/* A slip whose worker is not in the roster. */
static void
not_in_roster(const struct slip *s)
{
	const char *id = intern_get(data.ids, s->key).p;

	if (data.keys[s->key].rejected)
		slip_reject(s,
		    _("worker '%s': the roster's row of the worker was "
		      "rejected"),
		    id);
	else if (data.nroster == 0)
		slip_reject(s,
		    _("worker '%s' is not in the roster (no roster was read: "
		      "give its file too)"),
		    id);
	else
		slip_reject(s, _("worker '%s' is not in the roster"), id);
}

void
join_range(size_t from, size_t to)
{
	struct worker *w;
	size_t i;

	for (i = from; i < to; i++) {
		struct slip *s = &data.slips[data.order[i]];

		if (s->own)
			continue;
		if ((w = data.keys[s->key].w) == NULL)
			not_in_roster(s);
		else
			w->paid = 1;
	}
}

/* Has worker w of key k monthly items?  (data.quick: its months, with
 * no look at the worker's record.) */
static int
paid(uint32_t k, const struct worker *w)
{
	if (data.quick == 1)
		return k < data.nmonths && data.months[k] != 0;
	return w->paid;
}

void
join_warn(void)
{
	uint32_t nk = intern_len(data.ids), *byrank;
	struct worker *w;
	size_t i;

	byrank = data.rank_same ? NULL :
				  xcalloc((size_t)nk + 1, sizeof *byrank);
	for (i = 0; byrank != NULL && i < nk; i++)
		byrank[data.rank[i]] = (uint32_t)i;
	for (i = 0; i < nk; i++) {
		uint32_t k = byrank != NULL ? byrank[i] : (uint32_t)i;

		w = data.keys[k].w;
		if (w != NULL && !paid(k, w))
			zl_warn_at(w->file, w->line,
			    _("worker '%s' of the roster has no monthly items"),
			    w->id);
	}
	free(byrank);
}

/* The state of a worker's year before its first month (--ytd's). */
static struct ytd
state_of(const struct slip *s)
{
	struct ytd st = { -1, 0, 0 };
	int32_t y = data.keys[s->key].ytd;

	return y >= 0 ? data.ytd[y] : st;
}

/* The state st brought on by the slips accepted of order[from, to). */
static void
state_on(size_t from, size_t to, struct ytd *st)
{
	struct pay p;

	for (; from < to; from++) {
		const struct slip *s = &data.slips[data.order[from]];

		if (!s->ok)
			continue;
		compute(s, st, &p, 1);
		st->month = s->month;
		st->taxable = p.taxable_ytd;
		st->tax = p.tax_ytd;
	}
}

/* Slip w, order[i], accepted or rejected by its pay (after the state st
 * computed up to order[*at], or SIZE_MAX: up to w): check_quick's, or
 * computed. */
static void
pay_check(struct slip *w, size_t i, struct ytd *st, size_t *at, int quick)
{
	struct pay p;

	if (quick && check_quick(w, conf_year(w->month / 12))) {
		w->ok = 1;
		if (*at == SIZE_MAX)
			*at = i;
		return;
	}
	if (*at != SIZE_MAX)
		state_on(*at, i, st);
	*at = SIZE_MAX;
	if ((w->ok = (uint32_t)check_net(w, st, &p) & 1u) != 0) {
		st->month = w->month;
		st->taxable = p.taxable_ytd;
		st->tax = p.tax_ytd;
	}
}

/* The slips of one worker, order[from, to), checked in month order. */
static void
worker_run(size_t from, size_t to)
{
	const struct slip *first = &data.slips[data.order[from]];
	const struct ytd st0 = state_of(first);
	struct ytd st = st0;
	const struct slip *last = NULL;
	int quick = bound_state(&st0);
	char m[16], n[16];
	size_t i, at = SIZE_MAX;

	for (i = from; i < to; i++) {
		struct slip *s = &data.slips[data.order[i]];

		if (slip_worker(s) == NULL)
			continue;
		if (last != NULL && last->month == s->month) {
			month_fmt(s->month, m);
			slip_reject(s,
			    _("month %s of worker '%s' twice (first at %s:%ld)"),
			    m, slip_worker(s)->id,
			    rd_file(data.readers[slip_file(last)]),
			    slip_lineno(last));
		} else if (st0.month >= 0 && s->month <= st0.month) {
			month_fmt(s->month, m);
			month_fmt(st0.month, n);
			slip_reject(s,
			    _("month %s: not after the --ytd state of worker "
			      "'%s' (%s)"),
			    m, slip_worker(s)->id, n);
		} else if (check_month(s))
			pay_check(s, i, &st, &at, quick);
		if (last == NULL || last->month != s->month)
			last = s;
	}
}

/* The end of the worker's slips that begin at order[i]. */
static size_t
worker_end(size_t i)
{
	uint32_t k = data.slips[data.order[i]].key;

	while (++i < data.norder && data.slips[data.order[i]].key == k)
		;
	return i;
}

void
pay_range(size_t from, size_t to)
{
	size_t i, j;

	for (i = from; i < to; i = j)
		worker_run(i, j = worker_end(i));
}

void
pay_run(void)
{
	free(facts); /* (the reading's) */
	facts = NULL;
	nfacts = 0;
	if (data.quick == 1 && opt.ytd == NULL) { /* (nothing to check) */
		join_warn();
		return;
	}
	data.quick = -1;
	if (jobs_pay())
		return;
	order_months(0, data.norder);
	join_range(0, data.norder);
	join_warn();
	pay_range(0, data.norder);
}

/* The time of a month's first day, for the period options. */
static long long
month_time(long m)
{
	return (long long)date_days((int)(m / 12), (int)(m % 12) + 1, 1) *
	    DAY_SECS;
}

int
pay_next(size_t *i, size_t to, const struct slip **sp, struct pay *p)
{
	static _Thread_local struct ytd st;
	static _Thread_local uint32_t key = UINT32_MAX;

	for (; *i < to; ++*i) {
		const struct slip *s = &data.slips[data.order[*i]];

		slip_ahead(*i, to);
		if (*i == 0 || s->key != key) {
			if (data.quick ==
			    1) { /* (its months not in order yet) */
				order_months(*i, worker_end(*i));
				s = &data.slips[data.order[*i]];
			}
			key = s->key;
			st = state_of(s);
		}
		if (!s->ok && data.quick != 1)
			continue;
		compute(s, &st, p, 2);
		st.month = s->month;
		st.taxable = p->taxable_ytd;
		st.tax = p->tax_ytd;
		if (cli.has_period && !cli_in_period(month_time(s->month)))
			continue;
		*sp = s;
		++*i;
		return 1;
	}
	return 0;
}
