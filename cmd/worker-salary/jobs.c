/*
 * worker-salary -j: the payslips by threads.  Workers do not depend on
 * one another (each one's year to date is its own), so the slips in
 * order (by worker, then month) are cut into blocks of whole workers,
 * which threads take in turn: first to check them (order_months,
 * join_range, pay_range: what is rejected), then to compute and write their
 * payslips' lines, each block into a buffer of its own that the main thread
 * writes in order, a few blocks ahead at most.  What a thread rejects is kept
 * with its message and reported by the main thread, block after block, as one
 * pass reports it: so the payslips, the messages and the --reject file are
 * those of -j 1, byte for byte.  When the parts checked every slip as
 * they read it (data.quick) there is nothing to check: only the lines.
 */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/worker-salary/ws.h"
#include "lib/out.h"

/* Slips a block holds at most, about (whole workers): fewer in a small
 * run, four blocks a thread.  The lines of 4 x -j blocks are held at
 * once: 2048 slips of 210 bytes, 3.4 MB at -j 2 (fresh memory is slow
 * to come by: 8192 held 14 MB). */
#define PER_BLOCK 2048
/* The room a block's lines are given at first, a slip: about its line
 * (210 bytes on the bench). */
#define SLIP_ROOM 256

/* A rejection by a thread: its slip, reason and message. */
struct jrej {
	const struct slip *s;
	const char *fmt;
	char *msg;
};

/* The rejections of a block's join_range, or pay_range's. */
struct jrejs {
	struct jrej *v;
	size_t n, cap;
};

struct block {
	size_t from, to;      /* order[from, to) */
	struct jrejs rej[2];  /* join_range's, pay_range's */
	struct cli_seen seen; /* its months in the period, and not */
	int done;
};

static struct {
	struct block *b;
	size_t nb;
	size_t next;	 /* the next block to take */
	size_t written;	 /* blocks written */
	int writing;	 /* a thread writes J.written */
	size_t ahead;	 /* how many may be taken before they are written */
	struct buf *out; /* [block % ahead]: its lines (memory used again) */
	/* their first room, in one piece of huge pages when it takes 2 MiB
	 * or more (a fault every 2 MiB, not every 4 KiB: 3.4 MB of lines at
	 * -j 2 were 850 faults); a block's lines that outgrow it move to
	 * memory of their own */
	char *pool;
	size_t npool;
	const struct wr *w;
	pthread_mutex_t mu;
	pthread_cond_t cv;
} J = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };

/* Where the thread keeps its rejections (NULL: reported). */
static _Thread_local struct jrejs *keeping;

void
slip_reject(const struct slip *s, const char *fmt, ...)
{
	struct buf msg = { 0 };
	struct jrejs *b = keeping;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (b == NULL) {
		rej_report(slip_rec(s), fmt, msg.p);
		buf_free(&msg);
		return;
	}
	if (b->n == b->cap)
		b->v = xgrow(b->v, &b->cap, 16, sizeof *b->v);
	b->v[b->n].s = s;
	b->v[b->n].fmt = fmt;
	b->v[b->n++].msg = msg.p;
}

/* Threads for this run?  The slips cut into blocks when so. */
static int
blocks(void)
{
	size_t from = 0, to, per = data.norder / (4 * (size_t)opt.jobs) + 1;

	if (opt.jobs < 2 || data.norder < 2)
		return 0;
	if (per > PER_BLOCK)
		per = PER_BLOCK;
	while (from < data.norder) {
		to = data.norder - from > per ? from + per : data.norder;
		while (to < data.norder &&
		    data.slips[data.order[to]].key ==
			data.slips[data.order[to - 1]].key)
			to++;
		J.b = xreallocarray(J.b, J.nb + 1, sizeof *J.b);
		memset(&J.b[J.nb], 0, sizeof *J.b);
		J.b[J.nb].from = from;
		J.b[J.nb++].to = to;
		from = to;
	}
	J.ahead = 4 * (size_t)opt.jobs;
	return 1;
}

void
jobs_room(struct buf *b, size_t extra)
{
	char *p;

	if (b->n + extra + 1 <= b->cap)
		return;
	if (J.pool != NULL && b->p >= J.pool && b->p < J.pool + J.npool) {
		p = xmalloc(b->cap);
		memcpy(p, b->p, b->n);
		b->p = p;
	}
	buf_grow(b, extra);
}

/* The buffers of the blocks' lines, their first room in J.pool. */
static void
lines_room(void)
{
	size_t i, per = 0, room;

	J.out = xcalloc(J.ahead, sizeof *J.out);
	for (i = 0; i < J.nb; i++)
		if (J.b[i].to - J.b[i].from > per)
			per = J.b[i].to - J.b[i].from;
	if (per > PER_BLOCK)
		per = PER_BLOCK;
	room = per * SLIP_ROOM;
	if (J.ahead * room < 2u << 20)
		return;
	J.npool = J.ahead * room;
	J.pool = xhuge(J.npool);
	for (i = 0; i < J.ahead; i++) {
		J.out[i].p = J.pool + i * room;
		J.out[i].cap = room;
	}
}

/* The next block to take (J.nb: none), when fewer than J.ahead are
 * taken and not written. */
static size_t
take(void)
{
	size_t i;

	pthread_mutex_lock(&J.mu);
	while (J.next < J.nb && J.next >= J.written + J.ahead)
		pthread_cond_wait(&J.cv, &J.mu);
	i = J.next < J.nb ? J.next++ : J.nb;
	pthread_mutex_unlock(&J.mu);
	return i;
}

static void *
check_work(void *arg)
{
	size_t i;

	(void)arg;
	while ((i = take()) < J.nb) {
		order_months(J.b[i].from, J.b[i].to);
		keeping = &J.b[i].rej[0];
		join_range(J.b[i].from, J.b[i].to);
		keeping = &J.b[i].rej[1];
		pay_range(J.b[i].from, J.b[i].to);
		keeping = NULL;
	}
	return NULL;
}

/*
 * The blocks done from J.written on, written in order by the thread that
 * finds the next one done when no other is writing (J.mu held, let go
 * while it writes): no thread waits for another to write, and the main
 * thread is not woken for each block.
 */
static void
write_done(void)
{
	while (!J.writing && J.written < J.nb && J.b[J.written].done) {
		size_t i = J.written;
		struct buf *o = &J.out[i % J.ahead];

		J.writing = 1;
		pthread_mutex_unlock(&J.mu);
		if (o->n > 0) /* (none: all rejected) */
			out_write(o->p, o->n);
		o->n = 0;
		pthread_mutex_lock(&J.mu);
		J.writing = 0;
		J.written = i + 1;
		pthread_cond_broadcast(&J.cv); /* (room to take more) */
	}
}

static void *
line_work(void *arg)
{
	size_t i;

	(void)arg;
	while ((i = take()) < J.nb) {
		output_lines(J.w, J.b[i].from, J.b[i].to, &J.out[i % J.ahead]);
		cli_seen_take(&J.b[i].seen);
		pthread_mutex_lock(&J.mu);
		J.b[i].done = 1;
		write_done();
		pthread_mutex_unlock(&J.mu);
	}
	return NULL;
}

/* opt.jobs threads running fn; the main thread does main_fn meanwhile
 * (NULL: nothing), then waits for them. */
static void
run(void *(*fn)(void *), void (*main_fn)(void))
{
	pthread_t *th = xcalloc((size_t)opt.jobs, sizeof *th);
	int k;

	J.next = J.written = 0;
	for (k = 0; k < opt.jobs; k++)
		if ((errno = pthread_create(&th[k], NULL, fn, NULL)) != 0)
			zl_die(ZL_IOERR, "pthread_create: %s", strerror(errno));
	if (main_fn != NULL)
		main_fn();
	for (k = 0; k < opt.jobs; k++)
		pthread_join(th[k], NULL);
	free(th);
}

/* The rejections kept of each block's step j, reported in order. */
static void
report(int j)
{
	size_t i, k;

	for (i = 0; i < J.nb; i++) {
		struct jrejs *r = &J.b[i].rej[j];

		for (k = 0; k < r->n; k++) {
			rej_report(slip_rec(r->v[k].s), r->v[k].fmt,
			    r->v[k].msg);
			free(r->v[k].msg);
		}
		free(r->v);
	}
}

int
jobs_pay(void)
{
	if (!blocks())
		return 0;
	J.ahead = J.nb; /* (nothing written: every block at once) */
	run(check_work, NULL);
	report(0);
	join_warn();
	report(1);
	free(J.b);
	J.b = NULL;
	J.nb = 0;
	return 1;
}

int
jobs_lines(const struct wr *w)
{
	size_t i;

	if (!blocks())
		return 0;
	J.w = w;
	lines_room();
	run(line_work, NULL);
	for (i = 0; i < J.nb; i++) /* (the main thread's, cli_period_end) */
		cli_seen_add(NULL, &J.b[i].seen);
	for (i = 0; i < J.ahead; i++)
		if (J.pool == NULL || J.out[i].p < J.pool ||
		    J.out[i].p >= J.pool + J.npool)
			buf_free(&J.out[i]);
	free(J.out);
	free(J.pool);
	J.pool = NULL;
	J.npool = 0;
	free(J.b);
	J.b = NULL;
	J.nb = 0;
	return 1;
}
