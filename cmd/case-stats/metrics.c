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

/*
 * What counting keeps of a group: a word.  0: no case; one case: 1 << 40,
 * its flags << 32, its duration; more: TALLY | the number of its tally,
 * which counts them, its closed cases' durations in a pool of all the
 * groups', in chunks of the tally's (4 durations, twice as many in each
 * next up to CHUNK_MOST, after a header: the next chunk's offset), put
 * together by group at the end (acc_finish).  So a group of one case
 * (--by case_id) takes 8 bytes, a duration 4 (a pool of group << 32 |
 * duration took 8, all of them fresh memory).
 */
#define ONE   (1ULL << 40)
#define TALLY (1ULL << 63)

#define CHUNK_FIRST 4
#define CHUNK_MOST  (1u << 16)
#define HEAD	    2 /* words before a chunk's durations: the next's offset */

struct tally {
	uint64_t n[ST_N], on_time, due, overdue, rated, satisfied;
	size_t at, nd; /* its durations: dur[at, at + nd) after acc_finish */
	size_t nruns;  /* (place: of its durations, those of runs) */
	size_t first, last; /* its chunks in the pool (cap 0: none yet) */
	uint32_t cap, used; /* the last one's room, and its durations */
	size_t npooled;	    /* in all its chunks */
	uint64_t sum;	    /* of its durations */
};

/* A run of sorted durations of another table's group (acc_merge). */
struct run {
	uint32_t g;
	const uint32_t *d;
	size_t n;
	size_t t, seq; /* (place: its tally, its number) */
};

static int acc_nthreads = 1; /* acc_threads */

/* The statistics of the groups: the main thread's (acc_*), or a thread's
 * own (accs_*, its groups numbered its own way). */
struct accs {
	uint64_t *word; /* per group */
	size_t capword;
	struct tally *tally;
	size_t ntally, captally;
	uint32_t *pool; /* chunks of durations, as they come (tally_add) */
	size_t npool, cappool;
	uint32_t *dur;	   /* the durations by group, after acc_finish */
	size_t ndur;	   /* (its room) */
	uint64_t *removed; /* group << 32 | duration, closed cases */
	size_t nremoved, capremoved;
	struct run *run; /* acc_merge */
	size_t nrun, caprun;
};

static struct accs A;

/* Count a case of flags f in t or, with step -1, out of it. */
static void
count(struct tally *t, unsigned f, uint64_t step)
{
	/* step: 1, or -1 (acc_sub): unsigned, it wraps to a subtraction */
	t->n[f & FL_STATE] += step;
	if (f & FL_DUE)
		t->due += step;
	if (f & FL_ON_TIME)
		t->on_time += step;
	if (f & FL_OVERDUE)
		t->overdue += step;
	if ((f & FL_SAT) != 0)
		t->rated += step;
	if ((f & FL_SAT) == SAT_SATISFIED << 2)
		t->satisfied += step;
}

/* A chunk more for t's durations, in a's pool. */
static void
chunk_new(struct accs *a, struct tally *t)
{
	uint32_t cap = t->cap == 0 ? CHUNK_FIRST :
	    t->cap < CHUNK_MOST	   ? 2 * t->cap :
				     t->cap;
	uint64_t at;

	while (a->cappool - a->npool < HEAD + (size_t)cap)
		a->pool = xgrow(a->pool, &a->cappool, 4096, sizeof *a->pool);
	at = a->npool;
	a->npool += HEAD + cap;
	memset(a->pool + at, 0, HEAD * sizeof *a->pool);
	if (t->cap != 0)
		memcpy(a->pool + t->last, &at, sizeof at);
	else
		t->first = at;
	t->last = at;
	t->cap = cap;
	t->used = 0;
}

/* Count a case of group g in its tally, its duration pooled. */
static void
tally_add(struct accs *a, uint32_t g, unsigned f, uint32_t d)
{
	struct tally *t = &a->tally[a->word[g] & ~TALLY];

	count(t, f, 1);
	if ((f & FL_STATE) != ST_CLOSED)
		return;
	t->sum += d;
	if (t->used == t->cap)
		chunk_new(a, t);
	a->pool[t->last + HEAD + t->used++] = d;
	t->npooled++;
}

/* Room for group g. */
static void
word_room(struct accs *a, uint32_t g)
{
	size_t old = a->capword;

	if (g < a->capword)
		return;
	while (g >= a->capword)
		a->word = xgrow(a->word, &a->capword, 1024, sizeof *a->word);
	memset(a->word + old, 0, (a->capword - old) * sizeof *a->word);
}

/* Group g's tally (made now when it has none or one case). */
static struct tally *
tally_of(struct accs *a, uint32_t g)
{
	uint64_t w;

	word_room(a, g);
	if ((w = a->word[g]) & TALLY)
		return &a->tally[w & ~TALLY];
	if (a->ntally == a->captally)
		a->tally = xgrow(a->tally, &a->captally, 64, sizeof *a->tally);
	memset(&a->tally[a->ntally], 0, sizeof *a->tally);
	a->word[g] = TALLY | a->ntally++;
	if (w != 0) /* its case, the first in it */
		tally_add(a, g, (unsigned)(w >> 32) & 0xFF, (uint32_t)w);
	return &a->tally[a->word[g] & ~TALLY];
}

void
accs_add(struct accs *a, uint32_t g, unsigned f, uint32_t d)
{
	if (g < a->capword && (a->word[g] & TALLY) != 0) { /* (mostly) */
		tally_add(a, g, f, d);
		return;
	}
	word_room(a, g);
	if (a->word[g] == 0) {
		a->word[g] = ONE | (uint64_t)f << 32 | d;
		return;
	}
	tally_of(a, g);
	tally_add(a, g, f, d);
}

void
acc_add_flags(uint32_t g, unsigned f, uint32_t d)
{
	accs_add(&A, g, f, d);
}

void
acc_add(uint32_t g, const struct kase *k)
{
	acc_add_flags(g, case_flags(k), case_duration(k));
}

void
ccase_of(struct ccase *c, const struct kase *k, uint32_t gid)
{
	c->id = k->id;
	c->gid = gid;
	c->dur = case_duration(k);
	c->upd = k->updated;
	c->flags = case_flags(k);
}

/* ---- a case taken out of its group again ---- */

void
acc_sub(const struct ccase *c)
{
	uint64_t w = A.word[c->gid];

	if (!(w & TALLY)) {
		if (w != (ONE | (uint64_t)c->flags << 32 | c->dur))
			zl_die(ZL_IOERR, "internal error: a case not found");
		A.word[c->gid] = 0;
		return;
	}
	count(&A.tally[w & ~TALLY], c->flags, (uint64_t)-1);
	if ((c->flags & FL_STATE) != ST_CLOSED)
		return;
	A.tally[w & ~TALLY].sum -= c->dur;
	if (A.nremoved == A.capremoved)
		A.removed = xgrow(A.removed, &A.capremoved, 256,
		    sizeof *A.removed);
	A.removed[A.nremoved++] = (uint64_t)c->gid << 32 | c->dur;
}

size_t
u32_lower(const uint32_t *d, size_t n, uint32_t x)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The durations taken out (acc_sub) by tally, tally << 32 | duration,
 * sorted: before the tallies are sorted (place), each then taking its own
 * out in the thread that sorted it (take_out_of), while they are in the
 * cache (the main thread moved every group's durations down, alone).
 */
static void
removed_by_tally(struct accs *a)
{
	size_t i;

	if (a->nremoved == 0)
		return;
	for (i = 0; i < a->nremoved; i++) {
		uint64_t w = a->word[a->removed[i] >> 32];

		a->removed[i] = (w & ~TALLY) << 32 | (uint32_t)a->removed[i];
	}
	sort_u64(a->removed, a->nremoved);
}

/* The durations of tally i taken out of its own, d (sorted): each found
 * by bisection, the rest moved down; j: its first in rem.  After them. */
static size_t
take_out_of(struct tally *t, uint32_t *d, const uint64_t *rem, size_t nrem,
    size_t j, size_t i)
{
	size_t r = 0, w = 0, at;

	if (j == nrem || rem[j] >> 32 != i)
		return j;
	for (; j < nrem && rem[j] >> 32 == i; j++) {
		at = r + u32_lower(d + r, t->nd - r, (uint32_t)rem[j]);
		if (at == t->nd || d[at] != (uint32_t)rem[j])
			zl_die(ZL_IOERR,
			    "internal error: a duration not found");
		memmove(d + w, d + r, (at - r) * sizeof *d);
		w += at - r;
		r = at + 1;
	}
	memmove(d + w, d + r, (t->nd - r) * sizeof *d);
	t->nd = w + (t->nd - r);
	return j;
}

static void
accs_clear(struct accs *a)
{
	free(a->word);
	free(a->tally);
	big_free(a->pool, a->cappool * sizeof *a->pool);
	big_free(a->dur, a->ndur * sizeof *a->dur);
	free(a->removed);
	free(a->run);
	memset(a, 0, sizeof *a);
}

void
acc_reset(void)
{
	accs_clear(&A);
}

/* d[0, n) and d[n, n + m), each sorted, made one (tmp: room for n). */
static void
merge_two(uint32_t *d, size_t n, size_t m, uint32_t *tmp)
{
	size_t i = 0, j = n, k = 0;

	memcpy(tmp, d, n * sizeof *d);
	while (i < n && j < n + m)
		d[k++] = tmp[i] <= d[j] ? tmp[i++] : d[j++];
	while (i < n)
		d[k++] = tmp[i++];
}

/* Runs x and y (sorted) merged into d. */
static void
merge_runs(uint32_t *d, const struct run *x, const struct run *y)
{
	const uint32_t *p = x->d, *pe = p + x->n, *q = y->d, *qe = q + y->n;

	while (p < pe && q < qe)
		*d++ = *p <= *q ? *p++ : *q++;
	while (p < pe)
		*d++ = *p++;
	while (q < qe)
		*d++ = *q++;
}

/*
 * n durations written once through (a group's sorted, the sort's room):
 * from 2 MiB on in huge pages, a page fault each 2 MiB, not each 4 KiB
 * (5M cases: 3 us each in this VM, 4.5 k of them for the merged ones).
 */
static uint32_t *
durations(size_t n)
{
	if (n > SIZE_MAX / sizeof(uint32_t) ||
	    n * sizeof(uint32_t) < (2u << 20))
		return xreallocarray(NULL, n, sizeof(uint32_t));
	return big_alloc(n * sizeof(uint32_t));
}

/* Room for n in *tmp. */
static uint32_t *
tmp_room(uint32_t *tmp, size_t *cap, size_t n)
{
	if (n <= *cap)
		return tmp;
	big_free(tmp, *cap * sizeof *tmp);
	*cap = n;
	return durations(n);
}

/*
 * d[0, n) sorted, by radix: 11 bits a pass (the counts stay in the
 * cache), the counts of every pass in one read, only the passes the
 * largest needs, a pass whose digit all share skipped (lib/stats's
 * sort_u32 goes 16 bits a pass, each with 64 Ki counts to clear and add
 * up: most of the time of a group's durations).  *tmp (*cap): room.
 */
static uint32_t *
sort_durations(uint32_t *d, size_t n, uint32_t *tmp, size_t *cap)
{
	static _Thread_local uint32_t c[3][2048];
	uint32_t all = 0, *from = d, *to;
	size_t i, p, passes;

	if (n < 256 || n > UINT32_MAX) {
		sort_u32(d, n);
		return tmp;
	}
	memset(c, 0, sizeof c);
	for (i = 0; i < n; i++) {
		all |= d[i];
		c[0][d[i] & 2047]++;
		c[1][d[i] >> 11 & 2047]++;
		c[2][d[i] >> 22]++;
	}
	passes = all >> 22 ? 3 : all >> 11 ? 2 : 1;
	tmp = tmp_room(tmp, cap, n);
	to = tmp;
	for (p = 0; p < passes; p++) {
		unsigned sh = 11 * (unsigned)p;
		uint32_t sum = 0, *t;

		if (c[p][from[0] >> sh & 2047] == n)
			continue; /* (one digit: in order already) */
		for (i = 0; i < 2048; i++) {
			uint32_t k = c[p][i];

			c[p][i] = sum;
			sum += k;
		}
		for (i = 0; i < n; i++)
			to[c[p][from[i] >> sh & 2047]++] = from[i];
		t = from;
		from = to;
		to = t;
	}
	if (from != d)
		memcpy(d, from, n * sizeof *d);
	return tmp;
}

/* Runs by their group's tally, then as given. */
static int
by_tally(const void *x, const void *y)
{
	const struct run *p = x, *q = y;

	if (p->t != q->t)
		return p->t < q->t ? -1 : 1;
	return (p->seq > q->seq) - (p->seq < q->seq);
}

/* What a thread of place() does: tallies [from, to), their runs from
 * run. */
struct placing {
	struct accs *a;
	size_t from, to, run, rm; /* (rm: its first in removed) */
};

/* Each tally's durations sorted: its runs copied in, merged as they come,
 * then the rest (its pool's, after them) sorted and merged too. */
static void *
sort_tallies(void *arg)
{
	struct placing *pl = arg;
	struct accs *a = pl->a;
	uint32_t *tmp = NULL;
	size_t i, r = pl->run, cap = 0, rm = pl->rm;

	for (i = pl->from; i < pl->to; i++) {
		struct tally *t = &a->tally[i];
		uint32_t *d = a->dur + t->at;
		size_t in = 0;

		if (r + 1 < a->nrun && a->run[r].t == i &&
		    a->run[r + 1].t == i) { /* the first two: merged into d */
			merge_runs(d, &a->run[r], &a->run[r + 1]);
			in = a->run[r].n + a->run[r + 1].n;
			r += 2;
		}
		for (; r < a->nrun && a->run[r].t == i; r++) {
			memcpy(d + in, a->run[r].d, a->run[r].n * sizeof *d);
			if (in > 0) {
				tmp = tmp_room(tmp, &cap, in);
				merge_two(d, in, a->run[r].n, tmp);
			}
			in += a->run[r].n;
		}
		tmp = sort_durations(d + in, t->nd - in, tmp, &cap);
		if (in > 0 && t->nd > in) {
			tmp = tmp_room(tmp, &cap, in);
			merge_two(d, in, t->nd - in, tmp);
		}
		rm = take_out_of(t, d, a->removed, a->nremoved, rm, i);
	}
	big_free(tmp, cap * sizeof *tmp);
	return NULL;
}

/* The tallies shared among the threads by their durations; each one's
 * sorted. */
static void
sort_all(struct accs *a, size_t total)
{
	size_t n = (size_t)acc_nthreads, limit;
	struct placing *pl = xcalloc(n, sizeof *pl);
	size_t k, i = 0, r = 0, rm = 0, sum = 0;

	for (k = 0; k < n; k++) {
		pl[k].a = a;
		pl[k].from = i;
		pl[k].run = r;
		while (rm < a->nremoved && a->removed[rm] >> 32 < i)
			rm++;
		pl[k].rm = rm;
		limit = k == n - 1 ? total : total / n * (k + 1);
		while (i < a->ntally && (sum < limit || limit == total))
			sum += a->tally[i++].nd;
		pl[k].to = i;
		while (r < a->nrun && a->run[r].t < i)
			r++;
	}
	jobs_each(sort_tallies, pl, sizeof *pl, n);
	free(pl);
}

/* t's pooled durations after its runs' in dur. */
static void
unchunk(struct accs *a, struct tally *t)
{
	uint64_t c = t->first;
	uint32_t cap = CHUNK_FIRST, n;

	while (t->cap != 0) {
		n = c == t->last ? t->used : cap;
		memcpy(a->dur + t->at + t->nd, a->pool + c + HEAD,
		    n * sizeof *a->dur);
		t->nd += n;
		if (c == t->last)
			break;
		memcpy(&c, a->pool + c, sizeof c);
		cap = cap < CHUNK_MOST ? 2 * cap : cap;
	}
	t->first = t->last = t->npooled = 0;
	t->cap = t->used = 0;
}

/*
 * Each group's durations together and sorted: the runs given it first
 * (merged), then its pool's, sorted and merged with them.
 */
static void
place(struct accs *a)
{
	size_t i, at = 0;

	for (i = 0; i < a->nrun; i++) {
		a->run[i].t = a->word[a->run[i].g] & ~TALLY;
		a->run[i].seq = i;
		a->tally[a->run[i].t].nd += a->run[i].n;
	}
	if (a->nrun > 1)
		qsort(a->run, a->nrun, sizeof *a->run, by_tally);
	for (i = 0; i < a->ntally; i++) /* (the runs' first, nd now) */
		a->tally[i].nruns = a->tally[i].nd;
	for (i = 0; i < a->ntally; i++) {
		a->tally[i].at = at;
		at += a->tally[i].nd + a->tally[i].npooled;
		a->tally[i].nd = a->tally[i].nruns;
	}
	a->dur = durations(at + 1);
	a->ndur = at + 1;
	for (i = 0; i < a->ntally; i++)
		unchunk(a, &a->tally[i]);
	big_free(a->pool, a->cappool * sizeof *a->pool);
	a->pool = NULL;
	a->npool = a->cappool = 0;
	removed_by_tally(a);
	sort_all(a, at);
	free(a->removed);
	a->removed = NULL;
	a->nremoved = a->capremoved = 0;
	free(a->run);
	a->run = NULL;
	a->nrun = a->caprun = 0;
}

void
acc_threads(int n)
{
	acc_nthreads = n;
}

void
acc_finish(void)
{
	place(&A);
}

/* ---- a thread's own statistics (jobs.c) ---- */

struct accs *
accs_new(void)
{
	return xcalloc(1, sizeof(struct accs));
}

void
accs_reserve(struct accs *a, size_t n)
{
	/* twice the durations' room (the chunks' heads, the last ones'
	 * room; the block is taken again at the end: spare.c) */
	n += 4096;
	if (a->cappool == 0 && n < SIZE_MAX / sizeof *a->pool / 2) {
		a->pool = big_alloc(2 * n * sizeof *a->pool);
		a->cappool = 2 * n;
	}
}

void
accs_free(struct accs *a)
{
	if (a == NULL)
		return;
	accs_clear(a);
	free(a);
}

void
accs_finish(struct accs *a)
{
	place(a);
}

void
acc_merge(uint32_t g, const struct accs *from, uint32_t lg)
{
	uint64_t w = lg < from->capword ? from->word[lg] : 0;
	const struct tally *f;
	struct tally *t;
	size_t i;

	if (!(w & TALLY)) {
		if (w != 0)
			acc_add_flags(g, (unsigned)(w >> 32) & 0xFF,
			    (uint32_t)w);
		return;
	}
	f = &from->tally[w & ~TALLY];
	t = tally_of(&A, g);
	for (i = 0; i < ST_N; i++)
		t->n[i] += f->n[i];
	t->on_time += f->on_time;
	t->due += f->due;
	t->overdue += f->overdue;
	t->rated += f->rated;
	t->satisfied += f->satisfied;
	t->sum += f->sum;
	if (f->nd == 0)
		return;
	if (A.nrun == A.caprun)
		A.run = xgrow(A.run, &A.caprun, 64, sizeof *A.run);
	A.run[A.nrun].g = g;
	A.run[A.nrun].d = from->dur + f->at;
	A.run[A.nrun++].n = f->nd;
}

/* The durations of acc_of's group, and their histogram (--partial). */
static uint32_t one_dur;
static struct hist *one_hist;

static void
counts_of(const struct tally *t, struct acc *a)
{
	memcpy(a->n, t->n, sizeof a->n);
	a->on_time = t->on_time;
	a->due = t->due;
	a->overdue = t->overdue;
	a->rated = t->rated;
	a->satisfied = t->satisfied;
}

void
acc_of(uint32_t g, struct acc *a)
{
	uint64_t w = g < A.capword ? A.word[g] : 0;
	size_t i;

	if (a->hist != one_hist) /* (one made for a group of none) */
		hist_free(a->hist);
	memset(a, 0, sizeof *a);
	if (w & TALLY) {
		const struct tally *t = &A.tally[w & ~TALLY];

		counts_of(t, a);
		a->dur = A.dur + t->at;
		a->ndur = t->nd;
		a->hours_sum = t->sum;
	} else if (w != 0) {
		struct tally t = { 0 };

		count(&t, (unsigned)(w >> 32) & 0xFF, 1);
		counts_of(&t, a);
		one_dur = (uint32_t)w;
		a->dur = &one_dur;
		a->ndur = t.n[ST_CLOSED];
		a->hours_sum = a->ndur > 0 ? one_dur : 0;
	}
	a->sorted = 1; /* (acc_finish) */
	a->hours_n = a->ndur;
	a->hours_max = a->ndur > 0 ? a->dur[a->ndur - 1] : 0;
	hist_free(one_hist);
	one_hist = NULL;
	if (opt.mode == MODE_PARTIAL && !opt.exact && a->ndur > 0) {
		a->hist = one_hist = hist_new();
		for (i = 0; i < a->ndur; i++)
			hist_add(a->hist, (double)a->dur[i]);
	}
}

void
acc_total(struct acc *t)
{
	size_t i, j, cap = 0;

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
			while (t->ndur + a->ndur > cap)
				t->dur = xgrow(t->dur, &cap, 1024,
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
		if (!a->sorted)
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
