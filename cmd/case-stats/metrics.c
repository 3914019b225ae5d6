/*
 * case-stats: what a case adds to the statistics of its group (and takes
 * out of them again), and the eighteen metrics computed from them exactly:
 * integers, rounded once, half away from zero; percentiles of the exact
 * durations (PERCENTILE.INC), or of the histogram of --partial and
 * --merge.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/stats.h"

/* 128-bit integers: products of counts that do not fit in 64 bits. */
__extension__ typedef unsigned __int128 u128;

const struct metric metrics[M_N] = {
	{ "total", "事件总数", 0 },
	{ "closed", "办结数", 0 },
	{ "open", "在办数", 0 },
	{ "returned", "退回数", 0 },
	{ "cancelled", "作废数", 0 },
	{ "resolution_pct", "办结率(%)", 1 },
	{ "on_time", "按期办结数", 0 },
	{ "closed_late", "超期办结数", 0 },
	{ "with_deadline", "有时限办结数", 0 },
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

/* ---- what a case adds to its group ---- */

unsigned
case_flags(const struct kase *k)
{
	unsigned f = (unsigned)k->state | (unsigned)k->sat << 2;

	if (k->state == ST_CLOSED && k->due != NO_TIME) {
		f |= FL_DUE;
		if (k->closed <= k->due)
			f |= FL_ON_TIME;
	}
	if ((k->state == ST_OPEN || k->state == ST_RETURNED) &&
	    k->due != NO_TIME && k->due < opt.as_of)
		f |= FL_OVERDUE;
	return f;
}

uint32_t
case_duration(const struct kase *k)
{
	return k->state == ST_CLOSED ? (uint32_t)(k->closed - k->reported) : 0;
}

/* Count a case (flags f, duration dur) in a or, with step -1, out of it. */
static void
count(struct acc *a, unsigned f, uint32_t dur, uint64_t step)
{
	/* step: 1, or -1 (acc_sub): unsigned, it wraps to a subtraction */
	a->n[f & FL_STATE] += step;
	if (f & FL_DUE)
		a->due += step;
	if (f & FL_ON_TIME)
		a->on_time += step;
	if (f & FL_OVERDUE)
		a->overdue += step;
	if ((f & FL_SAT) != 0)
		a->rated += step;
	if ((f & FL_SAT) == SAT_SATISFIED << 2)
		a->satisfied += step;
	if ((f & FL_STATE) == ST_CLOSED) {
		a->hours_n += step;
		a->hours_sum += step * dur;
	}
}

void
acc_add_flags(struct acc *a, unsigned f, uint32_t dur)
{
	count(a, f, dur, 1);
	if ((f & FL_STATE) != ST_CLOSED)
		return;
	if (dur > a->hours_max)
		a->hours_max = dur;
	if (opt.mode == MODE_PARTIAL && !opt.exact) {
		if (a->hist == NULL)
			a->hist = hist_new();
		hist_add(a->hist, (double)dur);
		return;
	}
	if (a->ndur == a->capdur)
		a->dur = xgrow(a->dur, &a->capdur, 16, sizeof *a->dur);
	a->dur[a->ndur++] = dur;
}

void
acc_add(struct acc *a, const struct kase *k)
{
	acc_add_flags(a, case_flags(k), case_duration(k));
}

void
acc_reserve(struct acc *a, size_t more)
{
	if (a->ndur + more <= a->capdur)
		return;
	a->capdur = a->ndur + more;
	a->dur = xreallocarray(a->dur, a->capdur, sizeof *a->dur);
}

/* ---- a case taken out of its group again ---- */

static uint64_t *removed; /* group << 32 | duration, closed cases */
static size_t nremoved, capremoved;

void
acc_sub(uint32_t gid, const struct kase *k)
{
	struct acc *a = &group_at(gid)->acc;
	unsigned f = case_flags(k);
	uint32_t dur = case_duration(k);

	count(a, f, dur, (uint64_t)-1);
	if ((f & FL_STATE) != ST_CLOSED)
		return;
	if (nremoved == capremoved)
		removed = xgrow(removed, &capremoved, 256, sizeof *removed);
	removed[nremoved++] = (uint64_t)gid << 32 | dur;
}

/* Take the durations of the cases taken out out of their groups' arrays
 * (sorted: one merge per group), and find the longest again. */
void
acc_sub_finish(void)
{
	size_t i = 0, j;

	sort_u64(removed, nremoved);
	while (i < nremoved) {
		uint32_t gid = (uint32_t)(removed[i] >> 32);
		struct acc *a = &group_at(gid)->acc;
		size_t r, w = 0;

		for (j = i; j < nremoved && removed[j] >> 32 == gid; j++)
			;
		sort_u32(a->dur, a->ndur);
		for (r = 0; r < a->ndur; r++) {
			if (i < j && a->dur[r] == (uint32_t)removed[i]) {
				i++;
				continue;
			}
			a->dur[w++] = a->dur[r];
		}
		if (i != j)
			zl_die(ZL_IOERR,
			    "internal error: a duration not found");
		a->ndur = w;
		a->hours_max = w > 0 ? a->dur[w - 1] : 0;
		i = j;
	}
	free(removed);
	removed = NULL;
	nremoved = capremoved = 0;
}

void
acc_total(struct acc *t)
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
			memcpy(t->dur + t->ndur, a->dur,
			    a->ndur * sizeof *a->dur);
			t->ndur += a->ndur;
		}
	}
}

int
group_empty(const struct group *g)
{
	const struct acc *a = &g->acc;

	return a->n[0] + a->n[1] + a->n[2] + a->n[3] == 0;
}

/* ---- the metrics ---- */

/* round(num / den), half away from zero, for non-negative num and
 * positive den; none when den is 0. */
static struct val
ratio(u128 num, u128 den)
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
	u128 num = (u128)100 * x[k];

	if (r > 0)
		num += (u128)r * (x[k + 1] - x[k]);
	return ratio(num, 3600);
}

static struct val
hundredths_of_hour(double secs)
{
	struct val r = { 0, 0 };

	/* (no histogram: NAN, none) */
	if (!(secs >= 0) || secs > 1e15)
		return r;
	r.v = (long long)floor(secs * 100 / 3600 + 0.5);
	r.ok = 1;
	return r;
}

/* The durations' metrics: median, 90th percentile, longest. */
static void
hours_of(struct acc *a, struct val *m)
{
	if (a->hours_n == 0) {
		m[M_H_MEDIAN].ok = m[M_H_P90].ok = m[M_H_MAX].ok = 0;
		return;
	}
	m[M_H_MAX] = ratio((u128)a->hours_max * 100, 3600);
	if (a->hist != NULL) {
		m[M_H_MEDIAN] = hundredths_of_hour(
		    hist_percentile(a->hist, 0.5));
		m[M_H_P90] = hundredths_of_hour(hist_percentile(a->hist, 0.9));
		/* (within 1%: never above the longest, known exactly) */
		if (m[M_H_MEDIAN].v > m[M_H_MAX].v)
			m[M_H_MEDIAN].v = m[M_H_MAX].v;
		if (m[M_H_P90].v > m[M_H_MAX].v)
			m[M_H_P90].v = m[M_H_MAX].v;
	} else {
		sort_u32(a->dur, a->ndur);
		m[M_H_MEDIAN] = percentile(a->dur, a->ndur, 50);
		m[M_H_P90] = percentile(a->dur, a->ndur, 90);
	}
}

void
metrics_of(struct acc *a, struct val *m)
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
	m[M_RESOLUTION] = ratio((u128)a->n[ST_CLOSED] * 10000,
	    total - a->n[ST_CANCELLED]);
	m[M_ON_TIME].v = (long long)a->on_time;
	m[M_CLOSED_LATE].v = (long long)(a->due - a->on_time);
	m[M_WITH_DEADLINE].v = (long long)a->due;
	m[M_ON_TIME_PCT] = ratio((u128)a->on_time * 10000, a->due);
	m[M_OVERDUE].v = (long long)a->overdue;
	m[M_H_MEAN] = ratio((u128)a->hours_sum * 100, (u128)a->hours_n * 3600);
	m[M_RATED].v = (long long)a->rated;
	m[M_SATISFIED].v = (long long)a->satisfied;
	m[M_SAT_PCT] = ratio((u128)a->satisfied * 10000, a->rated);
	hours_of(a, m);
}
