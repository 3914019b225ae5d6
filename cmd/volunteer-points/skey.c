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

void
skey_long(struct skey *k, struct str s, struct buf *copy)
{
	k->n = s.n;
	if (copy != NULL) {
		buf_reset(copy);
		buf_add(copy, s.p, s.n);
		s.p = copy->p;
	}
	k->p = s.p;
}

struct str
skey_text(const struct skey *k, char *buf)
{
	struct str s = { buf, k->n };
	size_t i, nw = skey_nwords(k->n);

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
	for (i = 0; i < skey_nwords(n); i++)
		d |= k->w[i] ^ w[i];
	return d == 0;
}

int
skey_is(const struct skey *k, struct str s)
{
	size_t i, nw = skey_nwords(s.n);
	uint64_t d = 0;

	if (k->n != s.n)
		return 0;
	if (s.n > SKEY_MAX)
		return memcmp(k->p, s.p, s.n) == 0;
	if (s.n < 8)
		return k->w[0] == skey_short(s.p, s.n);
	for (i = 0; i + 1 < nw; i++)
		d |= k->w[i] ^ skey_load8(s.p + 8 * i);
	return (d | (k->w[nw - 1] ^ skey_load8(s.p + s.n - 8))) == 0;
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

static _Thread_local struct {
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
		j = skey_whash(o->w, o->n) & mask;
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
	memcpy(t->w, k->w, skey_nwords(k->n) * 8);
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
