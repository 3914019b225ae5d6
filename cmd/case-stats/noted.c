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

static char **chunk; /* the chunks, each used[c] bytes */
static size_t *used;
static size_t nchunk, capchunk;
static uint64_t *restart; /* chunk << 32 | offset of case i * RESTART */
static size_t nrestart, caprestart;
static size_t nnoted;
static struct buf last; /* the id before */
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
room(size_t n)
{
	if (nchunk == 0 || used[nchunk - 1] + n > CHUNK) {
		if (nchunk == capchunk) {
			chunk = xgrow(chunk, &capchunk, 16, sizeof *chunk);
			used = xreallocarray(used, capchunk, sizeof *used);
		}
		chunk[nchunk] = xhuge(CHUNK);
		used[nchunk++] = 0;
	}
	return chunk[nchunk - 1] + used[nchunk - 1];
}

void
noted_add(const struct ccase *c)
{
	size_t share = 0, most = 1 + 3 * 10 + 2 * 3 + c->id.n;
	char *p, *start;

	if (nnoted % RESTART == 0) {
		room(most); /* (a new chunk now, not after the restart) */
		if (nrestart == caprestart)
			restart = xgrow(restart, &caprestart, 64,
			    sizeof *restart);
		restart[nrestart++] = (uint64_t)(nchunk - 1) << 32 |
		    used[nchunk - 1];
		buf_reset(&last);
	}
	while (share < last.n && share < c->id.n &&
	    last.p[share] == c->id.p[share])
		share++;
	p = start = room(most);
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
	used[nchunk - 1] += (size_t)(p - start);
	buf_reset(&last);
	buf_add(&last, c->id.p, c->id.n);
	nnoted++;
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
noted_take(const struct seen_cand *want, size_t n,
    void (*fn)(const struct ccase *c))
{
	struct buf id = { 0 };
	struct ccase c;
	size_t k = 0;

	while (k < n) {
		size_t i = want[k].i / RESTART * RESTART;
		size_t ch = (size_t)(restart[i / RESTART] >> 32);
		const char *p = chunk[ch] + (uint32_t)restart[i / RESTART];

		buf_reset(&id);
		for (; k < n &&
		     want[k].i / RESTART * RESTART == i / RESTART * RESTART;
		     i++) {
			if (p == chunk[ch] + used[ch])
				p = chunk[++ch];
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
noted_free(void)
{
	size_t i;

	for (i = 0; i < nchunk; i++)
		free(chunk[i]);
	free(chunk);
	free(used);
	free(restart);
	chunk = NULL;
	used = NULL;
	restart = NULL;
	nchunk = capchunk = nrestart = caprestart = nnoted = 0;
	buf_free(&last);
	for (i = 0; i < nposc; i++)
		free(pos[i]);
	free(pos);
	pos = NULL;
	nposc = capposc = 0;
}
