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
 * (seen_add_run), and the filter's work is shared among threads, each a
 * range of the cases and a range of the filter's blocks (seen_threads).
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
	uint8_t *x;  /* the 8 bits more of each (seen_hash40) */
	size_t n;
	int own;
};

static struct seg *seg;
static size_t nseg, capseg, nseen;
static unsigned filter_bits; /* log2 of the number of bits */
static int threads = 1;	     /* (seen_threads) */

/* 64 bits of an id: one of 8 to 16 bytes by two words that overlap,
 * without a call (ids such as "SL20240000001"); others by str_hash. */
static uint64_t
hash64(struct str id)
{
	uint64_t x, y;

	if (id.n < 8 || id.n > 16)
		return str_hash(id.p, id.n, 0x5bd1e995);
	memcpy(&x, id.p, 8);
	memcpy(&y, id.p + id.n - 8, 8);
	/* (ids of one length and first word: their 64 bits all differ) */
	x = (x ^ id.n) * 0x9E3779B97F4A7C15ULL ^ y;
	x = (x ^ x >> 32) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ x >> 29) * 0x94d049bb133111ebULL;
	return x ^ x >> 32;
}

uint32_t
seen_hash(struct str id)
{
	return (uint32_t)(hash64(id) >> 32);
}

uint64_t
seen_hash40(struct str id)
{
	return hash64(id) >> 24;
}

static struct seg *
new_seg(void)
{
	if (nseg == capseg)
		seg = xgrow(seg, &capseg, 16, sizeof *seg);
	memset(&seg[nseg], 0, sizeof *seg);
	return &seg[nseg++];
}

static size_t
seen_add_hash(uint32_t h, uint8_t x)
{
	struct seg *s = nseg > 0 ? &seg[nseg - 1] : NULL;

	if (s == NULL || !s->own || s->n == SEEN_CHUNK) {
		s = new_seg();
		s->own = 1;
		s->h = xhuge(SEEN_CHUNK * sizeof *s->h);
		s->x = xhuge(SEEN_CHUNK * sizeof *s->x);
	}
	s->x[s->n] = x;
	s->h[s->n++] = h;
	return nseen++;
}

size_t
seen_add(struct str id)
{
	uint64_t h = seen_hash40(id);

	return seen_add_hash((uint32_t)(h >> 8), (uint8_t)h);
}

size_t
seen_add_run(uint32_t *h, uint8_t *x, size_t n)
{
	struct seg *s;

	if (n == 0)
		return nseen;
	s = new_seg();
	s->h = h;
	s->x = x;
	s->n = n;
	nseen += n;
	return nseen - n;
}

static uint32_t
bit_of(uint32_t hash)
{
	return hash >> (32 - filter_bits);
}

/* log2 of the bits of a block of the filter: 128 KiB, in the cache. */
#define BLOCK_BITS 20
#define PREBITS	   20

/*
 * The filter's work, in threads (jobs_each), in three rounds: each
 * thread's cases (a range of their numbers) counted by the block of the
 * filter their bit falls in, then put in order of their blocks (bits);
 * each thread's blocks (a range) tested and set, a block at a time in a
 * bitmap that stays in the cache (a random bit of the whole filter was a
 * miss of the cache every time, even fetched ahead), the bits found set
 * already kept (hit); each thread's cases again, those whose bit is a
 * hit its candidates, in order.  No branch on a random bit: each case
 * is one thread's, each block one thread's.
 */
struct fjob {
	int round;
	size_t from, to;	/* its cases */
	size_t *at;		/* per block: its cases, then where they go */
	size_t b0, b1;		/* its blocks */
	uint32_t *hit;		/* bits found set already, once or more */
	size_t nhit, caphit;	/* (a bit may come more than once) */
	struct seen_cand *cand; /* its candidates, in order */
	size_t ncand, capcand;
};

static size_t *seg_at;	   /* the number of each segment's first case */
static unsigned part_bits; /* log2 of the blocks */
static size_t *block_at;   /* where each block's bits begin in bits */
static uint32_t *bits;	   /* the cases' bits, by block */
static size_t nbits;	   /* (its room) */

/* The bits found set (a small table: bits are random, their low bits
 * place them) and a bitmap of them in front, that stays in the cache. */
struct hits {
	uint32_t *tab; /* bit + 1, 0 empty */
	size_t cap;
	uint64_t *pre;
};

static struct hits hits;

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

/* The bits of j's cases: counted by block (round 0), put in order of
 * their blocks (round 1). */
static void
cases_bits(struct fjob *j)
{
	unsigned sh = filter_bits - part_bits;
	size_t k, i;

	for (k = 0; k < nseg; k++) {
		size_t lo = j->from > seg_at[k] ? j->from : seg_at[k];
		size_t hi = j->to < seg_at[k + 1] ? j->to : seg_at[k + 1];
		const uint32_t *h = seg[k].h - seg_at[k];

		if (j->round == 0)
			for (i = lo; i < hi; i++)
				j->at[bit_of(h[i]) >> sh]++;
		else
			for (i = lo; i < hi; i++) {
				uint32_t b = bit_of(h[i]);

				bits[j->at[b >> sh]++] = b;
			}
	}
}

/* j's blocks, each tested and set in a bitmap (round 2). */
static void
blocks_filter(struct fjob *j)
{
	uint32_t lmask = (uint32_t)((1ULL << (filter_bits - part_bits)) - 1);
	size_t size = ((size_t)lmask + 1) / 8, k, n;
	uint64_t *block = xmalloc(size);

	for (k = j->b0; k < j->b1; k++) {
		memset(block, 0, size);
		for (n = block_at[k]; n < block_at[k + 1]; n++) {
			uint32_t l = bits[n] & lmask;
			uint64_t m = 1ULL << (l & 63);

			if ((block[l >> 6] & m) == 0) {
				block[l >> 6] |= m;
				continue;
			}
			if (j->nhit == j->caphit)
				j->hit = xgrow(j->hit, &j->caphit, 256,
				    sizeof *j->hit);
			j->hit[j->nhit++] = bits[n];
		}
	}
	free(block);
}

/* j's cases whose bit was found set already, and those that set it
 * first (their hashes and numbers, in order: round 3). */
static void
cases_candidates(struct fjob *j)
{
	size_t k, i;

	for (k = 0; k < nseg; k++) {
		size_t lo = j->from > seg_at[k] ? j->from : seg_at[k];
		size_t hi = j->to < seg_at[k + 1] ? j->to : seg_at[k + 1];
		const uint32_t *h = seg[k].h - seg_at[k];

		for (i = lo; i < hi; i++) {
			if (!is_hit(&hits, bit_of(h[i])))
				continue;
			if (j->ncand == j->capcand)
				j->cand = xgrow(j->cand, &j->capcand, 256,
				    sizeof *j->cand);
			j->cand[j->ncand].hash = h[i];
			j->cand[j->ncand++].i = i;
		}
	}
}

static void *
run_job(void *arg)
{
	struct fjob *j = arg;

	if (j->round < 2)
		cases_bits(j);
	else if (j->round == 2)
		blocks_filter(j);
	else
		cases_candidates(j);
	return NULL;
}

static void
rounds(struct fjob *j, size_t n, int round)
{
	size_t k;

	for (k = 0; k < n; k++)
		j[k].round = round;
	jobs_each(run_job, j, sizeof *j, n);
}

/* The hits of the n jobs, into hits; 0 when none. */
static size_t
hits_make(struct fjob *j, size_t n)
{
	size_t i, k, total = 0;

	for (k = 0; k < n; k++)
		total += j[k].nhit;
	if (total == 0)
		return 0;
	hits.cap = 64;
	while (hits.cap < 4 * total)
		hits.cap *= 2;
	hits.tab = xcalloc(hits.cap, sizeof *hits.tab);
	hits.pre = xcalloc((size_t)1 << (PREBITS - 6), sizeof *hits.pre);
	for (k = 0; k < n; k++)
		for (i = 0; i < j[k].nhit; i++) {
			uint32_t b = j[k].hit[i], p = b & ((1u << PREBITS) - 1);
			size_t s = b & (hits.cap - 1);

			hits.pre[p >> 6] |= 1ULL << (p & 63);
			while (hits.tab[s] != 0 && hits.tab[s] != b + 1)
				s = (s + 1) & (hits.cap - 1);
			hits.tab[s] = b + 1;
		}
	return total;
}

/* Each case's bit in order of the blocks: block_at and bits. */
static void
blocks_make(struct fjob *j, size_t n)
{
	size_t nb = (size_t)1 << part_bits, b, k, at = 0;

	block_at = xreallocarray(NULL, nb + 1, sizeof *block_at);
	for (b = 0; b < nb; b++) {
		block_at[b] = at;
		for (k = 0; k < n; k++) {
			size_t c = j[k].at[b];

			j[k].at[b] = at;
			at += c;
		}
	}
	block_at[nb] = at;
	nbits = at + 1;
	bits = big_alloc(nbits * sizeof *bits);
}

/*
 * The cases whose bit of the filter came twice, in order, into *out:
 * how many.  About 64 bits a case, a power of two: of a million cases, 1
 * in 70 shares its bit with another and is looked at closely (fewer
 * bits, more such).
 */
static size_t
filter_cases(struct seen_cand **out)
{
	size_t n = threads < 8 ? (size_t)threads : 8, nb, k, total = 0;
	struct fjob *j = xcalloc(n, sizeof *j);
	struct seen_cand *c;

	part_bits = filter_bits > BLOCK_BITS ? filter_bits - BLOCK_BITS : 0;
	nb = (size_t)1 << part_bits;
	seg_at = xreallocarray(NULL, nseg + 1, sizeof *seg_at);
	seg_at[0] = 0;
	for (k = 0; k < nseg; k++)
		seg_at[k + 1] = seg_at[k] + seg[k].n;
	for (k = 0; k < n; k++) {
		j[k].from = nseen * k / n;
		j[k].to = nseen * (k + 1) / n;
		j[k].b0 = nb * k / n;
		j[k].b1 = nb * (k + 1) / n;
		j[k].at = xcalloc(nb, sizeof *j[k].at);
	}
	rounds(j, n, 0);
	blocks_make(j, n);
	rounds(j, n, 1);
	rounds(j, n, 2);
	if (hits_make(j, n) > 0)
		rounds(j, n, 3);
	for (k = 0; k < n; k++)
		total += j[k].ncand;
	c = xreallocarray(NULL, total + 1, sizeof *c);
	for (k = 0, total = 0; k < n; k++) {
		if (j[k].ncand > 0)
			memcpy(c + total, j[k].cand, j[k].ncand * sizeof *c);
		total += j[k].ncand;
		free(j[k].cand);
		free(j[k].hit);
		free(j[k].at);
	}
	free(j);
	free(hits.tab);
	free(hits.pre);
	memset(&hits, 0, sizeof hits);
	big_free(bits, nbits * sizeof *bits);
	free(block_at);
	bits = NULL;
	block_at = NULL;
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

static uint64_t
key40(const struct seen_cand *c)
{
	return (uint64_t)c->hash << 8 | c->x;
}

/*
 * Of the candidates (in the order they came), those whose hash is some
 * other's too, then those whose hash and 8 bits more of it are: how many,
 * in place.  (Of the n^2 / 2^33 cases of n whose 32 bits are another's,
 * 1 in 256 is left: the others were read again, 6,000 at 5M cases, 3 to
 * 5 us each.  Their 8 bits looked up for those few: a miss of the cache
 * each.)
 */
static size_t
repeated(struct seen_cand *cand, size_t ncand)
{
	uint32_t *rep = xreallocarray(NULL, ncand + 1, sizeof *rep);
	uint64_t *key;
	size_t i, j, k = 0, nrep = 0, n = 0, m = 0;

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
	key = xreallocarray(NULL, n + 1, sizeof *key);
	for (i = 0; i < n; i++) {
		while (cand[i].i >= seg_at[k + 1])
			k++;
		cand[i].x = seg[k].x[cand[i].i - seg_at[k]];
		key[i] = key40(&cand[i]);
	}
	nrep = u64_repeated(key, n, 1);
	for (i = 0; i < n; i++)
		if (u64_in(key, nrep, key40(&cand[i])))
			cand[m++] = cand[i];
	free(key);
	return m;
}

size_t
seen_finish(struct seen_cand **out)
{
	struct seen_cand *cand = NULL;
	size_t ncand, i, n = 0;

	filter_bits = 16;
	while (filter_bits < 31 && (1ULL << (filter_bits + 1)) <= 64 * nseen)
		filter_bits++;
	ncand = filter_cases(&cand);
	n = repeated(cand, ncand);
	for (i = 0; i < nseg; i++)
		if (seg[i].own) {
			free(seg[i].h);
			free(seg[i].x);
		}
	free(seg);
	free(seg_at);
	seg = NULL;
	seg_at = NULL;
	nseen = nseg = capseg = 0;
	if (n == 0) {
		free(cand);
		cand = NULL;
	}
	*out = cand;
	return n;
}
