/*
 * worker-salary -j: a file of monthly items read by threads, a part of it
 * each (lib/rd_part.c), into data as one pass reads it.
 *
 * The parts: the file cut after a line end near each n-th of its bytes
 * (rd_cut; CSV: a line end outside quotes).
 * Part k reads from its cut until a record begins at or after the next
 * cut, its slips into room of its own in data.slips (a run: the most a
 * part's bytes can hold), their worker_ids numbered by the part.  The
 * main thread then takes the parts in order: their rejections reported
 * (rej_capture kept them, with their messages), the records counted,
 * the ids numbered as data.ids (slips_sort maps the slips' keys), the
 * lines made the file's.  When a cut was not between two records as one
 * pass reads them (a CSV quote out of place), part k-1 ended elsewhere
 * than part k began: part k is read again from where part k-1 ended.
 * So the slips, the messages and the --reject file are those of -j 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/worker-salary/ws.h"

/* A record a part rejected, to be reported by the main thread (before
 * its row at, a roster's). */
/* A row of a roster's part: its worker (NULL: rejected), its record's
 * mark and reader (mark_of), its worker_id (n bytes at id in the part's
 * ids, its hash h; id NULL: none), numbered by the main thread. */
struct prow {
	struct worker *w;
	long long mark;
	unsigned long long h;
	const char *id;
	uint32_t n; /* (a record is at most REC_MAX_RECORD) */
	uint16_t file;
	uint8_t off;
};

struct part {
	unsigned long long from, to; /* to: where the next part begins */
	struct rd *rd;
	const struct cols *c;
	uint16_t file, own; /* the file's reader in data, the part's */
	pthread_t th;
	struct slip *slips; /* its room in data.slips */
	size_t at, n, cap;
	struct jump *jumps; /* of its slips (struct run) */
	size_t njumps, capjumps;
	long long *big;
	size_t nbig, capbig;
	struct idx idx; /* its worker_ids (RUN_OWN) not in data.ids */
	int shared;	/* data.ids looked in (idx_find; last) */
	uint32_t last;
	uint32_t *count, ncount; /* of its slips by key (shared; struct run) */
	/* every slip pay_quick's, of year year, no month twice (months,
	 * as data.months; quick_slip), of the first nq */
	int quick;
	long year;
	size_t nq;
	uint16_t *months;
	struct rej_held *ev; /* at: the row they come before */
	size_t nev, capev;
	int in_take;
	int roster;	   /* a roster's part: its rows, not slips */
	struct prow *rows; /* in the order read */
	size_t nrows, caprows;
	/* the rows' worker_ids, one after another, in chunks that do not
	 * move (the main thread reads them as the part goes on): ids the
	 * last, the others in old */
	char *ids, **old;
	size_t nids, capids, nold, capold;
	/* A roster's rows are merged by the main thread as they are read
	 * (live), up to pub (published by the part's thread while it has
	 * rejected nothing; first: its span then); over: it ended; merged:
	 * the rows taken. */
	size_t pub, merged;
	struct rd_span first;
	unsigned long long pub_off; /* where the part's reader was */
	int over;
	/* stop: no more (the rows are to move); reading: the main thread
	 * merges some */
	int stop, reading;
	struct worker *w; /* room for cap */
	size_t nw;
	struct intern *strs; /* its names and communities */
	/* its first record, and the first of the next part (stop) */
	struct rd_span sp; /* its first record and its stop */
	unsigned long long nrec;
	long shift; /* shift: to the file's lines */
};

/* A record part p rejects (rej_capture): kept for the main thread. */
static void
keep(void *arg, const struct rec *r, const char *reason, const char *msg)
{
	struct part *p = arg;

	if (!p->in_take) { /* (the reader's own: a record not given) */
		if (rd_span_past(&p->sp, p->to, p->rd, r->line))
			return;
		p->nrec++;
	}
	rej_hold(&p->ev, &p->nev, &p->capev, r, reason, msg, p->nrows);
}

/* Is there room for one more after n in part p?  (There is, see
 * parts_room, unless the file grew.) */
static void
room_left(const struct part *p, size_t n)
{
	if (n == p->cap)
		zl_die(ZL_IOERR,
		    _("%s: changed while it was read (run again "
		      "on files that do not change)"),
		    rd_file(p->rd));
}

/*
 * The mark of rec, read by part p, in the file's reader (*file): its
 * position when it has one (TSV: rd_mark), else (*off) where it begins in
 * the file, to be read again from there (CSV: no copy kept, marked_rec).
 */
static long long
mark_of(const struct part *p, const struct rec *rec, uint16_t *file,
    uint8_t *off)
{
	*file = p->file;
	*off = rec->pos < 0;
	return rec->pos >= 0 ? rd_mark(p->rd, rec) :
			       (long long)rd_offset(p->rd);
}

/* Does slip s of part p keep the part quick (data.quick)?  (Asked of
 * each slip when the next one is read: a slip just written is slow to
 * read again, its month's bits stored in parts.) */
static int
quick_slip(struct part *p, const struct slip *s)
{
	uint16_t bit = (uint16_t)(1u << s->month % 12);

	if ((s->key & RUN_OWN) || (p->year >= 0 && p->year != s->month / 12) ||
	    (p->months[s->key] & bit) != 0 || !pay_quick(s))
		return 0;
	p->year = s->month / 12;
	p->months[s->key] |= bit;
	return 1;
}

/* Record rec of part p into its slips (as take_items does). */
static void
take(struct part *p, const struct rec *rec)
{
	struct slip *s = &p->slips[p->n];
	long long a[A_N];
	struct str id;
	int k;

	while (p->quick && p->nq < p->n && pay_facts_ready())
		p->quick = quick_slip(p, &p->slips[p->nq++]);
	room_left(p, p->n);
	memset(s, 0, sizeof *s);
	if (!items_of(rec, p->c, s, a, &id))
		return;
	for (k = 0; k < A_N; k++)
		s->a[k] = amount_kept(a[k], &p->big, &p->nbig, &p->capbig);
	/* the roster's id (read-only in these threads), else the part's */
	s->key = p->shared ? idx_find(&data.idx, id, &p->last) : UINT32_MAX;
	if (s->key == UINT32_MAX)
		s->key = RUN_OWN | idx_of(&p->idx, id);
	else
		p->count[s->key]++;
	if (p->n % SLIP_JUMP == 0) {
		if (p->njumps == p->capjumps)
			p->jumps = xgrow(p->jumps, &p->capjumps, 64,
			    sizeof *p->jumps);
		p->jumps[p->njumps].off = rd_offset(p->rd);
		p->jumps[p->njumps++].line = rec->line;
	}
	p->n++;
}

/* Room for an id of n bytes in a new chunk of part p's ids (the last
 * one kept: its ids are read by the main thread). */
static void
ids_chunk(struct part *p, size_t n)
{
	if (p->ids != NULL) {
		if (p->nold == p->capold)
			p->old = xgrow(p->old, &p->capold, 16, sizeof *p->old);
		p->old[p->nold++] = p->ids;
	}
	p->capids = n > 1u << 18 ? n : 1u << 18;
	p->ids = xmalloc(p->capids);
	p->nids = 0;
}

/* Part p's ids freed. */
static void
ids_free(struct part *p)
{
	while (p->nold > 0)
		free(p->old[--p->nold]);
	free(p->old);
	free(p->ids);
	p->old = NULL;
	p->ids = NULL;
	p->capold = p->nids = p->capids = 0;
}

/* The main thread and the parts' threads, for a roster's rows merged as
 * they are read. */
static pthread_mutex_t live_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t live_cv = PTHREAD_COND_INITIALIZER;

/* A roster part's rows so far published (over: it ended), while it has
 * rejected nothing (a rejection is reported before its row, after the
 * part ended). */
static void
publish(struct part *p, int over)
{
	pthread_mutex_lock(&live_mu);
	if (p->nev == 0 && !p->stop) {
		p->pub = p->nrows;
		p->first = p->sp;
		p->pub_off = rd_offset(p->rd);
	}
	p->over |= over;
	pthread_cond_broadcast(&live_cv);
	pthread_mutex_unlock(&live_mu);
}

/* No more of part p's rows merged as they are read (they are to move):
 * once the main thread is not reading them. */
static void
live_stop(struct part *p)
{
	pthread_mutex_lock(&live_mu);
	p->stop = 1;
	while (p->reading)
		pthread_cond_wait(&live_cv, &live_mu);
	pthread_mutex_unlock(&live_mu);
}

/* Rows published in a batch (the main thread woken as many times). */
#define LIVE_ROWS 2048

/* Roster row rec of part p into its rows (as take_worker does, but for
 * its worker_id, which the main thread takes). */
static void
take_row(struct part *p, const struct rec *rec)
{
	struct str id = in_folded(rec, p->c->id);
	struct prow r = { NULL, 0, 0, 0, 0, 0, 0 };
	struct worker *w = &p->w[p->nw];

	room_left(p, p->nw);
	memset(w, 0, sizeof *w);
	if (id.n > 0) {
		if (p->nids + id.n > p->capids)
			ids_chunk(p, id.n);
		memcpy(p->ids + p->nids, id.p, id.n);
		r.h = str_hash(id.p, id.n, 0);
		r.id = p->ids + p->nids;
		r.n = (uint32_t)id.n;
		p->nids += id.n;
	}
	if (worker_parse(rec, p->c, w, p->strs)) {
		r.w = w;
		p->nw++;
		r.mark = mark_of(p, rec, &r.file, &r.off);
	}
	if (p->nrows == p->caprows) {
		live_stop(p);
		p->rows = xgrow(p->rows, &p->caprows, 1024, sizeof *p->rows);
	}
	p->rows[p->nrows++] = r;
}

static void *
work(void *arg)
{
	struct part *p = arg;
	struct rec *rec;

	rej_capture(keep, p);
	if (p->shared && p->count == NULL) { /* (its pages touched here) */
		p->count = xcalloc((size_t)p->ncount + 1, sizeof *p->count);
		p->months = xcalloc((size_t)p->ncount + 1, sizeof *p->months);
	}
	while (!p->sp.has_stop && rd_next(p->rd, &rec)) {
		if (rd_span_past(&p->sp, p->to, p->rd, rec->line))
			break;
		p->nrec++;
		p->in_take = 1;
		if (p->roster) {
			take_row(p, rec);
			if (p->nrows - p->pub >= LIVE_ROWS && p->nev == 0)
				publish(p, 0);
		} else
			take(p, rec);
		p->in_take = 0;
	}
	if (p->roster)
		publish(p, 1);
	if (p->quick && p->nq < p->n)
		pay_facts_wait();
	while (p->quick && p->nq < p->n)
		p->quick = quick_slip(p, &p->slips[p->nq++]);
	rej_capture(NULL, NULL);
	input_thread_end();
	worker_thread_end();
	return NULL;
}

/* Part p (again) from its from, with nothing read yet. */
static void
part_open(struct part *p, const struct rd *r, long line)
{
	rej_held_clear(p->ev, p->nev);
	if (p->count != NULL && p->n > 0) { /* (read again) */
		memset(p->count, 0, p->ncount * sizeof *p->count);
		memset(p->months, 0, p->ncount * sizeof *p->months);
	}
	p->quick = p->shared;
	p->year = -1;
	p->nq = 0;
	p->nev = p->n = p->nbig = p->nrows = p->nw = 0;
	ids_free(p);
	p->pub = p->merged = 0;
	p->over = p->stop = p->reading = 0;
	p->njumps = 0;
	p->sp.has_first = p->sp.has_stop = 0;
	p->nrec = 0;
	if (p->idx.ids != NULL)
		intern_free(p->idx.ids);
	p->idx.ids = intern_new();
	p->idx.last = UINT32_MAX;
	p->last = UINT32_MAX;
	if (p->rd != NULL)
		rd_close(p->rd);
	data.readers[p->own] = p->rd = rd_open_part(r, p->from, line);
}

/* The names and communities of the parts' workers (parts_free). */
static struct intern **strs;
static size_t nstrs, capstrs;

static struct intern *
strs_new(void)
{
	if (nstrs == capstrs)
		strs = xgrow(strs, &capstrs, 8, sizeof *strs);
	return strs[nstrs++] = intern_new();
}

void
parts_free(void)
{
	while (nstrs > 0)
		intern_free(strs[--nstrs]);
	free(strs);
	strs = NULL;
	capstrs = 0;
}

/*
 * Room for each part's slips: the most its bytes can hold, each record
 * nf - 1 separators, a line end, an id and a month (one more for the
 * record that goes on past its end, one for a last line with no end).
 */
static void
parts_room(struct part *p, size_t n, size_t nf)
{
	size_t k, at = data.nslips;

	for (k = 0; k < n; k++) {
		p[k].at = at;
		p[k].cap = (size_t)((p[k].to - p[k].from) / (nf + 2)) + 2;
		at += p[k].cap;
		if (p[k].roster) { /* (what is not used is not touched) */
			p[k].w = workers_room(p[k].cap);
			p[k].strs = strs_new();
			p[k].rows = xhuge(p[k].cap * sizeof *p[k].rows);
			p[k].caprows = p[k].cap;
		}
	}
	if (p[0].roster)
		return;
	slips_room(at);
	for (k = 0; k < n; k++)
		p[k].slips = data.slips + p[k].at;
}

/* ---- the main thread: the parts taken in order ---- */

/*
 * Part p after q (taken before it): is p where q ended?  Else it is read
 * again from there, here, or is nothing when q read to the end.  Then its
 * lines are made the file's.
 */
static void
follow(const struct rd *r, const struct part *q, struct part *p)
{
	if (rd_span_again(&q->sp, &p->sp)) {
		p->from = q->sp.has_stop ? q->sp.stop_off : p->to;
		part_open(p, r, 1);
		work(p);
	}
	p->shift = rd_span_shift(&q->sp, q->shift, &p->sp);
}

/* The rejections of part p kept before its row at reported (from *e). */
static void
report(struct part *p, size_t *e, size_t at)
{
	for (; *e < p->nev && p->ev[*e].at <= at; ++*e)
		rej_held_report(&p->ev[*e], p->shift);
}

/* The worker_ids of part p numbered as data.ids, in the order read: of
 * each of its own, data.ids'. */
static uint32_t *
ids_map(struct part *p)
{
	uint32_t nk = intern_len(p->idx.ids), *map;

	map = xcalloc((size_t)nk + 1, sizeof *map);
	keys_of_all(p->idx.ids, map);
	intern_free(p->idx.ids);
	free(p->idx.next);
	return map;
}

/*
 * The rows of a roster's part p from p->merged to to, taken as
 * take_worker takes them: their worker_ids numbered as data.ids in the
 * order read, the table's places fetched AHEAD rows before (each look-up
 * in a big table a cache miss).  live: while the part is read, which
 * has rejected nothing before to; stops (0) at a worker_id twice, as
 * its record is read again by the part's reader.
 */
static int
merge_rows_to(struct part *p, size_t to, size_t *e, int live)
{
	enum { AHEAD = 8 };
	size_t i;

	for (i = p->merged; i < to && i < p->merged + AHEAD; i++)
		intern_prefetch(data.ids, p->rows[i].h);
	for (i = p->merged; i < to; p->merged = ++i) {
		struct prow *r = &p->rows[i];
		struct str id = { r->id, r->n };
		struct key *k;
		uint32_t n;

		if (i + AHEAD < to) { /* (w: written by the part's thread) */
			intern_prefetch(data.ids, p->rows[i + AHEAD].h);
			__builtin_prefetch(p->rows[i + AHEAD].w, 1);
		}
		if (!live)
			report(p, e, i);
		if (r->id == NULL)
			continue;
		n = key_hashed(id, r->h); /* (data.keys may move) */
		k = &data.keys[n];
		if (r->w == NULL) {
			k->rejected = 1;
			continue;
		}
		if (live && k->w != NULL)
			return 0;
		r->w->id = intern_get(data.ids, n).p;
		r->w->line += p->shift;
		if (k->w != NULL)
			roster_twice(marked_rec(r->file, r->mark, r->off,
					 r->w->line),
			    k, r->w);
		else
			roster_add(k, r->w);
	}
	return 1;
}

/* The rest of the rows of a roster's part p (after p->merged), with its
 * rejections; its rows freed. */
static void
merge_rows(struct part *p)
{
	size_t e = 0;

	merge_rows_to(p, p->nrows, &e, 0);
	report(p, &e, p->nrows);
	free(p->rows);
	ids_free(p);
	intern_free(p->idx.ids);
	free(p->idx.next);
}

/* Part p's quickness taken into data.quick: its months added to
 * data.months (the first part's kept), none twice. */
static void
merge_quick(struct part *p)
{
	size_t k;

	if (data.quick < 0 || !p->quick || p->n == 0 ||
	    (data.quick == 1 &&
		(data.quick_year != p->year || data.nmonths != p->ncount))) {
		data.quick = p->n > 0 ? -1 : data.quick;
		free(p->months);
		return;
	}
	if (data.quick == 0) {
		data.months = p->months;
		data.nmonths = p->ncount;
		data.quick_year = p->year;
		data.quick = 1;
		return;
	}
	for (k = 0; k < p->ncount && data.quick == 1; k++) {
		if (data.months[k] & p->months[k])
			data.quick = -1;
		data.months[k] |= p->months[k];
	}
	free(p->months);
}

/* What part p read, taken into data (and the part freed). */
static void
merge(struct rd *r, struct part *p)
{
	struct run *run;
	uint32_t *map;
	size_t k = 0;
	int fix;

	rd_add_count(r, p->nrec);
	if (p->roster) {
		merge_rows(p);
		free(p->ev);
		return;
	}
	report(p, &k, 0);
	free(p->ev);
	merge_quick(p);
	fix = intern_len(p->idx.ids) > 0 || (p->nbig > 0 && data.nbig > 0);
	map = ids_map(p);
	if (data.nruns == data.capruns)
		data.runs = xgrow(data.runs, &data.capruns, 8,
		    sizeof *data.runs);
	run = &data.runs[data.nruns++];
	run->from = p->at;
	run->to = data.nslips = p->at + p->n;
	run->map = map;
	run->shift = p->shift;
	run->file = p->file;
	run->big = (uint32_t)data.nbig;
	run->fix = fix & 1;
	run->count = p->count;
	run->ncount = p->ncount;
	run->jumps = p->jumps != NULL ? p->jumps : xcalloc(1, sizeof *p->jumps);
	for (k = 0; k < p->nbig; k++)
		amount_kept(p->big[k], &data.big, &data.nbig, &data.capbig);
	free(p->big);
	data.norder += p->n;
}

/* Room for the ids of a roster of n parts, about, from part p's first
 * rows (at to in the file): as many in each part. */
static void
roster_reserve(const struct part *p, size_t n, size_t rows,
    unsigned long long to)
{
	size_t most = rows;

	if (to > p->from && p->to > to)
		most = (size_t)((double)rows * (double)(p->to - p->from) /
			   (double)(to - p->from) * 1.05) +
		    1;
	most = intern_len(data.ids) + n * most;
	intern_reserve(data.ids, most);
	keys_reserve(most);
}

/*
 * The n parts of a roster (the file of r), merged as they are read: the
 * rows of part k taken as its thread publishes them, once part k - 1 is
 * merged and ended, when part k began where it ended (else it is read
 * again after it ends, as follow does).  So the main thread numbers the
 * worker_ids while the threads read.
 */
static void
roster_parts(struct rd *r, struct part *p, size_t n)
{
	size_t k, pub, e = 0;
	unsigned long long off;
	int over, live, reserved = 0;

	for (k = 0; k < n; k++) {
		for (live = 1; live;) {
			pthread_mutex_lock(&live_mu);
			while (
			    p[k].pub == p[k].merged && !p[k].over && !p[k].stop)
				pthread_cond_wait(&live_cv, &live_mu);
			pub = p[k].pub;
			over = p[k].over;
			off = p[k].pub_off;
			if (k > 0 && p[k].merged == 0 && pub > 0) {
				live = !rd_span_again(&p[k - 1].sp,
				    &p[k].first);
				p[k].shift = rd_span_shift(&p[k - 1].sp,
				    p[k - 1].shift, &p[k].first);
			}
			live = live && !p[k].stop && pub > p[k].merged;
			p[k].reading = live;
			pthread_mutex_unlock(&live_mu);
			if (!live)
				break;
			if (!reserved) {
				roster_reserve(&p[0], n, pub, k == 0 ? off : 0);
				reserved = 1;
			}
			live = merge_rows_to(&p[k], pub, &e, 1) && !over;
			pthread_mutex_lock(&live_mu);
			p[k].reading = 0;
			pthread_cond_broadcast(&live_cv);
			pthread_mutex_unlock(&live_mu);
		}
		pthread_join(p[k].th, NULL);
		if (k > 0)
			follow(r, &p[k - 1], &p[k]);
		else if (!reserved) {
			roster_reserve(&p[0], n, p[0].nrows, 0);
			reserved = 1;
		}
		merge(r, &p[k]);
	}
}

/* The parts of the file of r, or 0 (not a file, or threads not for this
 * run); *fmt its format, *line the line of its first record. */
static size_t
parts_cut(const struct rd *r, struct part **pp, long *line)
{
	unsigned long long start, *from;
	struct stat sb;
	size_t n = (size_t)opt.jobs, k;
	int fmt, fd;

	if (opt.jobs < 2 || cli.strict || cli.progress == 1 ||
	    (fmt = rd_parts(r, &start, line)) == 0)
		return 0;
	if ((fd = open(rd_first_file(r), O_RDONLY)) < 0)
		return 0;
	if (fstat(fd, &sb) != 0 || (unsigned long long)sb.st_size < start) {
		close(fd);
		return 0;
	}
	from = xcalloc(n, sizeof *from);
	rd_cut(fd, fmt == FMT_CSV, start, (unsigned long long)sb.st_size, from,
	    n);
	close(fd);
	*pp = xcalloc(n, sizeof **pp);
	for (k = 0; k < n; k++) {
		(*pp)[k].from = from[k];
		(*pp)[k].to = k + 1 < n ? from[k + 1] :
					  (unsigned long long)sb.st_size;
	}
	free(from);
	return n;
}

int
parts_read(uint16_t file, const struct cols *c)
{
	struct rd *r = data.readers[file];
	struct part *p = NULL;
	size_t n, k;
	long line;
	int facts;

	if ((n = parts_cut(r, &p, &line)) == 0)
		return 0;
	for (k = 0; k < n; k++)
		p[k].roster = c->month < 0;
	parts_room(p, n, rd_nfields(r));
	facts = !p[0].roster && intern_len(data.ids) < RUN_OWN;
	if (facts) /* (made while the parts read) */
		pay_facts_unready();
	for (k = 0; k < n; k++) {
		p[k].c = c;
		p[k].file = file;
		p[k].shared = !p[k].roster && intern_len(data.ids) < RUN_OWN;
		p[k].ncount = p[k].shared ? intern_len(data.ids) : 0;
		p[k].last = UINT32_MAX;
		p[k].own = input_reader(NULL);
		part_open(&p[k], r, k == 0 ? line : 1);
		if ((errno = pthread_create(&p[k].th, NULL, work, &p[k])) != 0)
			zl_die(ZL_IOERR, "pthread_create: %s", strerror(errno));
	}
	if (facts) {
		pay_facts();
		input_rank();
	}
	/* Parts that look in data.ids: every one ended before a merge adds
	 * to it (a table that grows under a reader moves away from it). */
	for (k = 0; p[0].shared && k < n; k++)
		pthread_join(p[k].th, NULL);
	if (p[0].roster)
		roster_parts(r, p, n);
	for (k = 0; !p[0].roster && k < n; k++) {
		if (!p[0].shared)
			pthread_join(p[k].th, NULL);
		if (k > 0)
			follow(r, &p[k - 1], &p[k]);
		merge(r, &p[k]);
	}
	free(p);
	return 1;
}
