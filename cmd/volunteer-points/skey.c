/*
 * volunteer-points: texts as keys (struct skey, vp.h), and the index of
 * data.strs in front of its pool: a project, team or kind found in one
 * slot of 64 bytes (one line of the caches) that holds the text's words,
 * asked for (strs_ahead) a record before it is needed.  Through the pool
 * alone a lookup cost a hash, its table's slot and the text, each
 * another miss of the caches.  Each text is put in the pool when the index
 * first meets it, so the pool's ids are those the pool alone would give.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/volunteer-points/vp.h"

static inline uint64_t
load8(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

/* The bytes of a text of fewer than 8 as memcpy would put them in a
 * zeroed word, from loads of fixed size. */
static inline uint64_t
short_word(const char *p, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const unsigned char *u = (const unsigned char *)p;
	uint32_t lo, hi;

	if (n >= 4) { /* the first four and the last four, overlapping */
		memcpy(&lo, p, 4);
		memcpy(&hi, p + n - 4, 4);
		return lo | (uint64_t)hi << (8 * (n - 4));
	}
	if (n == 0)
		return 0;
	return u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) |
	    (uint64_t)u[n - 1] << (8 * (n - 1));
#else
	uint64_t k = 0;

	memcpy(&k, p, n);
	return k;
#endif
}

/* The words of a text of n bytes (n <= SKEY_MAX). */
static inline size_t
nwords(size_t n)
{
	return (n + 7) / 8;
}

/*
 * The hash of the words of a text of n bytes: each word multiplied on its
 * own (the multiplications do not wait on one another), the sum mixed so
 * that every bit of each moves the low bits (ids differ in their last
 * bytes).
 */
static uint64_t
words_hash(const uint64_t *w, size_t n)
{
	uint64_t h = (n + 1) * 0x9E3779B97F4A7C15ULL;
	size_t i;

	for (i = 0; i < nwords(n); i++) {
		h = h << 23 | h >> 41;
		h += (w[i] ^ (i + 1) * 0x94d049bb133111ebULL) *
		    0xbf58476d1ce4e5b9ULL;
	}
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	return h ^ h >> 29;
}

void
skey_words(struct skey *k, struct str s, struct buf *copy)
{
	size_t i, nw;

	k->n = s.n;
	k->p = NULL;
	if (s.n > SKEY_MAX) { /* kept as text */
		if (copy != NULL) {
			buf_reset(copy);
			buf_add(copy, s.p, s.n);
			s.p = copy->p;
		}
		k->p = s.p;
		return;
	}
	if (s.n < 8)
		k->w[0] = short_word(s.p, s.n);
	else { /* the last word ends with the text, over the one before */
		nw = nwords(s.n);
		for (i = 0; i + 1 < nw; i++)
			k->w[i] = load8(s.p + 8 * i);
		k->w[nw - 1] = load8(s.p + s.n - 8);
	}
}

void
skey_hash(struct skey *k)
{
	k->h = k->n > SKEY_MAX ? str_hash(k->p, k->n, 0) :
				 words_hash(k->w, k->n);
}

void
skey_make(struct skey *k, struct str s, struct buf *copy)
{
	skey_words(k, s, copy);
	skey_hash(k);
}

struct str
skey_text(const struct skey *k, char *buf)
{
	struct str s = { buf, k->n };
	size_t i, nw = nwords(k->n);

	if (k->n > SKEY_MAX)
		s.p = k->p;
	else if (k->n < 8)
		memcpy(buf, &k->w[0], k->n);
	else {
		for (i = 0; i + 1 < nw; i++)
			memcpy(buf + 8 * i, &k->w[i], 8);
		memcpy(buf + k->n - 8, &k->w[nw - 1], 8);
	}
	return s;
}

int
skey_eq(const struct skey *k, const uint64_t *w, size_t n)
{
	size_t i;
	uint64_t d = 0;

	if (k->n != n)
		return 0;
	for (i = 0; i < nwords(n); i++)
		d |= k->w[i] ^ w[i];
	return d == 0;
}

int
skey_is(const struct skey *k, struct str s)
{
	size_t i, nw = nwords(s.n);
	uint64_t d = 0;

	if (k->n != s.n)
		return 0;
	if (s.n > SKEY_MAX)
		return memcmp(k->p, s.p, s.n) == 0;
	if (s.n < 8)
		return k->w[0] == short_word(s.p, s.n);
	for (i = 0; i + 1 < nw; i++)
		d |= k->w[i] ^ load8(s.p + 8 * i);
	return (d | (k->w[nw - 1] ^ load8(s.p + s.n - 8))) == 0;
}

void *
vp_lines(size_t n, void **mem)
{
	char *p;

	if (n >= (1u << 20)) /* xhuge: aligned on 2 MiB */
		*mem = p = xhuge(n);
	else {
		*mem = xmalloc(n + 63);
		p = (char *)*mem + (-(uintptr_t)*mem & 63);
	}
	return memset(p, 0, n);
}

/* A text of data.strs: its words, and its id + 1 (0: an empty slot). */
struct sslot {
	uint64_t w[SKEY_WORDS];
	uint32_t n, id;
};

static struct {
	struct sslot *tab;
	void *mem;
	size_t mask, used;
} st;

static void
strs_grow(void)
{
	size_t i, j, mask = st.tab == NULL ? 1023 : st.mask * 2 + 1;
	void *mem;
	struct sslot *tab = vp_lines((mask + 1) * sizeof *tab, &mem);

	for (i = 0; st.tab != NULL && i <= st.mask; i++) {
		const struct sslot *o = &st.tab[i];

		if (o->id == 0)
			continue;
		j = words_hash(o->w, o->n) & mask;
		while (tab[j].id != 0)
			j = (j + 1) & mask;
		tab[j] = *o;
	}
	free(st.mem);
	st.tab = tab;
	st.mem = mem;
	st.mask = mask;
}

void
strs_ahead(const struct skey *k)
{
	size_t j = k->h & st.mask;

	if (st.tab == NULL || k->n > SKEY_MAX)
		return;
	__builtin_prefetch(&st.tab[j]);
	__builtin_prefetch(&st.tab[(j + 1) & st.mask]);
}

uint32_t
strs_put(const struct skey *k)
{
	char b[SKEY_MAX];
	struct sslot *t;
	size_t j;
	uint32_t id;

	if (k->n > SKEY_MAX)
		return intern_put(data.strs, skey_text(k, b));
	if (st.tab == NULL)
		strs_grow();
	for (j = k->h & st.mask; (t = &st.tab[j])->id != 0;
	     j = (j + 1) & st.mask)
		if (skey_eq(k, t->w, t->n))
			return t->id - 1;
	id = intern_put(data.strs, skey_text(k, b));
	memcpy(t->w, k->w, nwords(k->n) * 8);
	t->n = (uint32_t)k->n;
	t->id = id + 1;
	if (++st.used * 2 > st.mask) /* half full at most */
		strs_grow();
	return id;
}

void
strs_free(void)
{
	free(st.mem);
	memset(&st, 0, sizeof st);
}
