/*
 * case-stats: one pass (dedupe.c), what finds a case again at the end:
 * its position in the input (when the reader can read it again there),
 * or the case itself, noted compactly as it came (CSV, other encodings,
 * standard input, pipes): no record is read twice.
 *
 * A case noted is a byte of flags (bit 7: an update time follows), its
 * group, its duration when closed, its update time (variable-length
 * integers), and its id as the bytes it shares with the id before it and
 * the rest: exports number their cases in order, so an id of 13 bytes
 * takes 3 or 4.  Every RESTART-th case starts afresh (shares nothing),
 * and where it starts is kept: the cases wanted again are read from the
 * restart before them, not from the first.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"

#define CHUNK	(2u << 20) /* bytes of a chunk (huge pages) */
#define RESTART 64

/* The cases noted: the main thread's, or a thread's own (jobs.c). */
struct noted {
	char **chunk; /* the chunks, each used[c] bytes */
	size_t *used;
	size_t nchunk, capchunk;
	uint64_t *restart; /* chunk << 32 | offset of case i * RESTART */
	size_t nrestart, caprestart;
	size_t nnoted;
	struct buf last; /* the id before */
};

static struct noted N;
static long long **pos; /* by position: in chunks */
static size_t nposc, capposc;

void
noted_pos(size_t i, long long p)
{
	const size_t per = CHUNK / sizeof **pos;

	if (i % per == 0) {
		if (nposc == capposc)
			pos = xgrow(pos, &capposc, 16, sizeof *pos);
		pos[nposc++] = xhuge(CHUNK);
	}
	pos[i / per][i % per] = p;
}

long long
noted_pos_at(size_t i)
{
	const size_t per = CHUNK / sizeof **pos;

	return pos[i / per][i % per];
}

/* Room for n more bytes: where they go. */
static char *
room(struct noted *t, size_t n)
{
	if (t->nchunk == 0 || t->used[t->nchunk - 1] + n > CHUNK) {
		if (t->nchunk == t->capchunk) {
			t->chunk = xgrow(t->chunk, &t->capchunk, 16,
			    sizeof *t->chunk);
			t->used = xreallocarray(t->used, t->capchunk,
			    sizeof *t->used);
		}
		t->chunk[t->nchunk] = xhuge(CHUNK);
		t->used[t->nchunk++] = 0;
	}
	return t->chunk[t->nchunk - 1] + t->used[t->nchunk - 1];
}

/* The bytes a and b share at their start, of their first n: eight at a
 * time, then one by one. */
static size_t
shared(const char *a, const char *b, size_t n)
{
	size_t i = 0;
	uint64_t x, y;

	for (; i + 8 <= n; i += 8) {
		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		if (x != y)
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return i + (size_t)__builtin_ctzll(x ^ y) / 8;
#else
			break;
#endif
	}
	while (i < n && a[i] == b[i])
		i++;
	return i;
}

void
noted_add_to(struct noted *t, const struct ccase *c)
{
	size_t share = 0, most = 1 + 3 * 10 + 2 * 3 + c->id.n;
	char *p, *start;

	if (t->nnoted % RESTART == 0) {
		room(t, most); /* (a new chunk now, not after the restart) */
		if (t->nrestart == t->caprestart)
			t->restart = xgrow(t->restart, &t->caprestart, 64,
			    sizeof *t->restart);
		t->restart[t->nrestart++] = (uint64_t)(t->nchunk - 1) << 32 |
		    t->used[t->nchunk - 1];
		buf_reset(&t->last);
	}
	share = shared(t->last.p, c->id.p,
	    t->last.n < c->id.n ? t->last.n : c->id.n);
	p = start = room(t, most);
	*p++ = (char)(c->flags | (c->upd != NO_TIME ? 0x80 : 0));
	p = put_varint(p, c->gid);
	if ((c->flags & FL_STATE) == ST_CLOSED)
		p = put_varint(p, c->dur);
	if (c->upd != NO_TIME) /* zigzag: small either side of 0 */
		p = put_varint(p,
		    (uint64_t)c->upd << 1 ^ (uint64_t)(c->upd >> 63));
	p = put_varint(p, share);
	p = put_varint(p, c->id.n - share);
	memcpy(p, c->id.p + share, c->id.n - share);
	p += c->id.n - share;
	t->used[t->nchunk - 1] += (size_t)(p - start);
	if (c->id.n >= t->last.cap) { /* (room for it, once) */
		buf_reset(&t->last);
		buf_add(&t->last, c->id.p, c->id.n);
	} else /* (the bytes it shares with the one before are there) */
		memcpy(t->last.p + share, c->id.p + share, c->id.n - share);
	t->last.n = c->id.n;
	t->nnoted++;
}

void
noted_add(const struct ccase *c)
{
	noted_add_to(&N, c);
}

/* The case at p into c (its id in id, after the id before). */
static const char *
decode(const char *p, struct ccase *c, struct buf *id)
{
	uint64_t v, share, n;

	c->flags = (unsigned char)*p++;
	p = get_varint(p, &v);
	c->gid = (uint32_t)v;
	c->dur = 0;
	if ((c->flags & FL_STATE) == ST_CLOSED) {
		p = get_varint(p, &v);
		c->dur = (uint32_t)v;
	}
	c->upd = NO_TIME;
	if (c->flags & 0x80) {
		p = get_varint(p, &v);
		c->upd = (long long)(v >> 1 ^ -(v & 1));
	}
	c->flags &= 0x7F;
	p = get_varint(p, &share);
	p = get_varint(p, &n);
	id->n = share;
	buf_add(id, p, n);
	c->id.p = id->p;
	c->id.n = id->n;
	return p + n;
}

void
noted_take_from(const struct noted *t, const struct seen_cand *want, size_t n,
    void (*fn)(const struct ccase *c))
{
	struct buf id = { 0 };
	struct ccase c;
	size_t k = 0;

	while (k < n) {
		size_t i = want[k].i / RESTART * RESTART;
		size_t ch = (size_t)(t->restart[i / RESTART] >> 32);
		const char *p = t->chunk[ch] +
		    (uint32_t)t->restart[i / RESTART];

		buf_reset(&id);
		for (; k < n &&
		     want[k].i / RESTART * RESTART == i / RESTART * RESTART;
		     i++) {
			if (p == t->chunk[ch] + t->used[ch])
				p = t->chunk[++ch];
			p = decode(p, &c, &id);
			if (i == want[k].i) {
				fn(&c);
				k++;
			}
		}
	}
	buf_free(&id);
}

void
noted_take(const struct seen_cand *want, size_t n,
    void (*fn)(const struct ccase *c))
{
	noted_take_from(&N, want, n, fn);
}

struct noted *
noted_new(void)
{
	return xcalloc(1, sizeof(struct noted));
}

static void
noted_clear(struct noted *t)
{
	size_t i;

	for (i = 0; i < t->nchunk; i++)
		free(t->chunk[i]);
	free(t->chunk);
	free(t->used);
	free(t->restart);
	buf_free(&t->last);
	memset(t, 0, sizeof *t);
}

void
noted_drop(struct noted *t)
{
	if (t == NULL)
		return;
	noted_clear(t);
	free(t);
}

void
noted_free(void)
{
	size_t i;

	noted_clear(&N);
	for (i = 0; i < nposc; i++)
		free(pos[i]);
	free(pos);
	pos = NULL;
	nposc = capposc = 0;
}
