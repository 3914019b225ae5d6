/*
 * volunteer-points: strings kept once each.  A string is stored in chunks
 * that never move (so pool_get stays valid) and found again by its hash
 * in an open-addressing table of ids.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/volunteer-points/vp.h"

#define CHUNK (1u << 20)

/* A slot of the table: the string, and its id + 1 (0: empty). */
struct slot {
	const char *p;
	uint32_t n, id;
};

struct pool {
	struct str *s; /* by id */
	uint32_t n;
	size_t cap;
	struct slot *tab;
	size_t mask;
	char **chunks, *cur;
	size_t nchunks, capchunks;
	size_t size, used; /* of the last chunk */
};

struct pool *
pool_new(void)
{
	struct pool *p = xcalloc(1, sizeof *p);

	p->mask = 1023;
	p->tab = xcalloc(p->mask + 1, sizeof *p->tab);
	return p;
}

static void
remember(struct pool *p, char *mem)
{
	if (p->nchunks == p->capchunks)
		p->chunks = xgrow(p->chunks, &p->capchunks, 16,
		    sizeof *p->chunks);
	p->chunks[p->nchunks++] = mem;
}

static const char *
keep(struct pool *p, struct str s)
{
	char *d;

	if (s.n >= CHUNK / 4) { /* a long one has memory of its own */
		d = xmalloc(s.n + 1);
		remember(p, d);
	} else {
		if (p->used + s.n + 1 > p->size) {
			/* 4 KiB first, twice as much each time, up to CHUNK */
			p->size = p->size == 0 ? 4096 :
			    p->size < CHUNK    ? p->size * 2 :
						 CHUNK;
			if (p->size < s.n + 1)
				p->size = CHUNK;
			p->cur = xmalloc(p->size);
			remember(p, p->cur);
			p->used = 0;
		}
		d = p->cur + p->used;
		p->used += s.n + 1;
	}
	memcpy(d, s.p, s.n);
	d[s.n] = '\0';
	return d;
}

static void
rehash(struct pool *p)
{
	size_t i, j, mask = p->mask * 2 + 1;
	struct slot *tab = xcalloc(mask + 1, sizeof *tab);

	for (i = 0; i <= p->mask; i++) {
		const struct slot *o = &p->tab[i];

		if (o->id == 0)
			continue;
		for (j = str_hash(o->p, o->n, 0) & mask; tab[j].id != 0;
		     j = (j + 1) & mask)
			;
		tab[j] = *o;
	}
	free(p->tab);
	p->tab = tab;
	p->mask = mask;
}

/* a and b, both n bytes, equal (most strings are short). */
static inline int
same(const char *a, const char *b, size_t n)
{
	uint64_t x, y;

	while (n >= 8) {
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		if (x != y)
			return 0;
		a += 8;
		b += 8;
		n -= 8;
	}
	for (; n > 0; n--, a++, b++)
		if (*a != *b)
			return 0;
	return 1;
}

/* s kept as the pool's next id (its slot t in the table, or NULL). */
static uint32_t
append(struct pool *p, struct str s, struct slot *t)
{
	const char *kept;

	if (p->n == p->cap)
		p->s = xgrow(p->s, &p->cap, 1024, sizeof *p->s);
	if (s.n > 0xFFFFFFFFu)
		zl_die(ZL_IOERR, _("a value of more than 4 GiB"));
	kept = keep(p, s);
	p->s[p->n].p = kept;
	p->s[p->n].n = s.n;
	p->n++;
	if (t != NULL) {
		t->p = kept;
		t->n = (uint32_t)s.n;
		t->id = p->n;
		if (p->n * 2 > p->mask)
			rehash(p);
	}
	return p->n - 1;
}

uint32_t
pool_put(struct pool *p, struct str s)
{
	size_t j = str_hash(s.p, s.n, 0) & p->mask;
	struct slot *t;

	for (; (t = &p->tab[j])->id != 0; j = (j + 1) & p->mask)
		if (t->n == s.n && same(t->p, s.p, s.n))
			return t->id - 1;
	return append(p, s, t);
}

uint32_t
pool_add(struct pool *p, struct str s)
{
	return append(p, s, NULL);
}

struct str
pool_get(const struct pool *p, uint32_t id)
{
	return p->s[id];
}

uint32_t
pool_len(const struct pool *p)
{
	return p->n;
}

static const struct pool *sorting;

static int
by_text(const void *a, const void *b)
{
	struct str x = sorting->s[*(const uint32_t *)a];
	struct str y = sorting->s[*(const uint32_t *)b];
	int c = memcmp(x.p, y.p, x.n < y.n ? x.n : y.n);

	return c != 0 ? c : (x.n > y.n) - (x.n < y.n);
}

uint32_t *
pool_ranks(const struct pool *p)
{
	uint32_t *ids = xcalloc(p->n + 1, sizeof *ids);
	uint32_t *rank = xcalloc(p->n + 1, sizeof *rank);
	uint32_t i;

	for (i = 0; i < p->n; i++)
		ids[i] = i;
	sorting = p;
	qsort(ids, p->n, sizeof *ids, by_text);
	for (i = 0; i < p->n; i++)
		rank[ids[i]] = i;
	free(ids);
	return rank;
}

void
pool_free(struct pool *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nchunks; i++)
		free(p->chunks[i]);
	free(p->chunks);
	free(p->s);
	free(p->tab);
	free(p);
}
