/*
 * dual-report: the members' ids as the activities name them.  A million
 * activities each look their member up among a hundred thousand: in
 * lib/intern that is a slot, then the id's bytes elsewhere, two places
 * rarely in a cache.  This table, made once the members are read, holds
 * the short ids themselves (up to ID_INLINE bytes) with the member's
 * number and what an activity needs of it at once (when it registered,
 * its community, is it left out): one place, fetched while the rest of
 * the row is read.  Longer ids are found by lib/intern.
 *
 * When every id is one prefix and a number of one width (DY0000001,
 * DY0000002, ...) of a range at most 4 times the members, an id is found
 * by its number instead, in an array of 8-byte places (800 KB for
 * 100,000 members, in one huge page, not 3 MB of table: it mostly stays in
 * a core's cache of 1 MiB), without a hash, a probe or a compare: an id
 * of another form is no member's.  (So when the members' registered_at
 * span fewer than 65,535 days and there are fewer than 65,535
 * communities, else the table.)
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/dual-report/dr.h"

#define ID_INLINE 11	     /* bytes of an id in the table */
#define ID_MAX	  (1u << 29) /* members the table can number */

/* A slot: the id's bytes 0-7 (w0), 8-10 and its length (w1, the length in
 * the high byte), m the member's number + 1 (0: empty) << 1 | left out,
 * the member's registered_at and community. */
struct idslot {
	uint64_t w0;
	uint32_t w1, m;
	int32_t reg;
	uint32_t comm;
};

/* A member by its id's number: m as in struct idslot (0: none), its
 * registered_at (0: none, else the day after ids.reg0's) and its
 * community (0xFFFF: none). */
struct idnum {
	uint32_t m;
	uint16_t reg, comm;
};

static struct {
	struct idslot *tab;
	size_t mask;
	int all; /* every member whose id is short is in the table */
	/* by number: the prefix (pre, npre), the number's width, the
	 * smallest number, the array (NULL: not by number) */
	struct idnum *num;
	const char *pre;
	size_t npre, width;
	uint32_t lo, nnum;
	int32_t reg0; /* (by number: the day before the first registered) */
	/* ids of 8 bytes or more with a number of 8 digits or fewer: their
	 * last 8 bytes as a word (wide), the prefix's bytes among them
	 * (the low ones: pmask) and what they are (ptail) */
	int wide;
	uint64_t pmask, ptail;
} ids;

#define ONES 0x0101010101010101ULL

/* Word w (an id's last 8 bytes, the prefix's in pmask) a number: 1 and
 * *v, else 0.  Each byte not of the prefix a digit ('0' to '9': its high
 * half 3, and still 3 with 6 added), the digits then joined two, four,
 * eight at a time (the first byte the highest digit). */
static int
word_number(uint64_t w, uint32_t *v)
{
	uint64_t x = (w & ~ids.pmask) | (ONES * '0' & ids.pmask);

	if ((x & ONES * 0xF0) != ONES * 0x30 ||
	    ((x + ONES * 6) & ONES * 0xF0) != ONES * 0x30)
		return 0;
	x -= ONES * '0';
	x = (x * 10 + (x >> 8)) & 0x00FF00FF00FF00FFULL;
	x = (x * 100 + (x >> 16)) & 0x0000FFFF0000FFFFULL;
	x = (x * 10000 + (x >> 32)) & 0xFFFFFFFFULL;
	*v = (uint32_t)x;
	return 1;
}

/* Id s as ids' prefix and number of its width: 1 and *v, else 0. */
static int
id_number(struct str s, uint32_t *v)
{
	const char *p = s.p, *pre = ids.pre;
	size_t i, n = s.n, npre = ids.npre;
	uint32_t x = 0;

	if (n != npre + ids.width)
		return 0;
	if (ids.wide) {
		uint64_t w;

		for (i = 0; i < n - 8; i++)
			if (p[i] != pre[i])
				return 0;
		memcpy(&w, p + n - 8, 8);
		return (w & ids.pmask) == ids.ptail && word_number(w, v);
	}
	/* (a byte at a time: a prefix is short, a call to compare costs
	 * more) */
	for (i = 0; i < npre; i++)
		if (p[i] != pre[i])
			return 0;
	for (; i < n; i++) {
		uint32_t d = (uint32_t)(unsigned char)p[i] - '0';

		if (d > 9)
			return 0;
		x = x * 10 + d;
	}
	*v = x;
	return 1;
}

/* The prefix and the width of the number of id s (the first). */
static void
id_form(struct str s)
{
	for (ids.width = 0; ids.width < s.n && ids.width < 9 &&
	     s.p[s.n - ids.width - 1] >= '0' && s.p[s.n - ids.width - 1] <= '9';
	     ids.width++)
		;
	ids.pre = s.p;
	ids.npre = s.n - ids.width;
	ids.wide = s.n >= 8 && ids.width >= 1 && ids.width <= 8;
	if (ids.wide) {
		ids.pmask = ids.width == 8 ? 0 :
					     (1ULL << 8 * (8 - ids.width)) - 1;
		memcpy(&ids.ptail, s.p + s.n - 8, 8);
		ids.ptail &= ids.pmask;
	}
}

/* Are the ids of the n members one prefix and a number (of 1 to 9 digits)
 * each, of a range at most 4 n + 1024?  Then ids' prefix, width and
 * range are set, and each id's number in nums. */
static int
by_number(uint32_t n, uint32_t *nums)
{
	uint32_t i, v, hi = 0;

	if (n == 0)
		return 0;
	id_form(intern_get(data.ids, 0));
	if (ids.width == 0)
		return 0;
	ids.lo = UINT32_MAX;
	for (i = 0; i < n; i++) {
		if (!id_number(intern_get(data.ids, i), &v))
			return 0;
		nums[i] = v;
		ids.lo = v < ids.lo ? v : ids.lo;
		hi = v > hi ? v : hi;
	}
	if (hi - ids.lo >= 4 * (unsigned long long)n + 1024)
		return 0;
	ids.nnum = hi - ids.lo + 1;
	return 1;
}

/* Do the members' registered_at and communities fit struct idnum?  Then
 * ids.reg0 is set. */
static int
small_enough(uint32_t n)
{
	int32_t lo = INT32_MAX, hi = INT32_MIN;
	uint32_t i;

	for (i = 0; i < n; i++) {
		const struct member *m = &data.mem[i];

		if (m->comm != DR_NONE && m->comm >= 0xFFFF)
			return 0;
		if (m->reg == DR_NODAY)
			continue;
		lo = m->reg < lo ? m->reg : lo;
		hi = m->reg > hi ? m->reg : hi;
	}
	if (lo <= hi && (int64_t)hi - lo >= 0xFFFF)
		return 0;
	ids.reg0 = lo <= hi ? lo - 1 : 0;
	return 1;
}

/* The array of the members by their ids' numbers (nums). */
static void
make_by_number(uint32_t n, const uint32_t *nums)
{
	size_t size = (size_t)ids.nnum * sizeof *ids.num;
	uint32_t i;

	ids.num = size >= (256u << 10) ? xhuge(size) : xmalloc(size);
	memset(ids.num, 0, size);
	for (i = 0; i < n; i++) {
		const struct member *m = &data.mem[i];
		struct idnum *x;

		x = &ids.num[nums[i] - ids.lo];
		x->m = (i + 1) << 1 | (m->flags & M_EXCLUDED ? 1 : 0);
		x->reg = m->reg == DR_NODAY ? 0 : (uint16_t)(m->reg - ids.reg0);
		x->comm = m->comm == DR_NONE ? 0xFFFF : (uint16_t)m->comm;
	}
}

int
ids_key_plain(struct str s, struct idkey *k)
{
	if (ids.num == NULL)
		return 0;
	ids_key(s, k);
	return k->num >= 0;
}

void
ids_key(struct str s, struct idkey *k)
{
	uint64_t h;
	size_t i = 0;
	uint32_t v;

	if (ids.num != NULL) {
		k->num = id_number(s, &v) && v >= ids.lo &&
			v - ids.lo < ids.nnum ?
		    (int64_t)(v - ids.lo) :
		    -1;
		if (k->num >= 0)
			__builtin_prefetch(&ids.num[k->num]);
		return;
	}
	k->inl = s.n <= ID_INLINE && ids.tab != NULL;
	if (!k->inl)
		return;
	/* (bytes put one by one: a copy of a length not known is a call) */
	k->w0 = 0;
	k->w1 = (uint32_t)s.n << 24;
	if (s.n >= 8)
		memcpy(&k->w0, s.p, 8), i = 8;
	for (; i < s.n && i < 8; i++)
		k->w0 |= (uint64_t)(unsigned char)s.p[i] << (8 * i);
	for (; i < s.n; i++)
		k->w1 |= (uint32_t)(unsigned char)s.p[i] << (8 * (i - 8));
	h = (k->w0 ^ (uint64_t)k->w1 * 0x9E3779B97F4A7C15ULL) *
	    0xbf58476d1ce4e5b9ULL;
	h ^= h >> 31;
	k->h = h * 0x94d049bb133111ebULL;
	__builtin_prefetch(&ids.tab[(k->h >> 32) & ids.mask]);
}

static size_t
slot_of(const struct idkey *k)
{
	size_t j = (k->h >> 32) & ids.mask;

	while (ids.tab[j].m != 0 &&
	    (ids.tab[j].w0 != k->w0 || ids.tab[j].w1 != k->w1))
		j = (j + 1) & ids.mask;
	return j;
}

void
ids_make(void)
{
	uint32_t i, n = intern_len(data.ids);
	size_t size;

	ids_free();
	if (n > 0 && n < ID_MAX) {
		uint32_t *nums = xmalloc((size_t)n * sizeof *nums);
		int by = by_number(n, nums) && small_enough(n);

		if (by)
			make_by_number(n, nums);
		free(nums);
		if (by)
			return;
		ids_free();
	}
	/* at most 4/5 full: 100,000 ids in 3 MiB, which stays in a cache
	 * better than 6 */
	ids.mask = 1023;
	while ((ids.mask + 1) / 5 * 4 < n)
		ids.mask = ids.mask * 2 + 1;
	size = (ids.mask + 1) * sizeof *ids.tab;
	ids.tab = size >= (2u << 20) ? xhuge(size) : xmalloc(size);
	memset(ids.tab, 0, size);
	ids.all = n < ID_MAX;
	for (i = 0; i < n && i < ID_MAX; i++) {
		const struct member *m = &data.mem[i];
		struct idkey k;
		size_t j;

		ids_key(intern_get(data.ids, i), &k);
		if (!k.inl)
			continue;
		j = slot_of(&k);
		ids.tab[j].w0 = k.w0;
		ids.tab[j].w1 = k.w1;
		ids.tab[j].m = (i + 1) << 1 | (m->flags & M_EXCLUDED ? 1 : 0);
		ids.tab[j].reg = m->reg;
		ids.tab[j].comm = m->comm;
	}
}

void
ids_free(void)
{
	free(ids.tab);
	free(ids.num);
	memset(&ids, 0, sizeof ids);
}

long long
ids_find(struct str s, const struct idkey *k, struct idm *m)
{
	const struct member *mem;
	long long i;

	if (ids.num != NULL) {
		const struct idnum *x;

		if (k->num < 0 || (x = &ids.num[k->num])->m == 0)
			return -1;
		m->reg = x->reg == 0 ? DR_NODAY : ids.reg0 + x->reg;
		m->comm = x->comm == 0xFFFF ? DR_NONE : x->comm;
		m->out = x->m & 1;
		return (long long)(x->m >> 1) - 1;
	}
	if (k->inl) {
		const struct idslot *x = &ids.tab[slot_of(k)];
		uint32_t v = x->m;

		if (v != 0) {
			m->reg = x->reg;
			m->comm = x->comm;
			m->out = v & 1;
			return (long long)(v >> 1) - 1;
		}
		if (ids.all)
			return -1;
	}
	if ((i = intern_find(data.ids, s)) < 0)
		return -1;
	mem = &data.mem[i];
	m->reg = mem->reg;
	m->comm = mem->comm;
	m->out = (mem->flags & M_EXCLUDED) != 0;
	return i;
}
