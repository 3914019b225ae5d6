/*
 * grid-import: the units made by a thread of their own (-j 2 and more)
 * while the main thread reads and tidies the rows.  The main thread does
 * all that is said or rejected (the reader, the sheets, units_pre); the
 * rows it passes are copied into blocks, which the units' thread takes
 * in order and makes the units of (units_make), as one thread would:
 * the units, their problems and their order are the same.
 *
 * A block holds rows one after the other: a struct qrow, then for each
 * field whose value is not that of the row before in the block (empty,
 * or from another data row: see struct row; the bits of changed, in the
 * order of the fields) its length, the number of the data row it is from
 * and its bytes; then, unless the row has its street and community
 * again, their names.  A row with a
 * value longer than LONG (a name near units.c's limit of 64 KiB, which
 * ends the run) waits until the blocks before it are done and is made by
 * the main thread.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/grid-import/grid-import.h"

#define NBLOCK 4
#define BLOCK  (256u << 10)
#define LONG   (16u << 10)
/* room for a row: its struct qrow, G_N values, two names */
#define ROOM (sizeof(struct qrow) + G_N * (12 + LONG) + 2 * (4 + LONG))

struct qrow {
	const char *file;
	long line;
	uint32_t have;	  /* the fields with a value */
	uint32_t changed; /* those whose value follows */
	uint32_t again, pad;
};

static struct {
	pthread_mutex_t mu;
	pthread_cond_t full, done; /* a block to make; a block made */
	pthread_t th;
	int on, quit;
	char *b[NBLOCK];
	size_t n[NBLOCK];    /* bytes of each block */
	unsigned head, tail; /* the block being filled; the next to make */
	unsigned queued;     /* blocks passed and not made */
	int busy;	     /* the thread is making a block */
	size_t at;	     /* bytes in the block being filled */
	/* the value each field had in the block's last row, by from */
	unsigned long long last[G_N];
	uint32_t lastn[G_N];	/* 0 for the fields not in had */
	uint32_t had;		/* the fields with a value in that row */
	unsigned long long seq; /* its data row's number (struct row) */
	unsigned long long folded, trimmed; /* by the thread (sheet_fold) */
} q = { .mu = PTHREAD_MUTEX_INITIALIZER,
	.full = PTHREAD_COND_INITIALIZER,
	.done = PTHREAD_COND_INITIALIZER };

static void
put(char **o, const void *p, size_t n)
{
	memcpy(*o, p, n);
	*o += n;
}

/* A value's bytes put: a short one (most) without a call, as one or two
 * words that may overlap, or three bytes, inside the value. */
static void
put_bytes(char **o, const char *p, size_t n)
{
	uint64_t a, b;
	uint32_t c, d;

	if (n >= 8 && n <= 16) {
		memcpy(&a, p, 8);
		memcpy(&b, p + n - 8, 8);
		memcpy(*o, &a, 8);
		memcpy(*o + n - 8, &b, 8);
	} else if (n >= 4 && n < 8) {
		memcpy(&c, p, 4);
		memcpy(&d, p + n - 4, 4);
		memcpy(*o, &c, 4);
		memcpy(*o + n - 4, &d, 4);
	} else if (n > 0 && n < 4) {
		(*o)[0] = p[0];
		(*o)[n / 2] = p[n / 2];
		(*o)[n - 1] = p[n - 1];
	} else
		memcpy(*o, p, n);
	*o += n;
}

static void
get(const char **i, void *p, size_t n)
{
	memcpy(p, *i, n);
	*i += n;
}

/* The rows of a block: their units made. */
static void
make_block(const char *i, size_t n)
{
	static struct row row;
	static struct buf fb[6]; /* sheet_fold's */
	const char *end = i + n;
	uint32_t had = 0, m, len;

	memset(&row, 0, sizeof row);
	while (i < end) {
		struct qrow h;
		struct upre p;
		int f;

		get(&i, &h, sizeof h);
		row.file = h.file;
		row.line = h.line;
		for (m = had & ~h.have; m != 0; m &= m - 1) {
			f = __builtin_ctz(m);
			row.v[f] = (struct str) { "", 0 };
			row.from[f] = 0;
		}
		for (m = h.changed; m != 0; m &= m - 1) {
			f = __builtin_ctz(m);
			get(&i, &len, sizeof len);
			get(&i, &row.from[f], sizeof row.from[f]);
			row.v[f] = (struct str) { i, len };
			i += len;
		}
		had = h.have;
		p.again = (int)h.again;
		p.comm = p.street = (struct str) { "", 0 };
		if (!h.again) {
			get(&i, &len, sizeof len);
			p.comm = (struct str) { i, len };
			i += len;
			get(&i, &len, sizeof len);
			p.street = (struct str) { i, len };
			i += len;
		}
		q.folded += sheet_fold(&row, fb, &q.trimmed);
		units_make(&row, &p);
	}
}

static void *
pipe_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&q.mu);
	for (;;) {
		unsigned t;

		while (q.queued == 0 && !q.quit)
			pthread_cond_wait(&q.full, &q.mu);
		if (q.queued == 0)
			break;
		t = q.tail;
		q.busy = 1;
		pthread_mutex_unlock(&q.mu);
		make_block(q.b[t], q.n[t]);
		pthread_mutex_lock(&q.mu);
		q.busy = 0;
		q.tail = (t + 1) % NBLOCK;
		q.queued--;
		pthread_cond_broadcast(&q.done);
	}
	pthread_mutex_unlock(&q.mu);
	return NULL;
}

void
pipe_start(void)
{
	int i;

	if (q.on)
		return;
	for (i = 0; i < NBLOCK; i++)
		q.b[i] = xmalloc(BLOCK + ROOM);
	q.head = q.tail = q.queued = 0;
	q.at = 0;
	q.on = pthread_create(&q.th, NULL, pipe_main, NULL) == 0;
	if (!q.on)
		for (i = 0; i < NBLOCK; i++)
			free(q.b[i]);
}

/* Pass the block being filled (when it has rows) to the thread; take the
 * next one when it is free. */
static void
pass(void)
{
	if (q.at == 0)
		return;
	pthread_mutex_lock(&q.mu);
	q.n[q.head] = q.at;
	q.queued++;
	pthread_cond_signal(&q.full);
	q.head = (q.head + 1) % NBLOCK;
	while (q.queued == NBLOCK)
		pthread_cond_wait(&q.done, &q.mu);
	pthread_mutex_unlock(&q.mu);
	q.at = 0;
}

/* Every row passed made. */
static void
drain(void)
{
	pass();
	pthread_mutex_lock(&q.mu);
	while (q.queued > 0 || q.busy)
		pthread_cond_wait(&q.done, &q.mu);
	pthread_mutex_unlock(&q.mu);
}

/* Put row into the block being filled (past BLOCK, ROOM is room for any
 * row); 0 when a value is longer than LONG (the block as it was).  When
 * the block's last row is the data row above, the fields filled down
 * have the values they had there: only the row's own are looked at. */
static int
put_row(const struct row *row, const struct upre *p)
{
	char *o = q.b[q.head] + q.at;
	struct qrow h = { row->file, row->line, row->have, 0,
		(uint32_t)p->again, 0 };
	char *ho = o;
	uint32_t len, m;
	int f;

	o += sizeof h;
	if (q.at == 0) { /* no row before it in the block */
		memset(q.lastn, 0, sizeof q.lastn);
		q.had = 0;
	}
	for (m = q.had & ~row->have; m != 0; m &= m - 1)
		q.lastn[__builtin_ctz(m)] = 0;
	m = row->have;
	if (q.at != 0 && row->seq == q.seq + 1)
		m &= ~row->filled;
	for (; m != 0; m &= m - 1) {
		struct str v = row->v[f = __builtin_ctz(m)];

		if (q.last[f] == row->from[f] && q.lastn[f] == v.n)
			continue; /* (not longer than LONG: put before) */
		if (v.n > LONG)
			return 0;
		h.changed |= 1u << f;
		len = (uint32_t)v.n;
		put(&o, &len, sizeof len);
		put(&o, &row->from[f], sizeof row->from[f]);
		put_bytes(&o, v.p, v.n);
		q.last[f] = row->from[f];
		q.lastn[f] = (uint32_t)v.n;
	}
	q.had = row->have;
	q.seq = row->seq;
	if (!p->again) {
		if (p->comm.n > LONG || p->street.n > LONG)
			return 0;
		len = (uint32_t)p->comm.n;
		put(&o, &len, sizeof len);
		put(&o, p->comm.p, p->comm.n);
		len = (uint32_t)p->street.n;
		put(&o, &len, sizeof len);
		put(&o, p->street.p, p->street.n);
	}
	memcpy(ho, &h, sizeof h);
	q.at = (size_t)(o - q.b[q.head]);
	return 1;
}

/* Row's units made by the main thread. */
static void
make_here(struct row *row, const struct upre *p)
{
	static struct buf fb[6]; /* sheet_fold's */

	sheet_whole(row);
	fixes[FIX_FOLDED] += sheet_fold(row, fb, &fixes[FIX_TRIMMED]);
	units_make(row, p);
}

int
pipe_row(const struct rec *r, struct row *row)
{
	struct upre p;

	if (!units_pre(r, row, &p))
		return 0;
	if (!q.on) {
		make_here(row, &p);
		return 1;
	}
	if (q.at == 0 || row->seq != q.seq + 1)
		sheet_whole(row); /* (put_row looks at every field) */
	if (!put_row(row, &p)) {
		drain();
		make_here(row, &p);
		return 1;
	}
	if (q.at >= BLOCK)
		pass();
	return 1;
}

void
pipe_end(void)
{
	int i;

	if (!q.on)
		return;
	drain();
	pthread_mutex_lock(&q.mu);
	q.quit = 1;
	pthread_cond_signal(&q.full);
	pthread_mutex_unlock(&q.mu);
	pthread_join(q.th, NULL);
	fixes[FIX_FOLDED] += q.folded;
	fixes[FIX_TRIMMED] += q.trimmed;
	q.folded = q.trimmed = 0;
	for (i = 0; i < NBLOCK; i++)
		free(q.b[i]);
	q.on = q.quit = 0;
}
