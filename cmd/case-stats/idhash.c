/*
 * case-stats: the 64-bit hashes of the case ids, for the ways of counting
 * each case once that do not keep every case to the end (dedupe.c): which
 * ids come more than once in a first pass (two passes), and which cases
 * noted in one pass may have come twice (one pass).
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/stats.h"

/*
 * The ids seen in a first pass over the input (regular files only): their
 * 64-bit hashes, sorted (radix sort: sequential, where a hash set is one
 * cache miss an id), and those that come more than once kept.  In the
 * second pass only the cases whose hash came more than once go through
 * the table of cases.c; two ids with the same hash both do and are told
 * apart there, so the result is exact.
 */
static uint64_t *hashes, *twice;
static size_t nhash, caphash, ntwice;

static uint64_t
id_hash(struct str id)
{
	return str_hash(id.p, id.n, 0x5bd1e995);
}

void
idset_add(struct str id)
{
	if (nhash == caphash) {
		caphash = caphash ? caphash + caphash / 2 : 1u << 16;
		hashes = xreallocarray(hashes, caphash, sizeof *hashes);
	}
	hashes[nhash++] = id_hash(id);
}

/* After the first pass: the hashes that come more than once, sorted. */
size_t
idset_done(void)
{
	size_t n = nhash;

	ntwice = u64_repeated(hashes, nhash, 1);
	twice = xreallocarray(hashes, ntwice > 0 ? ntwice : 1, sizeof *twice);
	hashes = NULL;
	nhash = caphash = 0;
	return n;
}

int
idset_twice(struct str id)
{
	/* most inputs have no id twice: no hash to make */
	return ntwice > 0 && u64_in(twice, ntwice, id_hash(id));
}

void
idset_free(void)
{
	free(twice);
	twice = NULL;
	ntwice = 0;
}

/*
 * One pass (dedupe.c, when the reader gives records again by position):
 * every case is added to its group as it comes, as if no id came twice,
 * and noted here by the 64-bit hash of its id and by where the reader
 * finds it again.  At the
 * end a filter of bits (one per hash, by its top bits) finds the few
 * hashes that may come twice; the cases whose hash does come twice (every
 * case of an id that came twice, and any other with the same hash) are
 * read again, taken out of their groups (acc_sub), and go through the
 * exact table of cases.c in the order they came.
 */
/* The cases noted, in chunks of 2 MiB, in huge pages (xhuge): with small
 * pages their page faults took longer than the noting. */
#define SEEN_CHUNK ((2u << 20) / sizeof(struct seen_case))

static struct seen_case **seen; /* the chunks */
static size_t nseen, capchunks;
static unsigned filter_bits; /* log2 of the number of bits */
static uint64_t *filter;
static uint32_t *hit; /* bits found set already, once or more */
static size_t nhit, caphit;

void
seen_init(unsigned long long bytes)
{
	/* about a bit for each 8 bytes of input, a power of two: for a
	 * million records of 270 bytes, 1 case in 70 shares its bit with
	 * another and is looked at closely (fewer bits, more such; more
	 * bits, more misses of the cache) */
	filter_bits = 16;
	while (filter_bits < 31 && (1ULL << (filter_bits + 1)) <= bytes / 8)
		filter_bits++;
}

uint64_t
seen_hash(struct str id)
{
	return id_hash(id);
}

#define SEEN_AT(i) (seen[(i) / SEEN_CHUNK][(i) % SEEN_CHUNK])

static uint32_t
bit_of(uint64_t hash)
{
	return (uint32_t)(hash >> (64 - filter_bits));
}

/* Test and set the bit of case i. */
static void
filter_case(size_t i)
{
	uint32_t b = bit_of(SEEN_AT(i).hash);
	uint64_t m = 1ULL << (b & 63);

	if ((filter[b >> 6] & m) == 0) {
		filter[b >> 6] |= m;
		return;
	}
	if (nhit == caphit)
		hit = xgrow(hit, &caphit, 256, sizeof *hit);
	hit[nhit++] = b;
}

void
seen_add(struct str id, long long pos)
{
	struct seen_case *e;

	if (nseen % SEEN_CHUNK == 0) {
		size_t c = nseen / SEEN_CHUNK;

		if (c == capchunks)
			seen = xgrow(seen, &capchunks, 16, sizeof *seen);
		seen[c] = xhuge(SEEN_CHUNK * sizeof **seen);
	}
	e = &seen[nseen / SEEN_CHUNK][nseen % SEEN_CHUNK];
	e->pos = pos;
	e->hash = id_hash(id);
	nseen++;
}

static int
by_hash_pos(const void *a, const void *b)
{
	const struct seen_case *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static int
by_pos(const void *a, const void *b)
{
	const struct seen_case *x = a, *y = b;

	return (x->pos > y->pos) - (x->pos < y->pos);
}

/*
 * The cases whose bit was found set already, and the cases that set it
 * first: a small table of the bits found set (bits are random: their low
 * bits place them), and in front of it a bitmap that stays in the cache.
 */
static size_t
candidates(struct seen_case **cand)
{
	uint32_t *tab;
	uint64_t *pre;
	size_t cap = 64, i, n = 0, capn = 0;
	const unsigned prebits = 20;

	while (cap < 4 * nhit)
		cap *= 2;
	tab = xcalloc(cap, sizeof *tab); /* bit + 1, 0 empty */
	pre = xcalloc((size_t)1 << (prebits - 6), sizeof *pre);
	for (i = 0; i < nhit; i++) {
		size_t s = hit[i] & (cap - 1);
		uint32_t p = hit[i] & ((1u << prebits) - 1);

		pre[p >> 6] |= 1ULL << (p & 63);
		while (tab[s] != 0 && tab[s] != hit[i] + 1)
			s = (s + 1) & (cap - 1);
		tab[s] = hit[i] + 1;
	}
	for (i = 0; i < nseen; i++) {
		uint32_t b = bit_of(SEEN_AT(i).hash);
		uint32_t p = b & ((1u << prebits) - 1);
		size_t s = b & (cap - 1);

		if ((pre[p >> 6] & (1ULL << (p & 63))) == 0)
			continue;
		while (tab[s] != 0 && tab[s] != b + 1)
			s = (s + 1) & (cap - 1);
		if (tab[s] == 0)
			continue;
		if (n == capn) {
			capn = capn ? capn * 2 : 2 * nhit;
			*cand = xreallocarray(*cand, capn, sizeof **cand);
		}
		(*cand)[n++] = SEEN_AT(i);
	}
	free(pre);
	free(tab);
	return n;
}

/*
 * The cases to read again (their positions and hashes, in the order they
 * came), and their number: of the cases whose bit was found set, those
 * whose whole hash comes twice.
 */
size_t
seen_finish(struct seen_case **out)
{
	struct seen_case *cand = NULL;
	size_t fsize = ((size_t)1 << (filter_bits - 6)) * sizeof *filter;
	size_t ncand = 0, i, j, n = 0;

	/* every case's bit, tested and set in one loop that fetches ahead:
	 * a random bit is a miss of the cache (done while the records
	 * stream through the cache, it was a miss every time) */
	filter = xhuge(fsize);
	memset(filter, 0, fsize);
	for (i = 0; i < nseen; i++) {
		if (i + 16 < nseen)
			__builtin_prefetch(&filter[bit_of(
						       SEEN_AT(i + 16).hash) >>
					       6],
			    1);
		filter_case(i);
	}
	free(filter);
	filter = NULL;
	if (nhit > 0) {
		ncand = candidates(&cand);
		qsort(cand, ncand, sizeof *cand, by_hash_pos);
		for (i = 0; i < ncand; i = j) {
			for (j = i + 1;
			     j < ncand && cand[j].hash == cand[i].hash; j++)
				;
			if (j - i > 1)
				while (i < j)
					cand[n++] = cand[i++];
		}
		qsort(cand, n, sizeof *cand, by_pos);
	}
	free(hit);
	hit = NULL;
	nhit = caphit = 0;
	for (i = 0; i < (nseen + SEEN_CHUNK - 1) / SEEN_CHUNK; i++)
		free(seen[i]);
	free(seen);
	seen = NULL;
	nseen = capchunks = 0;
	if (n == 0) {
		free(cand);
		cand = NULL;
	}
	*out = cand;
	return n;
}
