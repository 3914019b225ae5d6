/*
 * volunteer-points: texts as keys (skey.c).
 */
#ifndef VP_SKEY_H
#define VP_SKEY_H

#include <stdint.h>
#include <string.h>

#include "lib/zl.h"

/*
 * A text of up to SKEY_MAX bytes as words read 8 bytes at a time, the
 * last one ending with the text (over the one before): equal texts, equal
 * words, and the text is made again from them (skey_text).  A longer one
 * is kept as text (copied to copy, when not NULL).  A memcpy of variable
 * length stored the bytes one at a time, and the words' loads waited on
 * those stores.  skey.c.
 */
#define SKEY_WORDS 7
#define SKEY_MAX   (8 * SKEY_WORDS)
struct skey {
	uint64_t w[SKEY_WORDS];
	uint64_t h;    /* its hash */
	size_t n;      /* the text's length */
	const char *p; /* a text longer than SKEY_MAX */
};
/* A text longer than SKEY_MAX (its length and text). */
void skey_long(struct skey *k, struct str s, struct buf *copy);

static inline uint64_t
skey_load8(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

/* The bytes of a text of fewer than 8 as memcpy would put them in a
 * zeroed word, from loads of fixed size. */
static inline uint64_t
skey_short(const char *p, size_t n)
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
skey_nwords(size_t n)
{
	return (n + 7) / 8;
}

/*
 * The hash of the words of a text of n bytes: each word multiplied on its
 * own (the multiplications do not wait on one another), the sum mixed so
 * that every bit of each moves the low bits (ids differ in their last
 * bytes).
 */
static inline uint64_t
skey_whash(const uint64_t *w, size_t n)
{
	uint64_t h = (n + 1) * 0x9E3779B97F4A7C15ULL;
	size_t i;

	for (i = 0; i < skey_nwords(n); i++) {
		h = h << 23 | h >> 41;
		h += (w[i] ^ (i + 1) * 0x94d049bb133111ebULL) *
		    0xbf58476d1ce4e5b9ULL;
	}
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	return h ^ h >> 29;
}

/* k of s, without its hash (inline: four texts a record). */
static inline void
skey_words(struct skey *k, struct str s, struct buf *copy)
{
	size_t i, nw = skey_nwords(s.n);

	k->n = s.n;
	k->p = NULL;
	if (s.n > SKEY_MAX)
		skey_long(k, s, copy);
	else if (s.n < 8)
		k->w[0] = skey_short(s.p, s.n);
	else { /* the last word ends with the text, over the one before */
		for (i = 0; i + 1 < nw; i++)
			k->w[i] = skey_load8(s.p + 8 * i);
		k->w[nw - 1] = skey_load8(s.p + s.n - 8);
	}
}

/* k->h set (after skey_words). */
static inline void
skey_hash(struct skey *k)
{
	k->h = k->n > SKEY_MAX ? str_hash(k->p, k->n, 0) :
				 skey_whash(k->w, k->n);
}

static inline void
skey_make(struct skey *k, struct str s, struct buf *copy)
{
	skey_words(k, s, copy);
	skey_hash(k);
}

/* The text of k, made in buf (SKEY_MAX bytes) or kept. */
struct str skey_text(const struct skey *k, char *buf);
/* k is the text of n bytes whose words are w. */
int skey_eq(const struct skey *k, const uint64_t *w, size_t n);
/* k is the text s. */
int skey_is(const struct skey *k, struct str s);

#endif
