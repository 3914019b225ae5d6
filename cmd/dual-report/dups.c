/*
 * dual-report: the duplicate activities, found after the reading.  The
 * activities are grouped by member (then unit), in the order read (a
 * counting sort); within a
 * group, usually a few dozen, ordered by day and activity, stably: of
 * those equal, the first read is kept and the others are merged.  So the
 * activities are read once more each, a member at a time, rather than
 * looked up in a table of a million at random as they are read.  The
 * same pass gives each activity its member's community when its row named
 * none.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/dual-report/dr.h"

#define SMALL 24 /* a group this small is sorted by insertion */

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
	note_merged(MG_ACT, act_file(d), a->line, act_file(k),
	    data.act[k].line);
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

void
dups_find(void)
{
	uint32_t nmem = intern_len(data.ids), nown, *at, i;
	size_t j, size = data.nact * sizeof(struct ent);
	struct ent *e;

	if (data.nact == 0)
		return;
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
