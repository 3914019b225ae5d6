/*
 * volunteer-points -j: a regular file of service records, or of
 * redemptions, read in parts, each by a thread of its own (the first by
 * the main thread), into data of its own (vp.h: each thread's); the main
 * thread then takes each worker's, part after part, as one pass would
 * have read them: its volunteers and texts found or numbered here in the
 * order met, its records appended with those numbers (services copied by
 * a thread of their own), its rejections reported at their own lines
 * (rej_capture).  While a file of redemptions is read, the services are
 * grouped for the ledger by another thread; the ledgers of the reports
 * that take no events are kept in spans of the volunteers, a thread each.
 * So the reports, messages and the --reject file are those of -j 1, byte
 * for byte.
 *
 * The parts: rd_cut's.  Part k reads from its cut until a record begins
 * at or after the next cut.  When a cut was not between two records as
 * one pass reads them (a CSV quote out of place), part k-1 ended elsewhere
 * than part k began: part k is read again by the main thread from where
 * part k-1 ended.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/volunteer-points/vp.h"

struct part {
	unsigned long long from, to; /* to: where the next part begins */
	unsigned long long size;     /* to's offset, or the file's size */
	struct rd *rd;
	const struct cols *c;
	uint16_t file;
	pthread_t th;
	int worker;  /* read by a thread of its own, into d */
	int in_take; /* a record given is being taken */
	/* the first record, and the first of the next part (stop) */
	struct rd_span sp;	 /* its first record and its stop */
	long shift;		 /* shift: to the file's lines */
	unsigned long long nrec; /* records, rejected ones too */
	size_t ngiven;		 /* records given by the reader */
	struct rej_held *rej;	 /* reported when the part is taken */
	size_t nrej, caprej;
	struct data d; /* a worker's */
	struct vol_part *vols;
	struct keep_part kept; /* its redemptions' records */
};

/* A record the part rejects (rej_capture). */
static void
hook(void *arg, const struct rec *r, const char *reason, const char *msg)
{
	struct part *p = arg;

	if (!p->in_take) { /* (the reader's: a record not given) */
		if (rd_span_past(&p->sp, p->to, p->rd, r->line))
			return;
		p->nrec++;
	}
	rej_hold(&p->rej, &p->nrej, &p->caprej, r, reason, msg, 0);
}

/* Read part p (in a thread of its own, or the main thread). */
static void *
work(void *arg)
{
	struct part *p = arg;
	struct rec *rec;

	if (p->worker)
		input_pools(p->size - p->from, p->c, p->rd, p->file);
	rej_capture(hook, p);
	while (!p->sp.has_stop && rd_next(p->rd, &rec)) {
		if (rd_span_past(&p->sp, p->to, p->rd, rec->line))
			break;
		p->nrec++;
		p->ngiven++;
		p->in_take = 1;
		input_take(rec, p->c);
		p->in_take = 0;
	}
	pend_flush();
	rej_capture(NULL, NULL);
	if (p->worker) {
		p->d = data;
		p->vols = vol_detach();
		input_kept_hand(&p->kept);
		input_thread_free();
		memset(&data, 0, sizeof data);
	}
	return NULL;
}

/* What a worker's reading made, let go. */
static void
drop(struct part *p)
{
	vol_part_free(p->vols);
	free(p->d.svc);
	free(p->d.svc_team);
	free(p->d.jumps);
	free(p->d.red);
	free(p->d.vol);
	input_kept_free(&p->kept);
	intern_free(p->d.ids);
	intern_free(p->d.strs);
	intern_free(p->d.names);
	memset(&p->d, 0, sizeof p->d);
	p->vols = NULL;
}

static void
part_free(struct part *p)
{
	rej_held_clear(p->rej, p->nrej);
	free(p->rej);
	drop(p);
	rd_close(p->rd);
	p->rd = NULL;
	p->rej = NULL;
	p->nrej = p->caprej = 0;
}

/*
 * A worker's records copied into this thread's table with their numbers
 * here, by a thread of its own (the copy faults in fresh pages: a few ms
 * for a million records), while this thread reads on (a file of
 * redemptions).  jobs_wait before the table is used or grown.
 */
struct copy {
	pthread_t th;
	struct svc *to, *from;
	uint32_t *to_team, *from_team; /* (the teams report) */
	size_t n;
	uint32_t *smap, *vmap;
};

static struct {
	struct copy **c;
	size_t n, cap;
} copies;

static void *
copy_work(void *arg)
{
	struct copy *c = arg;
	size_t i;

	for (i = 0; i < c->n; i++) {
		struct svc s = c->from[i];

		s.vol = c->vmap[s.vol];
		s.project = c->smap[s.project];
		s.ktext = c->smap[s.ktext];
		c->to[i] = s;
		if (c->to_team != NULL)
			c->to_team[i] = c->smap[c->from_team[i]];
	}
	free(c->from_team);
	free(c->smap);
	free(c->vmap);
	return NULL;
}

/*
 * The copies c[0..n) done and let go; the largest block of records
 * copied from, when it has room for need bytes, kept in *keep (NULL:
 * none kept): its pages are in memory already, where a fresh block of
 * that size is faulted in and zeroed by the kernel.
 */
static void
copies_join(struct copy **c, size_t n, void **keep, size_t need)
{
	size_t i, best = n;

	for (i = 0; i < n; i++) {
		pthread_join(c[i]->th, NULL);
		if (keep != NULL && c[i]->n * sizeof *c[i]->from >= need &&
		    (best == n || c[i]->n > c[best]->n))
			best = i;
	}
	for (i = 0; i < n; i++) {
		if (i == best)
			*keep = c[i]->from;
		else
			free(c[i]->from);
		free(c[i]);
	}
	free(c);
}

/*
 * The services grouped by volunteer as ledger.c's group does, by a thread
 * of its own while this thread reads a file of redemptions alone (which
 * adds no service); the ledger takes them when no service was added since
 * (jobs_grouped).  The thread waits for the copies of the workers'
 * services itself (this thread waited for them before it read on: a few
 * ms with the other core busy copying), and counts nothing: each
 * volunteer's count is the reading's (vol_counts).
 */
static struct {
	pthread_t th;
	int on;	   /* the thread running (not joined) */
	int ready; /* at and idx made, not taken */
	struct copy **c;
	size_t nc;
	const struct svc *svc;
	size_t n, nvol;
	uint32_t *at, *idx;
} gr;

static void *
group_work(void *arg)
{
	uint32_t *a = gr.at, *x;
	void *keep = NULL;
	size_t i;

	(void)arg;
	copies_join(gr.c, gr.nc, &keep, (gr.n + 1) * sizeof *x);
	x = keep != NULL ? keep : vp_alloc((gr.n + 1) * sizeof *x);
	gr.c = NULL;
	gr.nc = 0;
	for (i = 0; i < gr.n; i++)
		x[a[gr.svc[i].vol + 1]++] = (uint32_t)i;
	gr.idx = x;
	return NULL;
}

/* The grouping done (its thread joined); drop: and let go. */
static void
group_join(int drop)
{
	if (gr.on) {
		pthread_join(gr.th, NULL);
		gr.on = 0;
	}
	if (drop && gr.ready) {
		gr.ready = 0;
		free(gr.at);
		free(gr.idx);
	}
}

static void
group_drop(void)
{
	group_join(1);
}

void
jobs_group(void)
{
	size_t i;

	group_drop();
	if (opt.jobs < 2 || data.nsvc == 0) {
		jobs_wait(1);
		return;
	}
	gr.c = copies.c; /* (joined by the thread) */
	gr.nc = copies.n;
	memset(&copies, 0, sizeof copies);
	gr.at = xcalloc(data.nvol + 2, sizeof *gr.at);
	vol_counts(gr.at + 2);
	for (i = 2; i < data.nvol + 2; i++)
		gr.at[i] += gr.at[i - 1];
	gr.svc = data.svc;
	gr.n = data.nsvc;
	gr.nvol = data.nvol;
	gr.on = pthread_create(&gr.th, NULL, group_work, NULL) == 0;
	if (!gr.on)
		group_work(NULL);
	gr.ready = 1;
}

int
jobs_grouped(uint32_t **at, uint32_t **idx)
{
	size_t v;

	jobs_wait(0);
	if (!gr.ready)
		return 0;
	gr.ready = 0;
	if (gr.svc != data.svc || gr.n != data.nsvc) {
		free(gr.at);
		free(gr.idx);
		return 0;
	}
	*at = xreallocarray(gr.at, data.nvol + 2, sizeof **at);
	for (v = gr.nvol + 2; v < data.nvol + 2; v++) /* (no service) */
		(*at)[v] = (uint32_t)gr.n;
	*idx = gr.idx;
	return 1;
}

void
jobs_wait(int drop)
{
	group_join(drop);
	copies_join(copies.c, copies.n, NULL, 0);
	memset(&copies, 0, sizeof copies);
}

/* The records of worker p appended to this thread's data (smap, vmap:
 * its numbers here, let go with its records). */
static void
take_records(struct part *p, uint32_t *smap, uint32_t *vmap)
{
	struct copy *c = xcalloc(1, sizeof *c);
	size_t i;

	if (data.capsvc - data.nsvc < p->d.nsvc)
		jobs_wait(1); /* (the table is moved) */
	svc_room(p->d.nsvc);
	c->to = data.svc + data.nsvc;
	c->to_team = data.svc_team != NULL ? data.svc_team + data.nsvc : NULL;
	c->from = p->d.svc;
	c->from_team = p->d.svc_team;
	c->n = p->d.nsvc;
	c->smap = smap;
	c->vmap = vmap;
	for (i = 0; i < p->d.njump; i++) { /* their lines, the file's */
		data.next_line = p->d.jumps[i].line + p->shift;
		svc_jump(data.next_line);
		data.jumps[data.njump - 1].at += p->d.jumps[i].at;
	}
	data.next_line = p->d.next_line + p->shift;
	data.nsvc += p->d.nsvc;
	p->d.svc = NULL;
	p->d.svc_team = NULL;
	if (copies.n == copies.cap)
		copies.c = xgrow(copies.c, &copies.cap, 4, sizeof *copies.c);
	copies.c[copies.n++] = c;
	if (pthread_create(&c->th, NULL, copy_work, c) != 0) {
		copy_work(c);
		copies.n--;
		free(c);
	}
}

/* The redemptions of worker p appended to this thread's data. */
static void
take_reds(struct part *p, const uint32_t *smap, const uint32_t *vmap)
{
	size_t i;

	for (i = 0; i < p->d.nred; i++) {
		struct red d = p->d.red[i];

		if (data.nred == data.capred)
			data.red = vp_grow(data.red, &data.capred,
			    sizeof *data.red);
		d.vol = vmap[d.vol];
		d.item = smap[d.item];
		red_shift(&d, p->shift);
		data.red[data.nred++] = d;
	}
	input_kept_take(&p->kept);
}

/* Take what part p made: its rejections reported, a worker's records. */
static void
take_part(struct rd *r, struct part *p)
{
	uint32_t *smap, *vmap, n, t;
	size_t i;

	for (i = 0; i < p->nrej; i++)
		rej_held_report(&p->rej[i], p->shift);
	rd_add_count(r, p->nrec);
	if (!p->worker)
		return;
	n = intern_len(p->d.strs);
	smap = xcalloc(n + 1, sizeof *smap);
	for (t = 0; t < n; t++) /* (numbered here as met) */
		smap[t] = intern_put(data.strs, intern_get(p->d.strs, t));
	vmap = xcalloc(p->d.nvol + 1, sizeof *vmap);
	vol_join(p->vols, &p->d, smap, vmap);
	p->vols = NULL;
	take_reds(p, smap, vmap);
	if (p->d.nsvc > 0)
		take_records(p, smap, vmap);
	else {
		free(smap);
		free(vmap);
	}
	data.used += p->d.used;
}

/*
 * Part p after q (taken before it): is p where q ended?  Else it is read
 * again from there by this thread, or is nothing when q read to the end.
 * Then its lines are made the file's.
 */
static void
follow(struct rd *r, const struct part *q, struct part *p)
{
	if (!rd_span_again(&q->sp, &p->sp)) {
		p->shift = rd_span_shift(&q->sp, q->shift, &p->sp);
		return;
	}
	part_free(p);
	jobs_wait(1); /* (this thread adds to the table) */
	p->worker = 0;
	p->sp.has_first = p->sp.has_stop = 0;
	p->nrec = p->ngiven = 0;
	p->shift = 0;
	if (q->sp.has_stop) {
		p->from = q->sp.stop_off;
		p->rd = rd_open_part(r, p->from, q->sp.stop_line + q->shift);
		work(p);
	}
}

/* The parts of r's file (records from data on), or 0 when none. */
static size_t
cut(struct rd *r, int fmt, unsigned long long data_at, struct part **pp)
{
	unsigned long long *from, end;
	struct part *p;
	struct stat sb;
	size_t n = (size_t)opt.jobs, k;
	int fd = open(rd_first_file(r), O_RDONLY);

	if (fd < 0)
		return 0;
	if (fstat(fd, &sb) != 0 || (unsigned long long)sb.st_size < data_at) {
		close(fd);
		return 0;
	}
	from = xcalloc(n, sizeof *from);
	/* two parts of 1 MiB or more: the first, this thread's, a little
	 * smaller (47%: it took 5-7 ms longer than the worker's half of 1M
	 * records), cut as if the file ended at 94% (the line end after the
	 * cut is still looked for past that) */
	end = (unsigned long long)sb.st_size;
	if (n == 2 && end - data_at >= (1u << 20))
		end = data_at + (end - data_at) / 100 * 94;
	rd_cut(fd, fmt == FMT_CSV, data_at, end, from, n);
	close(fd);
	*pp = p = xcalloc(n, sizeof *p);
	for (k = 0; k < n; k++) {
		p[k].from = from[k];
		p[k].to = k + 1 < n ? from[k + 1] : ULLONG_MAX;
		p[k].size = k + 1 < n ? from[k + 1] :
					(unsigned long long)sb.st_size;
	}
	free(from);
	return n;
}

size_t
jobs_read(struct rd *r, const struct cols *c, uint16_t file)
{
	unsigned long long data_at;
	struct part *p = NULL;
	size_t n, k, given = 0;
	long line;
	int fmt;

	/* (a file of redemptions while the services are grouped: read by
	 * this thread alone, the other core grouping; in parts, the two
	 * threads and the grouping's shared the cores and the volunteers met
	 * by the worker were found again here: 10 ms more at 1M) */
	if (opt.jobs < 2 || cli.strict || cli.progress == 1 ||
	    (c->hours < 0 && gr.on) ||
	    (fmt = rd_parts(r, &data_at, &line)) == 0 ||
	    (n = cut(r, fmt, data_at, &p)) == 0)
		return JOBS_NONE;
	for (k = 0; k < n; k++) {
		p[k].c = c;
		p[k].file = file;
		p[k].worker = k > 0;
		p[k].rd = rd_open_part(r, p[k].from, k == 0 ? line : 1);
		if (k > 0 && pthread_create(&p[k].th, NULL, work, &p[k]) != 0)
			zl_die(ZL_IOERR, "pthread_create: %s", strerror(errno));
	}
	work(&p[0]);
	for (k = 0; k < n; k++) {
		if (k > 0) {
			pthread_join(p[k].th, NULL);
			follow(r, &p[k - 1], &p[k]);
		}
		take_part(r, &p[k]);
		given += p[k].ngiven;
		if (k > 0)
			part_free(&p[k - 1]);
	}
	part_free(&p[n - 1]);
	free(p);
	return given;
}

/* ---- the ledger ---- */

/* A span of the volunteers, by a thread of its own. */
struct lspan {
	const struct ledger_cb *cb;
	const uint32_t *order;
	size_t from, to;
	struct data d; /* the main thread's */
	pthread_t th;
	struct ledger_left left;
	struct cli_seen seen;
};

static void *
span_work(void *arg)
{
	struct lspan *p = arg;

	data = p->d;
	ledger_defer();
	ledger_span(p->cb, p->order, p->from, p->to);
	ledger_hand(&p->left);
	cli_seen_take(&p->seen);
	memset(&data, 0, sizeof data);
	return NULL;
}

/* Spans of SPAN_MIN volunteers or more. */
#define SPAN_MIN 1024

void
jobs_ledger(const struct ledger_cb *cb, const uint32_t *order)
{
	size_t n = data.nvol / SPAN_MIN, k;
	struct lspan *p;

	if (n > (size_t)opt.jobs)
		n = (size_t)opt.jobs;
	if (n < 2 || cb->ev != NULL || cb->svc != NULL || cli.strict) {
		ledger_span(cb, order, 0, data.nvol);
		return;
	}
	p = xcalloc(n, sizeof *p);
	for (k = 1; k < n; k++) {
		p[k].cb = cb;
		p[k].order = order;
		p[k].from = data.nvol * k / n;
		p[k].to = data.nvol * (k + 1) / n;
		p[k].d = data;
		if (pthread_create(&p[k].th, NULL, span_work, &p[k]) != 0)
			zl_die(ZL_IOERR, "pthread_create: %s", strerror(errno));
	}
	ledger_span(cb, order, 0, data.nvol / n);
	for (k = 1; k < n; k++) {
		pthread_join(p[k].th, NULL);
		ledger_take(&p[k].left);
		cli_seen_add(NULL, &p[k].seen);
	}
	free(p);
}
