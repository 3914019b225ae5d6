/*
 * volunteer-points: strings kept once each.  A string is stored in chunks
 * that never move (so pool_get stays valid) and found again by its hash
 * in an open-addressing table of ids.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/volunteer-points/vp.h"

#define CHUNK (1u << 20)

struct pool {
	struct str *s; /* by id */
	uint32_t *h;   /* high bits of each one's hash */
	uint32_t n;
	size_t cap;
	uint32_t *tab; /* id + 1; 0 empty */
	size_t mask;
	char **chunks, *cur;
	size_t nchunks, capchunks, used; /* used: of the last chunk */
};

struct pool *
pool_new(void)
{
	struct pool *p = xcalloc(1, sizeof *p);

	p->mask = 1023;
	p->tab = xcalloc(p->mask + 1, sizeof *p->tab);
	p->used = CHUNK;
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
		if (p->used + s.n + 1 > CHUNK) {
			p->cur = xmalloc(CHUNK);
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
	uint32_t *tab = xcalloc(mask + 1, sizeof *tab);

	for (i = 0; i < p->n; i++) {
		unsigned long long h = str_hash(p->s[i].p, p->s[i].n, 0);

		for (j = h & mask; tab[j] != 0; j = (j + 1) & mask)
			;
		tab[j] = (uint32_t)i + 1;
	}
	free(p->tab);
	p->tab = tab;
	p->mask = mask;
}

uint32_t
pool_put(struct pool *p, struct str s)
{
	unsigned long long h = str_hash(s.p, s.n, 0);
	uint32_t hi = (uint32_t)(h >> 32), id;
	size_t j;

	for (j = h & p->mask; (id = p->tab[j]) != 0; j = (j + 1) & p->mask) {
		const struct str *t = &p->s[id - 1];

		if (p->h[id - 1] == hi && t->n == s.n &&
		    memcmp(t->p, s.p, s.n) == 0)
			return id - 1;
	}
	if (p->n == p->cap) {
		size_t cap = p->cap;

		p->s = xgrow(p->s, &p->cap, 1024, sizeof *p->s);
		p->h = xgrow(p->h, &cap, 1024, sizeof *p->h);
	}
	p->s[p->n].p = keep(p, s);
	p->s[p->n].n = s.n;
	p->h[p->n] = hi;
	p->tab[j] = ++p->n;
	if (p->n * 2 > p->mask)
		rehash(p);
	return p->n - 1;
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
	free(p->h);
	free(p->tab);
	free(p);
}
