/*
 * dual-report: the duplicate activities (the same member or unit, day and
 * activity), found after the reading: of those equal, the first read is
 * kept and the others are merged.
 *
 * Exports list the activities by date, so those of a day usually follow
 * one another: then each run of a day is looked at on its own, its
 * activities in a small table (of the member or unit and the activity)
 * that stays in a cache, used again for the next day.  Otherwise (a day
 * in two runs, as read) the activities are grouped by member (then unit),
 * in the order read (a counting sort), and each group, usually a few
 * dozen, ordered by day and activity, stably.  Either way no table of a
 * million activities is looked up at random, and no memory of their size
 * is asked for in the first way.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/dual-report/dr.h"

#define SMALL 24 /* a group this small is sorted by insertion */

/* The days of the runs read so far (dups_run), each once; mixed: a day
 * came in two runs. */
static struct {
	int32_t *day; /* open addressing, DR_NODAY: empty */
	size_t n, mask;
	int mixed;
} runs;

/* A slot of a run's table: an activity (its number + 1; 0, or one of an
 * earlier run: empty) and what tells it from the others of its day. */
struct rslot {
	uint32_t who, what, unit, i;
};

/* An activity of a group: its day and what, its number. */
struct ent {
	int32_t day;
	uint32_t what, i;
};

static int
ent_cmp(const void *pa, const void *pb)
{
	const struct ent *a = pa, *b = pb;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->what != b->what)
		return a->what < b->what ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static void
ent_sort(struct ent *e, size_t n)
{
	size_t i, j;

	if (n > SMALL) {
		qsort(e, n, sizeof *e, ent_cmp);
		return;
	}
	for (i = 1; i < n; i++) {
		struct ent x = e[i];

		for (j = i; j > 0 && ent_cmp(&e[j - 1], &x) > 0; j--)
			e[j] = e[j - 1];
		e[j] = x;
	}
}

/* Activity number d the same as number k, read before it: merged. */
static void
merge(size_t d, size_t k)
{
	struct act *a = &data.act[d];

	a->flags |= A_DUP;
	if (a->flags & A_OUT)
		data.left_out--;
	else if (a->flags & A_ROWCOMM)
		data.comm[a->comm].rowacts--;
	note_merged(MG_ACT, act_file(d), act_line(d), act_file(k), act_line(k));
}

/* The group of n activities at e: its duplicates merged. */
static void
group(struct ent *e, size_t n)
{
	size_t i, k;

	ent_sort(e, n);
	for (k = 0, i = 1; i < n; i++)
		if (e[i].day == e[k].day && e[i].what == e[k].what)
			merge(e[i].i, e[k].i);
		else
			k = i;
}

static size_t
day_slot(int32_t day)
{
	size_t j = ((uint32_t)day * 0x9E3779B9u >> 7) & runs.mask;

	while (runs.day[j] != DR_NODAY && runs.day[j] != day)
		j = (j + 1) & runs.mask;
	return j;
}

void
dups_run(int32_t day)
{
	size_t i, j, mask;
	int32_t *old;

	if (runs.mixed)
		return;
	if (runs.day == NULL || (runs.n + 1) * 2 > runs.mask) {
		old = runs.day;
		mask = runs.mask;
		runs.mask = runs.mask * 2 + 1 < 255 ? 255 : runs.mask * 2 + 1;
		runs.day = xreallocarray(NULL, runs.mask + 1, sizeof *runs.day);
		for (i = 0; i <= runs.mask; i++)
			runs.day[i] = DR_NODAY;
		for (i = 0; old != NULL && i <= mask; i++)
			if (old[i] != DR_NODAY)
				runs.day[day_slot(old[i])] = old[i];
		free(old);
	}
	j = day_slot(day);
	if (runs.day[j] == day)
		runs.mixed = 1;
	runs.day[j] = day;
	runs.n++;
}

void
dups_free(void)
{
	free(runs.day);
	memset(&runs, 0, sizeof runs);
}

/* Duplicates found by a thread of its own (out of the main thread's
 * tables): activity d the same as k, merged after. */
struct pairs {
	uint32_t (*p)[2];
	size_t n, cap;
	size_t from, to; /* of the activities [from, to) */
	pthread_t th;
};

/* The activities [from, to), of one day: its duplicates merged, or noted
 * in out (t: the table, of *cap slots, those of the runs before taken for
 * empty: it is cleared only when it is made). */
static void
day_run(size_t from, size_t to, struct rslot **t, size_t *cap,
    struct pairs *out)
{
	size_t i, j, mask = 15;

	while (mask / 2 < to - from)
		mask = mask * 2 + 1;
	if (mask + 1 > *cap) {
		free(*t);
		*cap = mask + 1;
		*t = xcalloc(*cap, sizeof **t);
	}
	mask = *cap - 1;
	for (i = from; i < to; i++) {
		const struct act *a = &data.act[i];
		uint32_t unit = a->flags & A_UNIT;
		struct rslot *x;

		j = ((a->who * 0x9E3779B97F4A7C15ULL ^ a->what) *
			    0xbf58476d1ce4e5b9ULL ^
			unit) >>
		    40;
		for (j &= mask; (x = &(*t)[j])->i > from; j = (j + 1) & mask)
			if (x->who == a->who && x->what == a->what &&
			    x->unit == unit)
				break;
		if (x->i > from && out != NULL) {
			if (out->n == out->cap)
				out->p = xgrow(out->p, &out->cap, 64,
				    sizeof *out->p);
			out->p[out->n][0] = (uint32_t)i;
			out->p[out->n++][1] = x->i - 1;
			continue;
		}
		if (x->i > from) {
			merge(i, x->i - 1);
			continue;
		}
		x->who = a->who;
		x->what = a->what;
		x->unit = unit;
		x->i = (uint32_t)i + 1;
	}
}

/* The activities [from, to), read in runs of a day each (from and to
 * between two runs): each run on its own, its duplicates merged or noted
 * in out. */
static void
runs_of(size_t from, size_t to, struct pairs *out)
{
	struct rslot *t = NULL;
	size_t i, j, cap = 0;

	for (i = from; i < to; i = j) {
		for (j = i + 1; j < to && data.act[j].day == data.act[i].day;
		     j++)
			;
		if (j - i > 1)
			day_run(i, j, &t, &cap, out);
	}
	free(t);
}

static void *
runs_thread(void *arg)
{
	struct pairs *h = arg;

	runs_of(h->from, h->to, h);
	return NULL;
}

/* The activities read in runs of a day each: with -j 2 or more, the runs
 * from the middle on by a thread of its own, its duplicates merged after
 * the first half's, in the order one pass merges them. */
#define RUNS_MIN 1024
static void
by_runs(void)
{
	struct pairs h = { NULL, 0, 0, data.nact / 2, data.nact, 0 };
	size_t i;

	while (h.from > 0 && h.from < data.nact &&
	    data.act[h.from].day == data.act[h.from - 1].day)
		h.from++;
	if (opt.jobs < 2 || data.nact < RUNS_MIN || h.from >= data.nact ||
	    pthread_create(&h.th, NULL, runs_thread, &h) != 0) {
		runs_of(0, data.nact, NULL);
		return;
	}
	runs_of(0, h.from, NULL);
	pthread_join(h.th, NULL);
	for (i = 0; i < h.n; i++)
		merge(h.p[i][0], h.p[i][1]);
	free(h.p);
}

void
dups_find(void)
{
	uint32_t nmem = intern_len(data.ids), nown, *at, i;
	size_t j, size = data.nact * sizeof(struct ent);
	struct ent *e;

	if (data.nact == 0)
		return;
	if (!runs.mixed) {
		by_runs();
		return;
	}
	nown = nmem + intern_len(data.units);
	/* where each group begins (at[k]; then, once filled, where it ends) */
	at = xcalloc((size_t)nown + 2, sizeof *at);
	for (j = 0; j < data.nact; j++) {
		const struct act *a = &data.act[j];

		at[(a->flags & A_UNIT ? nmem + a->who : a->who) + 1]++;
	}
	for (i = 0; i < nown; i++)
		at[i + 1] += at[i];
	e = size >= (2u << 20) ? xhuge(size) : xmalloc(size + 1);
	for (j = 0; j < data.nact; j++) {
		const struct act *a = &data.act[j];
		struct ent *x =
		    &e[at[a->flags & A_UNIT ? nmem + a->who : a->who]++];

		x->day = a->day;
		x->what = a->what;
		x->i = (uint32_t)j;
	}
	for (j = 0, i = 0; i < nown; j = at[i++])
		if (at[i] - j > 1)
			group(e + j, at[i] - j);
	free(e);
	free(at);
}
