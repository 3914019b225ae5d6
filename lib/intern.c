/*
 * intern: strings kept once each.  Their bytes are kept in chunks that
 * never move (so intern_get stays valid), found again by their hash in an
 * open-addressing table of numbers, at most half full.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/intern.h"

#define CHUNK (1u << 20)

/* A slot of the table: the number + 1 (0: empty), the hash's high half,
 * whose low bits place it in the table and whose others tell most
 * strings apart without reading them, and where the
 * string is (its length in the 4 bytes before it): a string found costs
 * the slot and its bytes, not a third place. */
struct slot {
	uint32_t id, h;
	const char *p;
};

struct intern {
	struct str *s; /* by number */
	uint32_t n;
	size_t cap;
	struct slot *tab;
	size_t mask;
	char **chunks, *cur;
	size_t nchunks, capchunks;
	size_t size, used; /* of the last chunk */
};

struct intern *
intern_new(void)
{
	struct intern *t = xcalloc(1, sizeof *t);

	t->mask = 1023;
	t->tab = xcalloc(t->mask + 1, sizeof *t->tab);
	return t;
}

static void
remember(struct intern *t, char *mem)
{
	if (t->nchunks == t->capchunks)
		t->chunks = xgrow(t->chunks, &t->capchunks, 16,
		    sizeof *t->chunks);
	t->chunks[t->nchunks++] = mem;
}

/* s's bytes, NUL-terminated, where they stay, their length (32 bits)
 * before them. */
static const char *
keep(struct intern *t, struct str s)
{
	uint32_t n = (uint32_t)s.n;
	char *d;

	if (s.n >= CHUNK / 4) { /* a long one has memory of its own */
		d = xmalloc(s.n + 5);
		remember(t, d);
	} else {
		if (t->used + s.n + 5 > t->size) {
			/* 4 KiB first, twice as much each time, up to CHUNK */
			t->size = t->size == 0 ? 4096 :
			    t->size < CHUNK    ? t->size * 2 :
						 CHUNK;
			if (t->size < s.n + 5)
				t->size = CHUNK;
			t->cur = xmalloc(t->size);
			remember(t, t->cur);
			t->used = 0;
		}
		d = t->cur + t->used;
		t->used += s.n + 5;
	}
	memcpy(d, &n, 4);
	memcpy(d + 4, s.p, s.n);
	d[4 + s.n] = '\0';
	return d + 4;
}

/* n empty slots, in huge pages when they take 2 MiB or more; zeroed by
 * hand (calloc's fresh pages, read first by rehash, faulted twice). */
static struct slot *
table(size_t n)
{
	struct slot *tab = n * sizeof *tab < (2u << 20) ?
	    xmalloc(n * sizeof *tab) :
	    xhuge(n * sizeof *tab);

	memset(tab, 0, n * sizeof *tab);
	return tab;
}

static void
rehash(struct intern *t)
{
	size_t i, j, mask = t->mask * 2 + 1;
	struct slot *tab = table(mask + 1);

	for (i = 0; i <= t->mask; i++) {
		const struct slot *o = &t->tab[i];

		if (o->id == 0)
			continue;
		for (j = o->h & mask; tab[j].id != 0; j = (j + 1) & mask)
			;
		tab[j] = *o;
	}
	free(t->tab);
	t->tab = tab;
	t->mask = mask;
}

/* The slot of s (hash hv): its own, or the empty one where it goes. */
static struct slot *
slot_of(const struct intern *t, struct str s, unsigned long long hv)
{
	uint32_t h = (uint32_t)(hv >> 32);
	size_t j = h & t->mask;
	struct slot *x;

	for (; (x = &t->tab[j])->id != 0; j = (j + 1) & t->mask) {
		uint32_t n;

		if (x->h != h)
			continue;
		memcpy(&n, x->p - 4, 4);
		if (n == s.n && memcmp(x->p, s.p, s.n) == 0)
			break;
	}
	return x;
}

uint32_t
intern_put(struct intern *t, struct str s)
{
	return intern_put_hashed(t, s, str_hash(s.p, s.n, 0));
}

/* s kept as string number t->n (then counted). */
static void
number(struct intern *t, struct str s)
{
	if (t->n == 0xFFFFFFFEu)
		zl_die(ZL_IOERR, _("more than 4294967294 different values"));
	if (s.n > 0xFFFFFFFFu)
		zl_die(ZL_IOERR, _("a value of more than 4 GiB"));
	if (t->n == t->cap)
		t->s = xgrow(t->s, &t->cap, 1024, sizeof *t->s);
	t->s[t->n].p = keep(t, s);
	t->s[t->n].n = s.n;
}

uint32_t
intern_append(struct intern *t, struct str s)
{
	number(t, s);
	return t->n++;
}

uint32_t
intern_put_hashed(struct intern *t, struct str s, unsigned long long hv)
{
	struct slot *x = slot_of(t, s, hv);

	if (x->id != 0)
		return x->id - 1;
	number(t, s);
	x->id = ++t->n;
	x->h = (uint32_t)(hv >> 32);
	x->p = t->s[t->n - 1].p;
	if (t->n * 2 > t->mask)
		rehash(t);
	return t->n - 1;
}

long long
intern_find(const struct intern *t, struct str s)
{
	const struct slot *x = slot_of(t, s, str_hash(s.p, s.n, 0));

	return x->id != 0 ? (long long)x->id - 1 : -1;
}

void
intern_reserve(struct intern *t, size_t n)
{
	size_t mask = t->mask;

	while (mask < n * 2 && mask < 0xFFFFFFFFu)
		mask = mask * 2 + 1;
	if (n > t->cap) { /* (not grown by copies either) */
		t->s = xreallocarray(t->s, n, sizeof *t->s);
		t->cap = n;
	}
	if (t->n > 0) {
		while (t->mask < mask)
			rehash(t);
		return;
	}
	if (mask > t->mask) {
		free(t->tab);
		t->tab = table(mask + 1);
		t->mask = mask;
	}
}

void
intern_prefetch(const struct intern *t, unsigned long long hv)
{
	__builtin_prefetch(&t->tab[(uint32_t)(hv >> 32) & t->mask]);
}

struct str
intern_get(const struct intern *t, uint32_t id)
{
	return t->s[id];
}

uint32_t
intern_len(const struct intern *t)
{
	return t->n;
}

static const struct intern *sorting;

static int
by_text(const void *a, const void *b)
{
	struct str x = sorting->s[*(const uint32_t *)a];
	struct str y = sorting->s[*(const uint32_t *)b];
	int c = memcmp(x.p, y.p, x.n < y.n ? x.n : y.n);

	return c != 0 ? c : (x.n > y.n) - (x.n < y.n);
}

uint32_t *
intern_ranks(const struct intern *t)
{
	uint32_t *ids = xcalloc((size_t)t->n + 1, sizeof *ids);
	uint32_t *rank = xcalloc((size_t)t->n + 1, sizeof *rank);
	uint32_t i;

	for (i = 0; i < t->n; i++)
		ids[i] = i;
	sorting = t;
	qsort(ids, t->n, sizeof *ids, by_text);
	for (i = 0; i < t->n; i++)
		rank[ids[i]] = i;
	free(ids);
	return rank;
}

void
intern_free(struct intern *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nchunks; i++)
		free(t->chunks[i]);
	free(t->chunks);
	free(t->s);
	free(t->tab);
	free(t);
}
