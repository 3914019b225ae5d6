/*
 * case-stats: one pass (dedupe.c).  Every case is added to its group as
 * it comes, as if no id came twice, and noted here by a 32-bit hash of
 * its id, in the order read (its number, from 0).  At the end a filter of
 * bits (one per hash, by its top bits) finds the few hashes that may come
 * twice; the cases whose hash does come twice (every case of an id that
 * came twice, and a few others with the same hash: about n^2 / 2^33 of n
 * cases) are found again (by position, or in the cases noted: noted.c),
 * taken out of their groups (acc_sub), and go through the exact table of
 * cases.c in the order they came.  With -j the hashes are the threads'
 * (seen_add_run), and the filter is shared among threads by the top bits
 * of the hashes, each thread a share of the bits (seen_threads).
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
static unsigned share_bits;  /* log2 of the shares (threads) */
static int threads = 1;	     /* (seen_threads) */

/* A share of the bits, a thread's: those whose top share_bits are t. */
struct share {
	unsigned t;
	uint64_t *filter; /* its bits */
	uint32_t *hit;	  /* bits found set already, once or more */
	size_t nhit, caphit;
	struct seen_cand *cand; /* its candidates, in order */
	size_t ncand;
};

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

/* Is bit b of share s?  Its place in s's filter. */
static int
mine(const struct share *s, uint32_t b)
{
	return b >> (filter_bits - share_bits) == s->t;
}

static uint32_t
local(uint32_t b)
{
	return b & (uint32_t)((1ULL << (filter_bits - share_bits)) - 1);
}

/* Test and set the bit of hash h (when s's). */
static void
filter_case(struct share *s, uint32_t h)
{
	uint32_t b = bit_of(h), l = local(b);
	uint64_t m = 1ULL << (l & 63);

	if (!mine(s, b))
		return;
	if ((s->filter[l >> 6] & m) == 0) {
		s->filter[l >> 6] |= m;
		return;
	}
	if (s->nhit == s->caphit)
		s->hit = xgrow(s->hit, &s->caphit, 256, sizeof *s->hit);
	s->hit[s->nhit++] = b;
}

/*
 * Every case's bit (of the share), tested and set in one loop that
 * fetches ahead: a random bit is a miss of the cache (done while the
 * records stream through the cache, it was a miss every time).  About 64
 * bits a case, a power of two: of a million cases, 1 in 70 shares its
 * bit with another and is looked at closely (fewer bits, more such; more
 * bits, more misses of the cache).
 */
static void
filter_all(struct share *sh)
{
	size_t fsize, i, k;

	fsize = ((size_t)1 << (filter_bits - share_bits - 6)) *
	    sizeof *sh->filter;
	sh->filter = xhuge(fsize);
	memset(sh->filter, 0, fsize);
	for (k = 0; k < nseg; k++) {
		const uint32_t *h = seg[k].h;
		size_t n = seg[k].n;

		for (i = 0; i < n; i++) {
			if (i + 16 < n)
				__builtin_prefetch(&sh->filter[local(
								   bit_of(h[i +
								       16])) >>
						       6],
				    1);
			filter_case(sh, h[i]);
		}
	}
	free(sh->filter);
	sh->filter = NULL;
}

#define PREBITS 20

/* The bits found set (a small table: bits are random, their low bits
 * place them) and a bitmap of them in front, that stays in the cache. */
struct hits {
	uint32_t *tab; /* bit + 1, 0 empty */
	size_t cap;
	uint64_t *pre;
};

static int
is_hit(const struct hits *t, uint32_t b)
{
	uint32_t p = b & ((1u << PREBITS) - 1);
	size_t s = b & (t->cap - 1);

	if ((t->pre[p >> 6] & (1ULL << (p & 63))) == 0)
		return 0;
	while (t->tab[s] != 0 && t->tab[s] != b + 1)
		s = (s + 1) & (t->cap - 1);
	return t->tab[s] != 0;
}

/* Those of h[0, n) (numbered from at) whose bit was found set, after the
 * candidates of sh. */
static void
candidates_in(struct share *sh, const uint32_t *h, size_t n, size_t at,
    const struct hits *t, size_t *capn)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint32_t b = bit_of(h[i]);

		if (!mine(sh, b) || !is_hit(t, b))
			continue;
		if (sh->ncand == *capn) {
			*capn = *capn ? *capn * 2 : 2 * sh->nhit;
			sh->cand = xreallocarray(sh->cand, *capn,
			    sizeof *sh->cand);
		}
		sh->cand[sh->ncand].hash = h[i];
		sh->cand[sh->ncand++].i = at + i;
	}
}

/* The cases whose bit was found set already, and the cases that set it
 * first (their hashes and numbers, in order). */
static void
candidates(struct share *sh)
{
	struct hits t = { NULL, 64, NULL };
	size_t i, k, at, capn = 0;

	while (t.cap < 4 * sh->nhit)
		t.cap *= 2;
	t.tab = xcalloc(t.cap, sizeof *t.tab);
	t.pre = xcalloc((size_t)1 << (PREBITS - 6), sizeof *t.pre);
	for (i = 0; i < sh->nhit; i++) {
		size_t s = sh->hit[i] & (t.cap - 1);
		uint32_t p = sh->hit[i] & ((1u << PREBITS) - 1);

		t.pre[p >> 6] |= 1ULL << (p & 63);
		while (t.tab[s] != 0 && t.tab[s] != sh->hit[i] + 1)
			s = (s + 1) & (t.cap - 1);
		t.tab[s] = sh->hit[i] + 1;
	}
	for (k = 0, at = 0; k < nseg; at += seg[k++].n)
		candidates_in(sh, seg[k].h, seg[k].n, at, &t, &capn);
	free(t.pre);
	free(t.tab);
}

/* A share's work (a thread's). */
static void *
run_share(void *arg)
{
	struct share *sh = arg;

	filter_all(sh);
	if (sh->nhit > 0)
		candidates(sh);
	free(sh->hit);
	sh->hit = NULL;
	return NULL;
}

/* The candidates of the n shares, in order, into *out: how many. */
static size_t
merge_shares(struct share *sh, size_t n, struct seen_cand **out)
{
	size_t total = 0, k, m = 0, *at = xcalloc(n, sizeof *at);
	struct seen_cand *c;

	for (k = 0; k < n; k++)
		total += sh[k].ncand;
	c = xreallocarray(NULL, total + 1, sizeof *c);
	while (m < total) {
		size_t best = n;

		for (k = 0; k < n; k++)
			if (at[k] < sh[k].ncand &&
			    (best == n ||
				sh[k].cand[at[k]].i <
				    sh[best].cand[at[best]].i))
				best = k;
		c[m++] = sh[best].cand[at[best]++];
	}
	for (k = 0; k < n; k++)
		free(sh[k].cand);
	free(at);
	*out = c;
	return total;
}

void
seen_threads(int n)
{
	threads = n;
}

/* Is h in rep[0, n) (sorted)? */
static int
among(const uint32_t *rep, size_t n, uint32_t h)
{
	size_t at = u32_lower(rep, n, h);

	return at < n && rep[at] == h;
}

/* Of the candidates (in the order they came), those whose hash is some
 * other's too: how many, in place. */
static size_t
repeated(struct seen_cand *cand, size_t ncand)
{
	uint32_t *rep = xreallocarray(NULL, ncand + 1, sizeof *rep);
	size_t i, j, nrep = 0, n = 0;

	for (i = 0; i < ncand; i++)
		rep[i] = cand[i].hash;
	sort_u32(rep, ncand);
	for (i = 0; i < ncand; i = j) {
		for (j = i + 1; j < ncand && rep[j] == rep[i]; j++)
			;
		if (j - i > 1)
			rep[nrep++] = rep[i];
	}
	for (i = 0; i < ncand; i++)
		if (among(rep, nrep, cand[i].hash))
			cand[n++] = cand[i];
	free(rep);
	return n;
}

size_t
seen_finish(struct seen_cand **out)
{
	struct seen_cand *cand = NULL;
	struct share *sh;
	size_t ncand, i, n = 0, nsh;

	filter_bits = 16;
	while (filter_bits < 31 && (1ULL << (filter_bits + 1)) <= 64 * nseen)
		filter_bits++;
	for (share_bits = 0; share_bits < 3 && 2 << share_bits <= threads;)
		share_bits++;
	nsh = (size_t)1 << share_bits;
	sh = xcalloc(nsh, sizeof *sh);
	for (i = 0; i < nsh; i++)
		sh[i].t = (unsigned)i;
	jobs_each(run_share, sh, sizeof *sh, nsh);
	ncand = merge_shares(sh, nsh, &cand);
	free(sh);
	n = repeated(cand, ncand);
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
