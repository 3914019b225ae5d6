/*
 * dual-report -j: an activities file read by threads, a part of it each
 * (lib/rd_part.c).  Each thread judges the rows of its part as one pass
 * does (act_row) and keeps its activities in an array of the part's with
 * what act_keep notes of them (their lines, days, streets, communities,
 * those left out), each rejection with the activity it comes before
 * (rej_capture); the main thread then takes the parts in the order of the
 * file, the rejections reported at their lines (rej_report), the
 * activities put after those before at once.  So the activities, the
 * figures, the messages and the --reject file are those of -j 1.
 *
 * The parts: cut after the first line end at or after each n-th of the
 * bytes.  Part k reads from its cut until a record begins at or after the
 * next cut.  A cut that is not between two records as one pass reads
 * them (a line end in a CSV field in quotes) shows as part k-1 ending
 * elsewhere than part k began: part k is then read again, by the main
 * thread, from where part k-1 ended.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/dual-report/dr.h"

/* The street a row names (act_keep's), of the part's activity i. */
struct jstreet {
	uint32_t i, street;
};

struct part {
	unsigned long long from, to; /* to: where the next part begins */
	size_t at, lim; /* its place in data.act: [at, lim) (in place) */
	int inplace;	/* act is data.act + at, else its own */
	int joined;	/* (its thread's end waited for) */
	const struct cols *c;
	struct rd *rd;
	pthread_t th;
	int in_row; /* judging a row (else a rejection is the reader's) */
	/* the first record, and the first of the next part (stop) */
	struct rd_span sp;	 /* its first record and its stop */
	long shift;		 /* shift: to the file's lines */
	unsigned long long nrec; /* records, rejected ones too */
	struct act *act;	 /* its activities */
	size_t n, cap;
	struct actline *lines; /* their lines, as data.lines */
	size_t nlines, caplines;
	struct jstreet *st;
	size_t nst, capst;
	uint32_t *runs; /* where a day follows another (dups_run) */
	size_t nruns, capruns;
	uint32_t *rowacts; /* per community, as data.comm's rowacts */
	size_t caprowacts;
	unsigned long long left_out;
	int32_t first, last; /* of those not left out; DR_NODAY */
	struct rej_held *ev; /* its rejections */
	size_t nev, capev;
	int mem;	 /* a members file: its rows in mr, not act */
	uint16_t file;	 /* (members: the file's number) */
	struct mrow *mr; /* its members' rows */
	size_t nm, capm;
	struct buf mtext; /* their texts */
	int done;	  /* (pooled: read, to be taken) */
};

/*
 * A members file is cut into more parts than threads, read by a pool of
 * threads in the order of the file, so that the main thread puts the
 * members of the first parts in the tables (interning, at least as much
 * work as reading them) while the threads read the next.
 */
#define MEMBER_PARTS 4 /* parts a thread */
static struct {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct part *p;
	size_t n, next;
} pool = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0, 0 };

/* ---- a worker ---- */

/* A record rejected in the part (rej_capture). */
static void
hook(void *arg, const struct rec *r, const char *reason, const char *msg)
{
	struct part *p = arg;

	if (!p->in_row) { /* (the reader's: a record not given) */
		if (rd_span_past(&p->sp, p->to, p->rd, r->line))
			return;
		p->nrec++;
	}
	rej_hold(&p->ev, &p->nev, &p->capev, r, reason, msg, p->nm);
}

/* Room for one more activity (in place and full: an array of its own). */
static void
grow(struct part *p)
{
	struct act *x;

	p->cap = p->cap * 2 + 4096;
	x = dr_alloc(p->cap * sizeof *x);
	if (p->n > 0)
		memcpy(x, p->act, p->n * sizeof *x);
	if (!p->inplace)
		free(p->act);
	p->inplace = 0;
	p->act = x;
}

/* Counts *a (of *cap) made at least need, the new ones 0. */
static void
counts_grow(uint32_t **a, size_t *cap, size_t need)
{
	size_t was = *cap;

	if (need <= was)
		return;
	while (*cap < need)
		*a = xgrow(*a, cap, need, sizeof **a);
	memset(*a + was, 0, (*cap - was) * sizeof **a);
}

/* What act_keep notes of activity a (not left out), street its row's. */
static void
note(struct part *p, const struct act *a, uint32_t street)
{
	if (a->flags & A_ROWCOMM) {
		if (a->comm >= p->caprowacts)
			counts_grow(&p->rowacts, &p->caprowacts,
			    (size_t)a->comm + 1);
		p->rowacts[a->comm]++;
	}
	if (street != DR_NONE) {
		if (p->nst == p->capst)
			p->st = xgrow(p->st, &p->capst, 64, sizeof *p->st);
		p->st[p->nst].i = (uint32_t)p->n;
		p->st[p->nst++].street = street;
	}
	if (p->first == DR_NODAY || a->day < p->first)
		p->first = a->day;
	if (p->last == DR_NODAY || a->day > p->last)
		p->last = a->day;
}

/* Activity a of the row on line line (of the part), street its row's. */
static void
add(struct part *p, const struct act *a, uint32_t street, long line)
{
	uint32_t l = line > 0xFFFFFFFFL ? 0xFFFFFFFFu : (uint32_t)line;
	const struct actline *e = p->nlines ? &p->lines[p->nlines - 1] : NULL;

	if (p->n == p->cap)
		grow(p);
	if (e == NULL || l != e->line + (uint32_t)(p->n - e->from)) {
		if (p->nlines == p->caplines)
			p->lines = xgrow(p->lines, &p->caplines, 64,
			    sizeof *p->lines);
		p->lines[p->nlines].from = (uint32_t)p->n;
		p->lines[p->nlines++].line = l;
	}
	if (p->n == 0 || p->act[p->n - 1].day != a->day) {
		if (p->nruns == p->capruns)
			p->runs = xgrow(p->runs, &p->capruns, 64,
			    sizeof *p->runs);
		p->runs[p->nruns++] = (uint32_t)p->n;
	}
	if (a->flags & A_OUT)
		p->left_out++;
	else
		note(p, a, street);
	p->act[p->n++] = *a;
}

/* A member's row (members: the rows read are kept, by lines, in turn). */
static void
member(struct part *p, const struct rec *rec)
{
	struct mrow m;

	if (!member_parse(rec, p->c, &m, &p->mtext))
		return;
	m.line = rec->line;
	m.off = rd_offset(p->rd);
	if (p->nm == p->capm)
		p->mr = xgrow(p->mr, &p->capm, 1024, sizeof *p->mr);
	p->mr[p->nm++] = m;
}

/* Read the part (on a thread of its own, or the main thread). */
static void
work(struct part *p)
{
	struct rec *rec;

	rej_capture(hook, p);
	while (!p->sp.has_stop && rd_next(p->rd, &rec)) {
		struct act a = { 0 };
		uint32_t street;
		int ok;

		if (rd_span_past(&p->sp, p->to, p->rd, rec->line))
			break;
		p->nrec++;
		p->in_row = 1;
		if (p->mem) {
			member(p, rec);
			p->in_row = 0;
			continue;
		}
		ok = act_row(rec, p->c, &a, &street);
		p->in_row = 0;
		if (ok)
			add(p, &a, street, rec->line);
	}
	rej_capture(NULL, NULL);
}

static void *
thread(void *arg)
{
	work(arg);
	input_thread_end();
	return NULL;
}

/* A thread of the pool: the next part not taken, until none is left. */
static void *
pooled(void *arg)
{
	size_t k;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&pool.mu);
		k = pool.next++;
		pthread_mutex_unlock(&pool.mu);
		if (k >= pool.n)
			break;
		work(&pool.p[k]);
		pthread_mutex_lock(&pool.mu);
		pool.p[k].done = 1;
		pthread_cond_broadcast(&pool.cv);
		pthread_mutex_unlock(&pool.mu);
	}
	input_thread_end();
	return NULL;
}

/* Part k read (pooled: by a thread of the pool). */
static void
wait_part(struct part *p, size_t k)
{
	if (pool.p != p) {
		if (!p[k].joined)
			pthread_join(p[k].th, NULL);
		p[k].joined = 1;
		return;
	}
	pthread_mutex_lock(&pool.mu);
	while (!p[k].done)
		pthread_cond_wait(&pool.cv, &pool.mu);
	pthread_mutex_unlock(&pool.mu);
}

static void
part_free(struct part *p)
{
	rej_held_clear(p->ev, p->nev);
	free(p->ev);
	if (!p->inplace)
		free(p->act);
	free(p->lines);
	free(p->st);
	free(p->runs);
	free(p->rowacts);
	free(p->mr);
	buf_free(&p->mtext);
	if (p->rd != NULL)
		rd_close(p->rd);
	memset(p, 0, sizeof *p);
}

/* ---- the cuts ---- */

#define WINDOW (64u << 10)

/* After the first line end at or after at; size when none. */
static unsigned long long
line_after(int fd, unsigned long long at, unsigned long long size, char *b)
{
	while (at < size) {
		ssize_t got = pread(fd, b, WINDOW, (off_t)at);
		const char *nl;

		if (got <= 0)
			break;
		if ((nl = memchr(b, '\n', (size_t)got)) != NULL)
			return at + (unsigned long long)(nl - b) + 1;
		at += (unsigned long long)got;
	}
	return size;
}

/* The n parts of a file of size bytes (records from from on). */
static void
cut(int fd, struct part *p, size_t n, unsigned long long from,
    unsigned long long size)
{
	char *b = xmalloc(WINDOW);
	unsigned long long at;
	size_t k;

	p[0].from = from;
	for (k = 1; k < n; k++) {
		at = from + (size - from) / n * k;
		if (at < p[k - 1].from)
			at = p[k - 1].from;
		p[k].from = line_after(fd, at, size, b);
		p[k - 1].to = p[k].from;
	}
	p[n - 1].to = ULLONG_MAX;
	free(b);
}

/* ---- the main thread: the parts taken in order ---- */

/* The communities' activities named by their rows, of the parts taken
 * (given to data.comm once no thread makes it larger). */
static struct {
	uint32_t *n;
	size_t cap;
} rowacts;

static struct part *parts_end; /* (of the parts taken) */

/* The parts from p on still in place given arrays of their own, their
 * threads ended first: data.act is to be written where they are, or made
 * larger. */
static void
own_arrays(struct part *p)
{
	struct act *x;

	for (; p < parts_end; p++) {
		if (!p->joined)
			pthread_join(p->th, NULL);
		p->joined = 1;
		if (!p->inplace)
			continue;
		x = dr_alloc((p->n > 0 ? p->n : 1) * sizeof *x);
		if (p->n > 0)
			memcpy(x, p->act, p->n * sizeof *x);
		p->act = x;
		p->cap = p->n;
		p->inplace = 0;
	}
}

/* The activities of part p put after those before, as act_keep puts
 * each. */
static void
keep(struct part *p)
{
	size_t i, at = data.nact;

	if (p->inplace) {
		if (p->at != at)
			memmove(data.act + at, p->act, p->n * sizeof *p->act);
	} else {
		own_arrays(p + 1);
		if (data.capact - at < p->n)
			reserve_acts((unsigned long long)p->n * 20);
		memcpy(data.act + at, p->act, p->n * sizeof *p->act);
	}
	for (i = 0; i < p->nlines; i++) {
		data.nact = at + p->lines[i].from;
		keep_line(p->lines[i].line + (uint32_t)p->shift);
	}
	for (i = 0; i < p->nruns; i++)
		if (at + p->runs[i] == 0 ||
		    data.act[at + p->runs[i] - 1].day !=
			data.act[at + p->runs[i]].day)
			dups_run(data.act[at + p->runs[i]].day);
	for (i = 0; i < p->nst; i++)
		act_street((uint32_t)(at + p->st[i].i), p->st[i].street);
	counts_grow(&rowacts.n, &rowacts.cap, p->caprowacts);
	for (i = 0; i < p->caprowacts; i++)
		rowacts.n[i] += p->rowacts[i];
	data.left_out += p->left_out;
	if (p->first != DR_NODAY &&
	    (data.first == DR_NODAY || p->first < data.first))
		data.first = p->first;
	if (p->last != DR_NODAY &&
	    (data.last == DR_NODAY || p->last > data.last))
		data.last = p->last;
	data.nact = at + p->n;
}

/* Take what part p read, as one pass would have: its rejections, then its
 * activities (act_keep says nothing); or its members' rows, each after
 * the rejections before it (a member listed twice is rejected as it is
 * taken). */
static void
take_part(struct rd *r, struct part *p)
{
	size_t e = 0, i;

	for (i = 0; i < p->nm; i++) {
		if (i + 16 < p->nm)
			member_fetch(&p->mr[i + 16]);
		for (; e < p->nev && p->ev[e].at <= i; e++)
			rej_held_report(&p->ev[e], p->shift);
		member_take(r, &p->mr[i], p->mtext.p, p->file,
		    p->mr[i].line + p->shift);
	}
	for (; e < p->nev; e++)
		rej_held_report(&p->ev[e], p->shift);
	if (p->n > 0)
		keep(p);
	rd_add_count(r, p->nrec);
}

/*
 * Part p after q (taken before it): is p where q ended?  Else it is read
 * again from there, here, or is nothing when q read to the end.  Then its
 * lines are made the file's (shift).
 */
static void
follow(struct rd *r, const struct part *q, struct part *p)
{
	unsigned long long to = p->to;
	const struct cols *c = p->c;
	uint16_t file = p->file;
	int mem = p->mem;

	if (rd_span_again(&q->sp, &p->sp)) {
		part_free(p);
		p->to = to;
		p->c = c;
		p->mem = mem;
		p->file = file;
		p->first = p->last = DR_NODAY;
		if (q->sp.has_stop) {
			p->from = q->sp.stop_off;
			p->rd = rd_open_part(r, p->from, 1);
			work(p);
		}
	}
	p->shift = rd_span_shift(&q->sp, q->shift, &p->sp);
}

/*
 * Where the n parts' activities will be put in data.act, each read there
 * (no array of its own, no copy but a move down): after as many as the
 * records before it may give, by the lines a byte of the file's first
 * MiB (map; else by rows of 20 bytes), and a sixteenth more.  A part
 * that comes to the next one's place goes on in an array of its own.
 */
static void
place(struct part *p, size_t n, unsigned long long size, const char *map)
{
	unsigned long long len = size - p[0].from, lines = 0, est;
	const char *c, *e;
	size_t k, at = data.nact;

	if (len > (1u << 20))
		len = 1u << 20;
	if (map != MAP_FAILED)
		for (c = map + p[0].from, e = c + len;
		     (c = memchr(c, '\n', (size_t)(e - c))) != NULL; c++)
			lines++;
	for (k = 0; k < n; k++) {
		est = p[k].from - p[0].from;
		est = map == MAP_FAILED ? est / 20 : est * lines / len;
		if (k > 0)
			est += est / 16 + 64;
		if (est < data.capact - data.nact && data.nact + est > at)
			at = data.nact + (size_t)est;
		else if (est >= data.capact - data.nact)
			at = data.capact;
		p[k].at = at;
	}
	for (k = 0; k < n && data.act != NULL; k++) {
		p[k].lim = k + 1 < n ? p[k + 1].at : data.capact;
		p[k].act = data.act + p[k].at;
		p[k].cap = p[k].lim - p[k].at;
		p[k].inplace = 1;
	}
}

/* Members' part p of a file of size bytes: room for its rows (of 64
 * bytes or more) and their texts at once, not grown by copies (pages
 * touched when used). */
static void
members_part(struct part *p, unsigned long long size)
{
	size_t bytes = (size_t)((p->to < size ? p->to : size) - p->from);

	p->capm = bytes / 64 + 1024;
	p->mr = xreallocarray(NULL, p->capm, sizeof *p->mr);
	buf_grow(&p->mtext, bytes + 64);
}

static pthread_t pool_th[64];

/* The pool's opt.jobs threads started on parts p (n). */
static void
pool_start(struct part *p, size_t n)
{
	int i;

	pool.p = p;
	pool.n = n;
	pool.next = 0;
	for (i = 0; i < opt.jobs && i < 64; i++)
		if (pthread_create(&pool_th[i], NULL, pooled, NULL) != 0)
			zl_die(ZL_IOERR, "pthread_create: %s", strerror(errno));
}

static void
pool_end(void)
{
	int i;

	for (i = 0; i < opt.jobs && i < 64; i++)
		pthread_join(pool_th[i], NULL);
	pool.p = NULL;
}

/* The parts taken in order, as each thread ends. */
static unsigned long long
take_parts(struct rd *r, struct part *p, size_t n)
{
	unsigned long long nrec = 0;
	size_t k;

	parts_end = p + n;
	for (k = 0; k < n; k++) {
		wait_part(p, k);
		if (k == 0 && p->mem) /* parts of one size: as many in each,
					 and a twentieth more */
			members_room(p->nm * n + p->nm * n / 20);
		if (k > 0)
			follow(r, &p[k - 1], &p[k]);
		take_part(r, &p[k]);
		nrec += p[k].nrec;
		if (k > 0)
			part_free(&p[k - 1]);
	}
	part_free(&p[n - 1]);
	return nrec;
}

/* File r (columns c; members: a members file, its number file) read in
 * parts: 1, or 0 when it cannot be. */
static int
parts_read(struct rd *r, const struct cols *c, int members, uint16_t file)
{
	unsigned long long data0, size, nrec;
	struct part *p;
	struct stat sb;
	size_t n, k;
	long line;
	int fd;
	void *map = MAP_FAILED;

	if (opt.jobs < 2 || cli.strict || cli.progress == 1 ||
	    rd_parts(r, &data0, &line) == 0 ||
	    (fd = open(rd_first_file(r), O_RDONLY)) < 0)
		return 0;
	if (fstat(fd, &sb) != 0 || (unsigned long long)sb.st_size < data0) {
		close(fd);
		return 0;
	}
	size = (unsigned long long)sb.st_size;
	n = (size_t)opt.jobs * (members ? MEMBER_PARTS : 1);
	p = xcalloc(n, sizeof *p);
	cut(fd, p, n, data0, size);
	if (!members)
		map = mmap(NULL, (size_t)size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (!members)
		place(p, n, size, map);
	for (k = 0; k < n; k++) {
		p[k].c = c;
		p[k].mem = members;
		p[k].file = file;
		p[k].first = p[k].last = DR_NODAY;
		if (members)
			members_part(&p[k], size);
		p[k].rd = rd_open_part(r, p[k].from, k == 0 ? line : 1);
		if (!members &&
		    pthread_create(&p[k].th, NULL, thread, &p[k]) != 0)
			zl_die(ZL_IOERR, "pthread_create: %s", strerror(errno));
	}
	if (members)
		pool_start(p, n);
	nrec = take_parts(r, p, n);
	if (members)
		pool_end();
	free(p);
	if (map != MAP_FAILED)
		munmap(map, (size_t)size);
	for (k = 0; k < rowacts.cap && k < intern_len(data.comms); k++)
		data.comm[k].rowacts += rowacts.n[k];
	free(rowacts.n);
	memset(&rowacts, 0, sizeof rowacts);
	if (nrec == 0)
		rd_say_empty(r);
	return 1;
}

int
jobs_read(struct rd *r, const struct cols *c)
{
	return parts_read(r, c, 0, 0);
}

int
jobs_read_members(struct rd *r, const struct cols *c, uint16_t file)
{
	return parts_read(r, c, 1, file);
}
