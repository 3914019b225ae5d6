/*
 * case-stats: one pass (dedupe.c).  Every case is added to its group as
 * it comes, as if no id came twice, and noted here by a 32-bit hash of
 * its id, in the order read (its number, from 0).  At the end a filter of
 * bits (one per hash, by its top bits) finds the few hashes that may come
 * twice; the cases whose hash does come twice (every case of an id that
 * came twice, and a few others with the same hash: about n^2 / 2^33 of n
 * cases) are found again (by position, or in the cases noted: noted.c),
 * taken out of their groups (acc_sub), and go through the exact table of
 * cases.c in the order they came.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/stats.h"

/* The hashes, in segments: chunks of 2 MiB of the main thread's, in huge
 * pages (xhuge: with small pages their page faults took longer than the
 * noting), or a thread's own (seen_add_run), in the order they came. */
#define SEEN_CHUNK ((2u << 20) / sizeof(uint32_t))

struct seg {
	uint32_t *h; /* (a thread's: not freed here) */
	size_t n;
	int own;
};

static struct seg *seg;
static size_t nseg, capseg, nseen;
static unsigned filter_bits; /* log2 of the number of bits */
static uint64_t *filter;
static uint32_t *hit; /* bits found set already, once or more */
static size_t nhit, caphit;

uint32_t
seen_hash(struct str id)
{
	return (uint32_t)(str_hash(id.p, id.n, 0x5bd1e995) >> 32);
}

size_t
seen_add(struct str id)
{
	return seen_add_hash(seen_hash(id));
}

static struct seg *
new_seg(void)
{
	if (nseg == capseg)
		seg = xgrow(seg, &capseg, 16, sizeof *seg);
	memset(&seg[nseg], 0, sizeof *seg);
	return &seg[nseg++];
}

size_t
seen_add_hash(uint32_t h)
{
	struct seg *s = nseg > 0 ? &seg[nseg - 1] : NULL;

	if (s == NULL || !s->own || s->n == SEEN_CHUNK) {
		s = new_seg();
		s->own = 1;
		s->h = xhuge(SEEN_CHUNK * sizeof *s->h);
	}
	s->h[s->n++] = h;
	return nseen++;
}

size_t
seen_add_run(uint32_t *h, size_t n)
{
	struct seg *s;

	if (n == 0)
		return nseen;
	s = new_seg();
	s->h = h;
	s->n = n;
	nseen += n;
	return nseen - n;
}

static uint32_t
bit_of(uint32_t hash)
{
	return hash >> (32 - filter_bits);
}

/* Test and set the bit of case i. */
static void
filter_case(uint32_t h)
{
	uint32_t b = bit_of(h);
	uint64_t m = 1ULL << (b & 63);

	if ((filter[b >> 6] & m) == 0) {
		filter[b >> 6] |= m;
		return;
	}
	if (nhit == caphit)
		hit = xgrow(hit, &caphit, 256, sizeof *hit);
	hit[nhit++] = b;
}

/*
 * Every case's bit, tested and set in one loop that fetches ahead: a
 * random bit is a miss of the cache (done while the records stream
 * through the cache, it was a miss every time).  About 64 bits a case,
 * a power of two: of a million cases, 1 in 70 shares its bit with another
 * and is looked at closely (fewer bits, more such; more bits, more misses
 * of the cache).
 */
static void
filter_all(void)
{
	size_t fsize, i, k;

	filter_bits = 16;
	while (filter_bits < 31 && (1ULL << (filter_bits + 1)) <= 64 * nseen)
		filter_bits++;
	fsize = ((size_t)1 << (filter_bits - 6)) * sizeof *filter;
	filter = xhuge(fsize);
	memset(filter, 0, fsize);
	for (k = 0; k < nseg; k++) {
		const uint32_t *h = seg[k].h;
		size_t n = seg[k].n;

		for (i = 0; i < n; i++) {
			if (i + 16 < n)
				__builtin_prefetch(&filter[bit_of(h[i + 16]) >>
						       6],
				    1);
			filter_case(h[i]);
		}
	}
	free(filter);
	filter = NULL;
}

#define PREBITS 20

/* Those of h[0, n) (numbered from at) whose bit is in tab, after the n0
 * candidates in *cand: how many now. */
static size_t
candidates_in(const uint32_t *h, size_t n, size_t at, const uint32_t *tab,
    size_t cap, const uint64_t *pre, struct seen_cand **cand, size_t n0,
    size_t *capn)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint32_t b = bit_of(h[i]);
		uint32_t p = b & ((1u << PREBITS) - 1);
		size_t s = b & (cap - 1);

		if ((pre[p >> 6] & (1ULL << (p & 63))) == 0)
			continue;
		while (tab[s] != 0 && tab[s] != b + 1)
			s = (s + 1) & (cap - 1);
		if (tab[s] == 0)
			continue;
		if (n0 == *capn) {
			*capn = *capn ? *capn * 2 : 2 * nhit;
			*cand = xreallocarray(*cand, *capn, sizeof **cand);
		}
		(*cand)[n0].hash = h[i];
		(*cand)[n0++].i = at + i;
	}
	return n0;
}

/*
 * The cases whose bit was found set already, and the cases that set it
 * first (their hashes and numbers): a small table of the bits found set (bits
 * are random: their low bits place them), and in front of it a bitmap that
 * stays in the cache.
 */
static size_t
candidates(struct seen_cand **cand)
{
	uint32_t *tab;
	uint64_t *pre;
	size_t cap = 64, i, k, at, n = 0, capn = 0;

	while (cap < 4 * nhit)
		cap *= 2;
	tab = xcalloc(cap, sizeof *tab); /* bit + 1, 0 empty */
	pre = xcalloc((size_t)1 << (PREBITS - 6), sizeof *pre);
	for (i = 0; i < nhit; i++) {
		size_t s = hit[i] & (cap - 1);
		uint32_t p = hit[i] & ((1u << PREBITS) - 1);

		pre[p >> 6] |= 1ULL << (p & 63);
		while (tab[s] != 0 && tab[s] != hit[i] + 1)
			s = (s + 1) & (cap - 1);
		tab[s] = hit[i] + 1;
	}
	for (k = 0, at = 0; k < nseg; at += seg[k++].n)
		n = candidates_in(seg[k].h, seg[k].n, at, tab, cap, pre, cand,
		    n, &capn);
	free(pre);
	free(tab);
	return n;
}

static int
by_hash_i(const void *a, const void *b)
{
	const struct seen_cand *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

static int
by_i(const void *a, const void *b)
{
	const struct seen_cand *x = a, *y = b;

	return (x->i > y->i) - (x->i < y->i);
}

size_t
seen_finish(struct seen_cand **out)
{
	struct seen_cand *cand = NULL;
	size_t ncand = 0, i, j, n = 0;

	filter_all();
	if (nhit > 0) {
		ncand = candidates(&cand);
		qsort(cand, ncand, sizeof *cand, by_hash_i);
		for (i = 0; i < ncand; i = j) {
			for (j = i + 1;
			     j < ncand && cand[j].hash == cand[i].hash; j++)
				;
			if (j - i > 1)
				while (i < j)
					cand[n++] = cand[i++];
		}
		qsort(cand, n, sizeof *cand, by_i);
	}
	free(hit);
	hit = NULL;
	nhit = caphit = 0;
	for (i = 0; i < nseg; i++)
		if (seg[i].own)
			free(seg[i].h);
	free(seg);
	seg = NULL;
	nseen = nseg = capseg = 0;
	if (n == 0) {
		free(cand);
		cand = NULL;
	}
	*out = cand;
	return n;
}
