/*
 * case-stats -j: a regular file read by threads, a part of it each.  Each
 * thread counts its part's cases in statistics of its own (accs_*: its
 * groups numbered its own way, the durations of each sorted at its end)
 * and notes each case as one pass does (dedupe.c): the hash of its id,
 * and its position (rd_reread) or the case itself, compactly (noted.c).
 * The main thread then takes the parts in order: their groups made its
 * own in the order they came, their statistics added (acc_merge: the
 * sorted durations merged at acc_finish), their notes numbered after the
 * part before's (seen_add_run), and what the threads left to it taken at
 * its place among them; at the end one pass finds the cases that may
 * have come twice in the threads' notes (dedupe_find_with).  So figures,
 * messages and the --reject file are those of -j 1, byte for byte.
 *
 * The parts: cut after a line end near each n-th of the records (CSV: a
 * line end outside quotes, by the quotes before it).  Part k reads from
 * its cut until a record begins at or after the next cut.  When a cut
 * was not between two records as one pass reads them (a CSV quote out of
 * place), part k-1 ended elsewhere than part k began: part k is read again
 * by the main thread from where part k-1 ended.
 *
 * A worker's own: its reader, parser, groups and statistics.  What only
 * the main thread may do is left to it: a record with an unknown status
 * word, or one meeting a year the calendar does not cover first, is kept
 * and taken again there (redo); a rejection is kept with its message
 * (rej_capture).
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

/* A record for the main thread, before case at. */
struct jev {
	size_t at;
	struct rec *rec;    /* kept (rec_keep) */
	const char *reason; /* a rejection's (NULL: to take again) */
	char *msg;
};

/*
 * A value of 8 to 32 bytes (one --by field) seen lately, whole in four
 * words that overlap (its bytes [0, 8), [8, 16) or [n - 16, n - 8),
 * [16, 24) when more than 24 (else the last word again), and [n - 8,
 * n)), and its group: a value met again is its group without its hash, a
 * probe of the index and a comparison (the groups of a part are few and
 * come again and again; nine Chinese characters are 27 bytes).  Two a
 * set, the newer first: of 24 values in 64 sets of one, a fifth of the
 * cases met one another had put out.
 */
#define NEAR_N 64
struct near {
	uint64_t w[4];
	size_t n; /* 0: none */
	uint32_t g;
};

/* The groups of a part: their values, and an index of them. */
struct lgroups {
	struct buf keys; /* per value: its length (varint), its bytes */
	size_t *off, n, cap;
	size_t *first;	 /* the number of each group's first case */
	uint64_t *index; /* hash >> 32 << 32 | group + 1; 0 empty */
	size_t icap;
	struct near near[NEAR_N][2];
};

struct part {
	unsigned long long from, to; /* to: where the next part begins */
	unsigned long long size;     /* of the file */
	struct rd *rd;
	pthread_t th;
	int in_take, missed;
	unsigned long long in_again; /* records in the period taken again */
	/* the first record, and the first of the next part (stop) */
	struct rd_span sp;	 /* its first record and its stop */
	long shift;		 /* shift: to the real lines */
	unsigned long long nrec; /* records, rejected ones too */
	size_t nread;		 /* records given (read_cases) */
	size_t nc;		 /* the cases */
	struct accs *acc;	 /* their statistics */
	uint32_t *hash;		 /* one pass: each case's (seen_hash) */
	uint8_t *xh;		 /* and 8 bits more of it (seen_hash40) */
	uint32_t *pos32;	 /* and its position (rd_by_pos): after pos0 */
	long long pos0, *pos;	 /* (pos: each whole, when one was not) */
	struct noted *nt;	 /* or the case itself */
	size_t capc;
	uint32_t *map; /* its groups: the main thread's */
	struct jev *ev;
	size_t nev, capev;
	struct lgroups lg;
	struct cli_seen seen;
};

/* One pass from CSV: a case noted by its record's offset, read again at
 * the end (again.c), not noted itself (noted.c). */
static int by_off;

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
		if (w.n != v[i].n || !str_same(w.p, v[i].p, w.n))
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

/* The group of values v in l (a new one when none, of case nc first). */
static uint32_t
lg_of(struct lgroups *l, const struct str *v, struct str *tmp, size_t nc)
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
	if (l->n == l->cap) {
		l->off = xgrow(l->off, &l->cap, 64, sizeof *l->off);
		l->first = xreallocarray(l->first, l->cap, sizeof *l->first);
	}
	l->off[l->n] = l->keys.n;
	l->first[l->n] = nc;
	for (i = 0; i < opt.nby; i++) {
		buf_add(&l->keys, len, (size_t)(put_varint(len, v[i].n) - len));
		buf_add(&l->keys, v[i].p, v[i].n);
	}
	l->index[s] = tag | ((uint64_t)l->n + 1);
	return (uint32_t)l->n++;
}

/* The words of v (8 to 32 bytes) into w; where they are kept in near. */
static size_t
near_words(const struct str *v, uint64_t *w)
{
	memcpy(&w[0], v->p, 8);
	memcpy(&w[1], v->p + (v->n >= 16 ? 8 : v->n - 8), 8);
	memcpy(&w[2], v->p + v->n - 8, 8);
	w[3] = w[2];
	if (v->n > 24)
		memcpy(&w[3], v->p + 16, 8);
	return (size_t)(((w[0] ^ w[2] * 0x9E3779B97F4A7C15ULL) + v->n) *
		0xbf58476d1ce4e5b9ULL >>
	    58);
}

/* lg_of, by near first when the key is one value of 8 to 24 bytes. */
static uint32_t
lg_near(struct lgroups *l, const struct str *v, struct str *tmp, size_t nc)
{
	struct near *e;
	uint64_t w[4];

	if (opt.nby != 1 || v->n < 8 || v->n > 32)
		return lg_of(l, v, tmp, nc);
	e = l->near[near_words(v, w)];
	if (e->n == v->n && e->w[0] == w[0] && e->w[1] == w[1] &&
	    e->w[2] == w[2] && e->w[3] == w[3])
		return e->g;
	if (e[1].n == v->n && e[1].w[0] == w[0] && e[1].w[1] == w[1] &&
	    e[1].w[2] == w[2] && e[1].w[3] == w[3])
		return e[1].g;
	e[1] = e[0];
	memcpy(e->w, w, sizeof w);
	e->n = v->n;
	e->g = lg_of(l, v, tmp, nc);
	return e->g;
}

/* ---- a worker ---- */

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
		if (rd_span_past(&p->sp, p->to, p->rd, r->line))
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

/* Room for one more case's notes. */
static void
case_room(struct part *p)
{
	size_t cap = p->capc;

	if (p->nc < p->capc)
		return;
	p->hash = xgrow(p->hash, &cap, 4096, sizeof *p->hash);
	p->xh = xreallocarray(p->xh, cap, sizeof *p->xh);
	if (p->nt == NULL && p->pos != NULL)
		p->pos = xreallocarray(p->pos, cap, sizeof *p->pos);
	else if (p->nt == NULL)
		p->pos32 = xreallocarray(p->pos32, cap, sizeof *p->pos32);
	p->capc = cap;
}

/*
 * Room for the part's cases at once, in huge pages: as many as records
 * of 64 bytes would be, 4 Mi at most (64 MB of address space; more grow
 * as before).  Only what is written is touched: no page fault each 4 KiB
 * (3 us each in this VM: a tenth of the CPU time at 5M cases), no copy
 * as the tables grow.
 */
static void
reserve(struct part *p)
{
	unsigned long long to = p->to < p->size ? p->to : p->size;
	size_t n = to > p->from ? (size_t)((to - p->from) / 64) : 0;

	if (n > ((size_t)4 << 20))
		n = (size_t)4 << 20;
	if (n < (512u << 10))
		return; /* (small: as before) */
	accs_reserve(p->acc, n);
	if (!opt.dedupe || p->capc > 0)
		return;
	p->hash = xhuge(n * sizeof *p->hash);
	p->xh = xhuge(n * sizeof *p->xh);
	if (p->nt == NULL)
		p->pos32 = xhuge(n * sizeof *p->pos32);
	p->capc = n;
}

/* The position of the case (4 bytes when it is less than 4 GB after the
 * first case's, mostly; else every one whole from now on). */
static void
note_pos(struct part *p, long long pos)
{
	size_t i;

	if (p->pos == NULL) {
		if (p->nc == 0)
			p->pos0 = pos;
		if (pos >= p->pos0 && pos - p->pos0 < UINT32_MAX) {
			p->pos32[p->nc] = (uint32_t)(pos - p->pos0);
			return;
		}
		p->pos = xreallocarray(NULL, p->capc, sizeof *p->pos);
		for (i = 0; i < p->nc; i++)
			p->pos[i] = p->pos0 + p->pos32[i];
		free(p->pos32);
		p->pos32 = NULL;
	}
	p->pos[p->nc] = pos;
}

static void
add_case(struct part *p, struct key *key, const struct rec *r,
    const struct kase *k, struct str *tmp)
{
	struct ccase c;

	key_of_case(key, r, k);
	c.gid = lg_near(&p->lg, key->v, tmp, p->nc);
	c.flags = case_flags(k);
	c.dur = case_duration(k);
	accs_add(p->acc, c.gid, c.flags, c.dur);
	if (opt.dedupe) { /* (as the strategies "by_pos" and "noted") */
		uint64_t h = seen_hash40(k->id);

		case_room(p);
		p->hash[p->nc] = (uint32_t)(h >> 8);
		p->xh[p->nc] = (uint8_t)h;
		if (p->nt == NULL)
			note_pos(p,
			    by_off ? (long long)rd_offset(p->rd) : r->pos);
		else {
			c.id = k->id;
			c.upd = k->updated;
			noted_add_to(p->nt, &c);
		}
	}
	p->nc++;
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
	p->acc = accs_new();
	if (opt.dedupe && !rd_by_pos(p->rd) && !by_off)
		p->nt = noted_new();
	reserve(p);
	cli_seen_take(&saved);
	rej_capture(hook, p);
	cal_defer(calendar, &p->missed);
	while (!p->sp.has_stop && rd_next(p->rd, &rec)) {
		if (rd_span_past(&p->sp, p->to, p->rd, rec->line))
			break;
		p->nrec++;
		p->nread++;
		take(p, &ps, &key, rec, tmp);
	}
	cal_defer(calendar, NULL);
	rej_capture(NULL, NULL);
	accs_finish(p->acc);
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
	accs_free(p->acc);
	free(p->hash);
	free(p->xh);
	free(p->pos);
	free(p->pos32);
	noted_drop(p->nt);
	free(p->map);
	buf_free(&p->lg.keys);
	free(p->lg.off);
	free(p->lg.first);
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
};

/*
 * One pass's numbers of the cases (seen_add): a piece of a part's (its
 * cases from local on), or of those the main thread took (extra, from
 * local on).
 */
struct piece {
	size_t start, n, local;
	const struct part *p; /* NULL: extra */
};

/* A case the main thread took, noted (one pass). */
struct extra {
	long long pos;
	struct ccase c; /* its id: id */
	char *id;
};

/* The run's parts and notes, until jobs_end (the main thread's). */
static struct {
	struct part *p;
	size_t np;
	struct piece *piece;
	size_t npiece, cappiece;
	struct extra *extra;
	size_t nextra, capextra;
	const uint32_t *map; /* (noted_take_from's fn) */
	void (*fn)(const struct ccase *c);
	int fd, mfd; /* by_off: the file, and the file in memory (again.c) */
	unsigned long long data; /* where its records begin */
	struct stat sb;
} J;

static void
piece_add(size_t start, size_t n, const struct part *p, size_t local)
{
	struct piece *q;

	if (J.npiece == J.cappiece)
		J.piece = xgrow(J.piece, &J.cappiece, 16, sizeof *J.piece);
	q = &J.piece[J.npiece++];
	q->start = start;
	q->n = n;
	q->local = local;
	q->p = p;
}

/* The piece of case i. */
static const struct piece *
piece_of(size_t i)
{
	size_t lo = 0, hi = J.npiece;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (J.piece[mid].start <= i)
			lo = mid;
		else
			hi = mid;
	}
	return &J.piece[lo];
}

/* The position of case i of part p. */
static long long
part_pos(const struct part *p, size_t i)
{
	return p->pos != NULL ? p->pos[i] : p->pos0 + p->pos32[i];
}

static long long
pos_at(size_t i)
{
	const struct piece *q = piece_of(i);
	size_t at = q->local + (i - q->start);

	if (q->p == NULL)
		return J.extra[at].pos;
	return part_pos(q->p, at);
}

static void
mapped(const struct ccase *c)
{
	struct ccase m = *c;

	m.gid = J.map[c->gid];
	J.fn(&m);
}

/* Is the file as it was when the parts were cut? */
static void
same_file(void)
{
	struct stat sb;

	if (fstat(J.fd, &sb) != 0 || sb.st_size != J.sb.st_size ||
	    sb.st_mtim.tv_sec != J.sb.st_mtim.tv_sec ||
	    sb.st_mtim.tv_nsec != J.sb.st_mtim.tv_nsec)
		zl_die(ZL_IOERR, _("the input changed while it was read"));
}

/* The cases c (in order) to fn, by offset: a part's read again (again.c),
 * or extra.  A case's record runs to the next case of its part, or to the
 * part's stop. */
static void
take_again(const struct seen_cand *c, size_t n,
    void (*fn)(const struct ccase *c))
{
	struct again *a = xcalloc(n + 1, sizeof *a);
	const struct ccase **x = xcalloc(n + 1, sizeof *x);
	struct buf ids = { 0 };
	size_t k, m = 0;

	for (k = 0; k < n; k++) {
		const struct piece *q = piece_of(c[k].i);
		const struct part *p = q->p;
		size_t at = q->local + (c[k].i - q->start);

		if (p == NULL) {
			x[k] = &J.extra[at].c;
			continue;
		}
		a[m].off = (unsigned long long)part_pos(p, at);
		a[m].end = at + 1 < p->nc ?
		    (unsigned long long)part_pos(p, at + 1) :
		    p->sp.has_stop ? p->sp.stop_off :
				     (unsigned long long)J.sb.st_size;
		a[m++].hash = c[k].hash;
	}
	if (m > 0) {
		same_file();
		again_read(J.mfd, J.fd, J.data, a, m, &ids);
		same_file();
	}
	for (k = m = 0; k < n; k++)
		if (x[k] != NULL)
			fn(x[k]);
		else {
			a[m].c.id.p = ids.p + a[m].idat;
			fn(&a[m++].c);
		}
	buf_free(&ids);
	free(x);
	free(a);
}

/* The cases c (in order) to fn: noted by a part, or extra. */
static void
take_noted(const struct seen_cand *c, size_t n,
    void (*fn)(const struct ccase *c))
{
	struct seen_cand *local;
	size_t k = 0, m;

	if (by_off) {
		take_again(c, n, fn);
		return;
	}
	local = xcalloc(n + 1, sizeof *local);
	while (k < n) {
		const struct piece *q = piece_of(c[k].i);

		for (m = 0; k + m < n && c[k + m].i < q->start + q->n; m++) {
			local[m] = c[k + m];
			local[m].i = q->local + (c[k + m].i - q->start);
		}
		if (q->p == NULL)
			for (m = 0; k + m < n && c[k + m].i < q->start + q->n;
			     m++)
				fn(&J.extra[local[m].i].c);
		else {
			J.map = q->p->map;
			J.fn = fn;
			noted_take_from(q->p->nt, local, m, mapped);
		}
		k += m;
	}
	free(local);
}

static const struct finder finder = { pos_at, take_noted };

/* Case k of record r, taken by the main thread, counted and noted. */
static void
take_extra(struct taker *t, const struct rec *r, const struct kase *k,
    uint32_t gid)
{
	struct extra *x;

	if (!opt.dedupe) {
		t->st->add(r, k, gid);
		return;
	}
	if (rd_by_pos(t->r) && r->pos < 0)
		zl_die_at(ZL_IOERR, r->file, r->line,
		    _("the input changed while it was read"));
	acc_add(gid, k);
	if (J.nextra == J.capextra)
		J.extra = xgrow(J.extra, &J.capextra, 16, sizeof *J.extra);
	x = &J.extra[J.nextra];
	x->pos = r->pos;
	ccase_of(&x->c, k, gid);
	x->id = xstrndup(k->id.p, k->id.n);
	x->c.id.p = x->id;
	piece_add(seen_add(k->id), 1, NULL, J.nextra++);
}

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
		take_extra(t, e->rec, &k, group_of_case(&t->key, e->rec, &k));
}

/*
 * Take what part p made, as read_cases and the strategy would have: its
 * groups made the main thread's in the order they came, what it left to
 * the main thread taken in its place among them, its cases noted.
 */
static void
take_part(struct taker *t, struct part *p)
{
	size_t e, g = 0, done = 0;

	p->map = xreallocarray(NULL, p->lg.n + 1, sizeof *p->map);
	for (e = 0;; e++) {
		size_t at = e < p->nev ? p->ev[e].at : p->nc;

		for (; g < p->lg.n && p->lg.first[g] < at; g++) {
			lg_values(&p->lg, g, t->tmp);
			p->map[g] = group_of(t->tmp);
		}
		if (opt.dedupe && at > done) {
			piece_add(seen_add_run(p->hash + done, p->xh + done,
				      at - done),
			    at - done, p, done);
			done = at;
		}
		if (e == p->nev)
			break;
		take_event(t, &p->ev[e], p->shift);
	}
	for (g = 0; g < p->lg.n; g++)
		acc_merge(p->map[g], p->acc, (uint32_t)g);
	drop_events(p, 0);
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
	unsigned long long to = p->to, size = p->size;

	if (rd_span_again(&q->sp, &p->sp)) {
		part_free(p);
		p->to = to;
		p->size = size;
		if (q->sp.has_stop) {
			p->from = q->sp.stop_off;
			p->rd = rd_open_part(r, p->from, 1);
			work(p);
		}
	}
	p->shift = rd_span_shift(&q->sp, q->shift, &p->sp);
}

/* Start the threads on the parts of r (fd: its file, data on to size). */
static void
start(struct rd *r, int fd, int csv, unsigned long long data,
    unsigned long long size, long line)
{
	size_t k;

	J.np = (size_t)opt.jobs;
	J.p = xcalloc(J.np, sizeof *J.p);
	cut(fd, csv, J.p, J.np, data, size);
	cal_defer(calendar, NULL); /* (its tables made now) */
	for (k = 0; k < J.np; k++) {
		J.p[k].size = size;
		J.p[k].rd = rd_open_part(r, J.p[k].from, k == 0 ? line : 1);
		if (pthread_create(&J.p[k].th, NULL, work, &J.p[k]) != 0)
			zl_die(ZL_IOERR, "pthread_create: %s", strerror(errno));
	}
}

void
jobs_each(void *(*fn)(void *), void *items, size_t size, size_t n)
{
	pthread_t *th = xcalloc(n + 1, sizeof *th);
	size_t k;

	for (k = 1; k < n; k++)
		if (pthread_create(&th[k], NULL, fn,
			(char *)items + k * size) != 0)
			zl_die(ZL_IOERR, "pthread_create: %s", strerror(errno));
	if (n > 0)
		fn(items);
	for (k = 1; k < n; k++)
		pthread_join(th[k], NULL);
	free(th);
}

size_t
jobs_read(struct rd *r, const struct strategy *st)
{
	struct taker t = { r, st, { .need_due = out_needs_deadline() }, { 0 },
		NULL };
	unsigned long long data;
	size_t k, nread = 0;
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
	by_off = opt.dedupe && fmt == FMT_CSV && (J.mfd = again_open()) >= 0;
	start(r, fd, fmt == FMT_CSV, data, (unsigned long long)sb.st_size,
	    line);
	if (by_off) {
		J.fd = fd;
		J.data = data;
		J.sb = sb;
	} else
		close(fd);
	key_init(&t.key);
	t.tmp = xcalloc(opt.nby + 1, sizeof *t.tmp);
	for (k = 0; k < J.np; k++) {
		pthread_join(J.p[k].th, NULL);
		if (k > 0)
			follow(r, &J.p[k - 1], &J.p[k]);
		take_part(&t, &J.p[k]);
		nread += J.p[k].nread;
	}
	for (k = 0; k < J.np; k++) {
		rd_close(J.p[k].rd);
		J.p[k].rd = NULL;
	}
	if (opt.dedupe)
		dedupe_find_with(&finder);
	seen_threads(opt.jobs);
	acc_threads(opt.jobs);
	free(t.tmp);
	key_free(&t.key);
	parser_free(&t.ps);
	return nread;
}

void
jobs_end(void)
{
	size_t k;

	for (k = 0; k < J.np; k++)
		part_free(&J.p[k]);
	free(J.p);
	free(J.piece);
	for (k = 0; k < J.nextra; k++)
		free(J.extra[k].id);
	free(J.extra);
	dedupe_find_with(NULL);
	seen_threads(1);
	acc_threads(1);
	big_drop();
	if (by_off) {
		close(J.fd);
		close(J.mfd);
		by_off = 0;
	}
	memset(&J, 0, sizeof J);
}
