/*
 * case-stats -j: a regular file read by threads, a part of it each; the
 * main thread then takes what each made, part after part, as one pass
 * takes the records: the same groups in the same order, each case added,
 * noted and found again as one pass does (dedupe.c, noted.c), the same
 * rejections at their own lines (rej_report).  So figures, messages and
 * the --reject file are those of -j 1, byte for byte.
 *
 * The parts: cut after a line end near each n-th of the records (CSV: a
 * line end outside quotes, by the quotes before it).  Part k reads from
 * its cut until a record begins at or after the next cut.  When a cut
 * was not between two records as one pass reads them (a CSV quote out of
 * place), part k-1 ended elsewhere than part k began: part k is read again
 * by the main thread from where part k-1 ended.
 *
 * A worker's own: its reader, parser and groups (numbered in the part,
 * mapped to the main thread's when taken).  What only the main thread may
 * do is left to it: a record with an unknown status word, or one meeting
 * a year the calendar does not cover first, is kept and taken again there
 * (redo); a rejection is kept with its message (rej_capture).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/case-stats/case-stats.h"

/*
 * A case of a part, as the main thread takes it: its group in the part,
 * its id and hash (seen_hash), its record's position (rd_reread; -1
 * none).  Kept in the part's stream of cases (about 25 bytes a case):
 * varints of its group << 2 | an update time follows << 1 | a position
 * follows, its flags, duration, update time (zigzag), position (after
 * the case before's), id's length; 4 bytes of hash; its id.
 */
struct jcase {
	struct str id;
	long long upd, pos;
	uint32_t lg, dur, hash;
	unsigned flags;
};

/* A record for the main thread, before case at. */
struct jev {
	size_t at;
	struct rec *rec;    /* kept (rec_keep) */
	const char *reason; /* a rejection's (NULL: to take again) */
	char *msg;
};

/* The groups of a part: their values, and an index of them. */
struct lgroups {
	struct buf keys; /* per value: its length (varint), its bytes */
	size_t *off, n, cap;
	uint64_t *index; /* hash >> 32 << 32 | group + 1; 0 empty */
	size_t icap;
};

struct part {
	unsigned long long from, to; /* to: where the next part begins */
	struct rd *rd;
	pthread_t th;
	int in_take, missed;
	unsigned long long in_again; /* records in the period taken again */
	/* the first record, and the first of the next part (stop) */
	int has_first, has_stop;
	unsigned long long first_off, stop_off;
	long first_line, stop_line, shift; /* shift: to the real lines */
	unsigned long long nrec;	   /* records, rejected ones too */
	size_t nread;			   /* records given (read_cases) */
	struct buf cs;			   /* the cases */
	size_t nc;			   /* how many */
	long long lastpos; /* the position of the case before (or 0) */
	struct jev *ev;
	size_t nev, capev;
	struct lgroups lg;
	struct cli_seen seen;
};

/* Threads for this run?  (Not for --records, --merge, --strict nor
 * --progress.) */
static int
wanted(void)
{
	return opt.jobs > 1 &&
	    (opt.mode == MODE_STATS || opt.mode == MODE_PARTIAL) &&
	    !cli.strict && cli.progress != 1;
}

/* ---- a part's groups ---- */

static uint64_t
vals_hash(const struct str *v)
{
	uint64_t h = 0;
	size_t i;

	for (i = 0; i < opt.nby; i++)
		h = str_hash(v[i].p, v[i].n, h + i);
	return h;
}

/* Where the values of group g of l begin (NULL: no --by, none). */
static const char *
lg_at(const struct lgroups *l, size_t g)
{
	return opt.nby > 0 ? l->keys.p + l->off[g] : NULL;
}

/* The value at p into v; after it. */
static const char *
lg_next(const char *p, struct str *v)
{
	uint64_t n;

	p = get_varint(p, &n);
	v->p = p;
	v->n = (size_t)n;
	return p + n;
}

/* The values of group g of l, into v. */
static void
lg_values(const struct lgroups *l, size_t g, struct str *v)
{
	const char *p = lg_at(l, g);
	size_t i;

	for (i = 0; i < opt.nby; i++)
		p = lg_next(p, &v[i]);
}

static int
lg_eq(const struct lgroups *l, size_t g, const struct str *v)
{
	const char *p = lg_at(l, g);
	struct str w;
	size_t i;

	for (i = 0; i < opt.nby; i++) {
		p = lg_next(p, &w);
		if (w.n != v[i].n || memcmp(w.p, v[i].p, w.n) != 0)
			return 0;
	}
	return 1;
}

static void
lg_place(struct lgroups *l, uint64_t h, size_t g)
{
	size_t s = h & (l->icap - 1);

	while (l->index[s] != 0)
		s = (s + 1) & (l->icap - 1);
	l->index[s] = (h >> 32 << 32) | ((uint64_t)g + 1);
}

static void
lg_grow(struct lgroups *l, struct str *tmp)
{
	size_t g;

	free(l->index);
	l->icap = l->icap ? l->icap * 2 : 64;
	l->index = xcalloc(l->icap, sizeof *l->index);
	for (g = 0; g < l->n; g++) {
		lg_values(l, g, tmp);
		lg_place(l, vals_hash(tmp), g);
	}
}

/* The group of values v in l (a new one when none). */
static uint32_t
lg_of(struct lgroups *l, const struct str *v, struct str *tmp)
{
	uint64_t h = vals_hash(v), tag = h >> 32 << 32;
	size_t s, i;
	char len[10];

	if (l->icap == 0 || (l->n + 1) * 4 > l->icap * 3)
		lg_grow(l, tmp);
	for (s = h & (l->icap - 1); l->index[s] != 0;
	     s = (s + 1) & (l->icap - 1))
		if ((l->index[s] >> 32 << 32) == tag &&
		    lg_eq(l, (uint32_t)l->index[s] - 1, v))
			return (uint32_t)l->index[s] - 1;
	if (l->n == l->cap)
		l->off = xgrow(l->off, &l->cap, 64, sizeof *l->off);
	l->off[l->n] = l->keys.n;
	for (i = 0; i < opt.nby; i++) {
		buf_add(&l->keys, len, (size_t)(put_varint(len, v[i].n) - len));
		buf_add(&l->keys, v[i].p, v[i].n);
	}
	l->index[s] = tag | ((uint64_t)l->n + 1);
	return (uint32_t)l->n++;
}

/* ---- a worker ---- */

/* Is the record at off (line) past the part?  The first one is noted. */
static int
past(struct part *p, unsigned long long off, long line)
{
	if (p->has_stop)
		return 1;
	if (off >= p->to) {
		p->has_stop = 1;
		p->stop_off = off;
		p->stop_line = line;
		return 1;
	}
	if (!p->has_first) {
		p->has_first = 1;
		p->first_off = off;
		p->first_line = line;
	}
	return 0;
}

static void
push_event(struct part *p, const struct rec *r, const char *reason,
    const char *msg)
{
	struct jev *e;

	if (p->nev == p->capev)
		p->ev = xgrow(p->ev, &p->capev, 64, sizeof *p->ev);
	e = &p->ev[p->nev++];
	e->at = p->nc;
	e->rec = rec_keep(r);
	if (reason == NULL) /* (taken again: found again by its position) */
		e->rec->pos = r->pos;
	e->reason = reason;
	e->msg = msg != NULL ? xstrdup(msg) : NULL;
}

/* A record the worker rejects (rej_capture). */
static void
hook(void *arg, const struct rec *r, const char *reason, const char *msg)
{
	struct part *p = arg;

	if (!p->in_take) { /* (the reader's: a record not given) */
		if (past(p, rd_offset(p->rd), r->line))
			return;
		p->nrec++;
	}
	push_event(p, r, reason, msg);
}

static void
drop_events(struct part *p, size_t from)
{
	while (p->nev > from) {
		p->nev--;
		free(p->ev[p->nev].rec);
		free(p->ev[p->nev].msg);
	}
}

static uint64_t
zigzag(long long v)
{
	return (uint64_t)v << 1 ^ (uint64_t)(v >> 63);
}

static void
add_case(struct part *p, struct key *key, const struct rec *r,
    const struct kase *k, struct str *tmp)
{
	uint32_t lg, h = opt.dedupe ? seen_hash(k->id) : 0;
	char head[6 * 10 + 4], *e;

	key_of_case(key, r, k);
	lg = lg_of(&p->lg, key->v, tmp);
	e = put_varint(head,
	    (uint64_t)lg << 2 | (unsigned)(k->updated != NO_TIME) << 1 |
		(r->pos >= 0));
	e = put_varint(e, case_flags(k));
	e = put_varint(e, case_duration(k));
	if (k->updated != NO_TIME)
		e = put_varint(e, zigzag(k->updated));
	if (r->pos >= 0) {
		e = put_varint(e, zigzag(r->pos - p->lastpos));
		p->lastpos = r->pos;
	}
	e = put_varint(e, k->id.n);
	memcpy(e, &h, 4);
	buf_add(&p->cs, head, (size_t)(e + 4 - head));
	buf_add(&p->cs, k->id.p, k->id.n);
	p->nc++;
}

/* The case at s into c; after it. */
static const char *
next_case(const char *s, struct jcase *c, long long *lastpos)
{
	uint64_t v, w;

	s = get_varint(s, &w);
	c->lg = (uint32_t)(w >> 2);
	s = get_varint(s, &v);
	c->flags = (unsigned)v;
	s = get_varint(s, &v);
	c->dur = (uint32_t)v;
	c->upd = NO_TIME;
	if (w & 2) {
		s = get_varint(s, &v);
		c->upd = (long long)(v >> 1 ^ -(v & 1));
	}
	c->pos = -1;
	if (w & 1) {
		s = get_varint(s, &v);
		c->pos = *lastpos += (long long)(v >> 1 ^ -(v & 1));
	}
	s = get_varint(s, &v);
	c->id.n = (size_t)v;
	memcpy(&c->hash, s, 4);
	c->id.p = s + 4;
	return s + 4 + v;
}

/* Take record r of the part (as read_cases does). */
static void
take(struct part *p, struct parser *ps, struct key *key, const struct rec *r,
    struct str *tmp)
{
	struct kase k;
	size_t mark = p->nev;
	int ok;

	ps->redo = p->missed = 0;
	p->in_take = 1;
	ok = case_take(ps, r, &k);
	p->in_take = 0;
	if (ps->redo || p->missed) {
		/* (a year missed: after the record was counted in the period,
		 * cli_in_period, which the main thread counts again) */
		p->in_again += p->missed != 0;
		drop_events(p, mark);
		push_event(p, r, NULL, NULL);
		return;
	}
	if (ok)
		add_case(p, key, r, &k, tmp);
}

/* Read the part (a thread's, or the main thread's). */
static void *
work(void *arg)
{
	struct part *p = arg;
	struct parser ps = { .need_due = out_needs_deadline(), .worker = 1 };
	struct str *tmp = xcalloc(opt.nby + 1, sizeof *tmp);
	struct cli_seen saved;
	struct key key;
	struct rec *rec;

	key_init(&key);
	cli_seen_take(&saved);
	rej_capture(hook, p);
	cal_defer(calendar, &p->missed);
	while (!p->has_stop && rd_next(p->rd, &rec)) {
		if (past(p, rd_offset(p->rd), rec->line))
			break;
		p->nrec++;
		p->nread++;
		take(p, &ps, &key, rec, tmp);
	}
	cal_defer(calendar, NULL);
	rej_capture(NULL, NULL);
	cli_seen_take(&p->seen);
	p->seen.in -= p->in_again;
	cli_seen_add(NULL, &saved);
	key_free(&key);
	parser_free(&ps);
	free(tmp);
	return NULL;
}

static void
part_free(struct part *p)
{
	drop_events(p, 0);
	free(p->ev);
	buf_free(&p->cs);
	buf_free(&p->lg.keys);
	free(p->lg.off);
	free(p->lg.index);
	rd_close(p->rd);
	memset(p, 0, sizeof *p);
}

/* ---- the cuts ---- */

/* The parts of a file (records from data on), n of them (rd_cut). */
static void
cut(int fd, int csv, struct part *p, size_t n, unsigned long long data,
    unsigned long long size)
{
	unsigned long long *from = xcalloc(n, sizeof *from);
	size_t k;

	rd_cut(fd, csv, data, size, from, n);
	for (k = 0; k < n; k++) {
		p[k].from = from[k];
		if (k > 0)
			p[k - 1].to = from[k];
	}
	p[n - 1].to = ULLONG_MAX;
	free(from);
}

/* ---- the main thread: the parts taken in order ---- */

/* What the main thread takes the parts with. */
struct taker {
	struct rd *r;
	const struct strategy *st;
	struct parser ps;
	struct key key;
	struct str *tmp;
	uint32_t *map; /* a part's groups: the main thread's; UINT32_MAX */
	size_t capmap;
	int by_pos; /* the cases found again by position (rd_by_pos) */
};

static void
take_event(struct taker *t, struct jev *e, long shift)
{
	struct kase k;

	e->rec->line += shift;
	if (e->reason != NULL) {
		rej_report(e->rec, e->reason, e->msg);
		return;
	}
	if (case_take(&t->ps, e->rec, &k))
		t->st->add(e->rec, &k, group_of_case(&t->key, e->rec, &k));
}

/* Take what part p made, as read_cases and the strategy would have. */
static void
take_part(struct taker *t, struct part *p)
{
	const char *s = p->cs.p;
	long long lastpos = 0;
	size_t i, e = 0;

	if (t->capmap < p->lg.n) {
		t->capmap = p->lg.n;
		t->map = xreallocarray(t->map, t->capmap, sizeof *t->map);
	}
	if (p->lg.n > 0)
		memset(t->map, 0xFF, p->lg.n * sizeof *t->map);
	for (i = 0;; i++) {
		struct jcase c;
		struct ccase cc;

		for (; e < p->nev && p->ev[e].at == i; e++)
			take_event(t, &p->ev[e], p->shift);
		if (i == p->nc)
			break;
		s = next_case(s, &c, &lastpos);
		if (t->map[c.lg] == UINT32_MAX) {
			lg_values(&p->lg, c.lg, t->tmp);
			t->map[c.lg] = group_of(t->tmp);
		}
		cc.id = c.id;
		cc.gid = t->map[c.lg];
		cc.dur = c.dur;
		cc.upd = c.upd;
		cc.flags = c.flags;
		acc_add_flags(cc.gid, cc.flags, cc.dur);
		/* (as the strategies "by_pos" and "noted" add: dedupe.c) */
		if (opt.dedupe && t->by_pos)
			noted_pos(seen_add_hash(c.hash), c.pos);
		else if (opt.dedupe) {
			seen_add_hash(c.hash);
			noted_add(&cc);
		}
	}
	cli_seen_add(NULL, &p->seen);
	rd_add_count(t->r, p->nrec);
}

/*
 * Part p after q (taken before it): is p where q ended?  Else it is read
 * again from there, here, or is nothing when q read to the end.  Then its
 * lines are made the file's.
 */
static void
follow(struct rd *r, const struct part *q, struct part *p)
{
	unsigned long long to = p->to;

	if (q->has_stop ? !p->has_first || p->first_off != q->stop_off :
			  p->has_first) {
		part_free(p);
		p->to = to;
		if (q->has_stop) {
			p->from = q->stop_off;
			p->rd = rd_open_part(r, p->from, 1);
			work(p);
		}
	}
	p->shift = q->has_stop ? q->stop_line + q->shift - p->first_line : 0;
}

size_t
jobs_read(struct rd *r, const struct strategy *st)
{
	struct taker t = { r, st, { .need_due = out_needs_deadline() }, { 0 },
		NULL, NULL, 0, rd_by_pos(r) };
	unsigned long long data;
	struct part *p;
	size_t n, k, nread = 0;
	struct stat sb;
	long line;
	int fmt = rd_parts(r, &data, &line), fd;

	if (!wanted() || fmt == 0 ||
	    (fd = open(rd_first_file(r), O_RDONLY)) < 0)
		return JOBS_NONE;
	if (fstat(fd, &sb) != 0 || (unsigned long long)sb.st_size < data) {
		close(fd);
		return JOBS_NONE;
	}
	n = (size_t)opt.jobs;
	p = xcalloc(n, sizeof *p);
	cut(fd, fmt == FMT_CSV, p, n, data, (unsigned long long)sb.st_size);
	close(fd);
	cal_defer(calendar, NULL); /* (its tables made now) */
	for (k = 0; k < n; k++) {
		p[k].rd = rd_open_part(r, p[k].from, k == 0 ? line : 1);
		if (pthread_create(&p[k].th, NULL, work, &p[k]) != 0)
			zl_die(ZL_IOERR, "pthread_create: %s", strerror(errno));
	}
	key_init(&t.key);
	t.tmp = xcalloc(opt.nby + 1, sizeof *t.tmp);
	for (k = 0; k < n; k++) {
		pthread_join(p[k].th, NULL);
		if (k > 0)
			follow(r, &p[k - 1], &p[k]);
		take_part(&t, &p[k]);
		nread += p[k].nread;
		if (k > 0)
			part_free(&p[k - 1]);
	}
	part_free(&p[n - 1]);
	free(p);
	free(t.map);
	free(t.tmp);
	key_free(&t.key);
	parser_free(&t.ps);
	return nread;
}
