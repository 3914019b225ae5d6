/*
 * worker-salary: reading the roster and the monthly items.  Each input is
 * read on its own (their fields differ); a file's header says what it
 * holds: month, monthly items; post without month, the roster; both, a
 * row per worker and month holding the worker's roster fields and the
 * month's items.  Values are checked and kept in data (ws.h); a record
 * that cannot be used is rejected here, but for what needs every record
 * (the roster's workers, a month twice), which pay.c checks.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/worker-salary/ws.h"
#include "lib/date.h"
#include "lib/fld.h"
#include "lib/money.h"
#include "lib/utf8.h"

/* A mark of data.marks: where the record begins, + MARK_AT. */
#define MARK_AT LLONG_MIN

struct data data;

/* The thread's buffers: values shown in messages, ids and months folded
 * (input_thread_end frees them). */
static _Thread_local struct buf shown, folded[2], month_fold;

void
input_thread_end(void)
{
	buf_free(&shown);
	buf_free(&folded[0]);
	buf_free(&folded[1]);
	buf_free(&month_fold);
}

static void
find_cols(struct rd *r, struct cols *c)
{
	c->id = fld_col(r, "worker_id");
	c->name = fld_col_first(r, "worker_name|volunteer_name|name");
	c->community = fld_col(r, "community");
	c->post = fld_col(r, "post");
	c->level = fld_col_first(r, "pay_level|level");
	c->hired = fld_col(r, "hired_at");
	c->edu = fld_col(r, "education");
	c->cert = fld_col(r, "certificate");
	c->certat = fld_col(r, "certified_at");
	c->years = fld_col(r, "years_passed");
	c->base = fld_col(r, "base_pay");
	c->cbase = fld_col(r, "contribution_base");
	c->month = fld_col(r, "month");
	c->perf = fld_col(r, "performance");
	c->overtime = fld_col(r, "overtime");
	c->other = fld_col(r, "other_pay");
	c->ded = fld_col(r, "deduction");
	c->absence = fld_col(r, "absence_days");
	c->sad = fld_col(r, "special_additional_deduction");
	c->taxable = fld_col(r, "taxable_ytd");
	c->tax = fld_col(r, "tax_ytd");
}

/* Is s, of 4 to 16 bytes, ASCII?  Two loads that overlap, no loop. */
static int
ascii_4_16(struct str s)
{
	uint64_t x, y;
	uint32_t e, f;

	if (s.n >= 8) {
		memcpy(&x, s.p, 8);
		memcpy(&y, s.p + s.n - 8, 8);
		return ((x | y) & 0x8080808080808080ULL) == 0;
	}
	memcpy(&e, s.p, 4);
	memcpy(&f, s.p + s.n - 4, 4);
	return ((e | f) & 0x80808080u) == 0;
}

/* An id or number field, full-width folded (valid until the second
 * call after); in ASCII, nothing to fold. */
struct str
in_folded(const struct rec *rec, long c)
{
	struct buf *b = folded;
	static _Thread_local int k;
	struct str s = in_col(rec, c);
	size_t i;

	if (s.n >= 4 && s.n <= 16 && ascii_4_16(s)) /* most ids */
		return s;
	i = str_ascii_skip(s.p, 0, s.n);

	while (i < s.n && (unsigned char)s.p[i] < 0x80)
		i++;
	if (i == s.n)
		return s;
	k = !k;
	return str_trim(str_fold(s, &b[k], NULL));
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* rec rejected for an amount s in field name above WS_MAX_FEN: 0. */
static int
too_much(const struct rec *rec, const char *name, struct str s)
{
	struct buf *b = &shown;

	rec_reject(rec, _("field '%s': more than 100000000.00 ('%s')"), name,
	    u8_shown(b, s));
	return 0;
}

/*
 * s when it is plain digits, at most eleven, with at most two decimals
 * ("1400", "52.5"), as money_parse reads them: 1 and *v in fen; 0 for any
 * other form, money_parse's to read.  Most amounts are so written.
 */
static int
plain_fen(struct str s, long long *v)
{
	long long x = 0;
	size_t i, k, most = s.n < 11 ? s.n : 11;
	unsigned d;

	for (i = 0; i < most && (d = (unsigned char)s.p[i] - '0') <= 9; i++)
		x = x * 10 + d;
	if (i == 0)
		return 0;
	if (i < s.n) {
		if (s.p[i] != '.' || s.n - i < 2 || s.n - i > 3)
			return 0;
		for (k = i + 1; k < i + 3; k++) {
			if (k < s.n && !is_digit(s.p[k]))
				return 0;
			x = x * 10 + (k < s.n ? s.p[k] - '0' : 0);
		}
		*v = x;
		return 1;
	}
	*v = x * 100;
	return 1;
}

/* The amount s of field name not plain (money_parse's to read), or
 * beyond the limit: 1 and *v, or 0 when rec is rejected.  Apart from
 * in_amount, whose calls are many and quick. */
static __attribute__((noinline)) int
amount_slow(const struct rec *rec, const char *name, struct str s, long long *v)
{
	struct buf *b = &shown;

	if (money_parse(s.p, s.n, v) != 0) {
		rec_reject(rec, _("field '%s': not an amount ('%s')"), name,
		    u8_shown(b, s));
		return 0;
	}
	if (*v < 0) {
		rec_reject(rec, _("field '%s': negative ('%s')"), name,
		    u8_shown(b, s));
		return 0;
	}
	return *v <= WS_MAX_FEN || too_much(rec, name, s);
}

/*
 * The amount in column c named name: 1 and *v (dflt when empty), or 0
 * when rejected (not an amount, or negative).
 */
int
in_amount_all(const struct rec *rec, long c, const char *name, long long dflt,
    long long *v)
{
	struct str s = in_col(rec, c);

	*v = dflt;
	if (s.n == 0 || (plain_fen(s, v) && *v <= WS_MAX_FEN))
		return 1;
	return amount_slow(rec, name, s, v);
}

/* s as most months are written, "2024-03": its months, or -1.  The last
 * one is kept (by each thread): the rows of a month come together. */
static long
month_dash(struct str s)
{
	static _Thread_local char last[8];
	static _Thread_local long lastm = -1;
	long y = 0, m;
	size_t i;

	if (s.n != 7)
		return -1;
	if (lastm >= 0 && memcmp(s.p, last, 4) == 0 &&
	    memcmp(s.p + 3, last + 3, 4) == 0)
		return lastm;
	if (s.p[4] != '-' || !is_digit(s.p[5]) || !is_digit(s.p[6]))
		return -1;
	for (i = 0; i < 4 && is_digit(s.p[i]); i++)
		y = y * 10 + (s.p[i] - '0');
	m = (s.p[5] - '0') * 10 + (s.p[6] - '0');
	if (i != 4 || y < 1 || m < 1 || m > 12)
		return -1;
	memcpy(last, s.p, 7);
	return lastm = y * 12 + m - 1;
}

long
parse_month(struct str s)
{
	struct buf *b = &month_fold;
	long long t;
	long y = 0, m = 0;
	size_t i = 0, k;

	if ((t = month_dash(s)) >= 0)
		return (long)t;
	s = str_trim(str_fold(s, b, NULL));
	if (date_parse(s.p, s.n, &t, NULL) == 0) {
		int yy, mm, dd;

		date_ymd((long)date_floordiv(t, DAY_SECS), &yy, &mm, &dd);
		return yy * 12L + mm - 1;
	}
	for (; i < s.n && i < 4 && s.p[i] >= '0' && s.p[i] <= '9'; i++)
		y = y * 10 + (s.p[i] - '0');
	if (i != 4 || y < 1)
		return -1;
	if (s.n == 6 && s.p[4] >= '0' && s.p[4] <= '9') /* 202403 */
		k = i;
	else if (i < s.n && strchr("-/.", s.p[i]) != NULL)
		k = i + 1;
	else if (s.n - i >= 3 && memcmp(s.p + i, "年", 3) == 0)
		k = i + 3;
	else
		return -1;
	for (i = k; i < s.n && i - k < 2 && s.p[i] >= '0' && s.p[i] <= '9'; i++)
		m = m * 10 + (s.p[i] - '0');
	if (i == k || m < 1 || m > 12)
		return -1;
	if (i < s.n && s.n - i == 3 && memcmp(s.p + i, "月", 3) == 0 &&
	    s.p[k - 1] != '-')
		i += 3;
	return i == s.n ? y * 12 + m - 1 : -1;
}

void
month_fmt(long m, char *buf)
{
	unsigned long y = (unsigned long)m / 12 % 10000,
		      mo = (unsigned long)m % 12 + 1;

	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + mo / 10);
	buf[6] = (char)('0' + mo % 10);
	buf[7] = '\0';
}

/* Is number k of x's id s? */
static int
is_key(const struct idx *x, uint32_t k, struct str s)
{
	struct str l;

	if (k >= intern_len(x->ids))
		return 0;
	l = intern_get(x->ids, k);
	return l.n == s.n && str_same(l.p, s.p, s.n);
}

/*
 * Rows of a worker often come together (the same id again), and a
 * month's rows often in the order of the month before (the id that came
 * after the last one then): both are tried before the table, whose
 * look-ups are all cache misses on a big roster.
 */
/* Id k just put in x (n: the ids before) noted as the one after the
 * last, and the last. */
static uint32_t
idx_note(struct idx *x, uint32_t k, uint32_t n)
{
	if (k == n) {
		if (n == x->capnext)
			x->next = xgrow(x->next, &x->capnext, 1024,
			    sizeof *x->next);
		x->next[n] = UINT32_MAX;
	}
	if (x->last < n)
		x->next[x->last] = k;
	return x->last = k;
}

uint32_t
idx_of(struct idx *x, struct str id)
{
	uint32_t n = intern_len(x->ids), last = x->last;

	/* the next one first: in a month's rows each id is a new one */
	if (last < n && is_key(x, x->next[last], id))
		return x->last = x->next[last];
	if (is_key(x, last, id))
		return last;
	return idx_note(x, intern_put(x->ids, id), n);
}

uint32_t
idx_find(const struct idx *x, struct str id, uint32_t *last)
{
	uint32_t n = intern_len(x->ids), l = *last;
	long long k;

	if (l < n && is_key(x, x->next[l], id))
		return *last = x->next[l];
	if (is_key(x, l, id))
		return l;
	if ((k = intern_find(x->ids, id)) < 0)
		return UINT32_MAX;
	return *last = (uint32_t)k;
}

/* Key n (the id just numbered n) new. */
static void
key_new(size_t n)
{
	if (n == data.capkeys)
		data.keys = xgrow(data.keys, &data.capkeys, 1024,
		    sizeof *data.keys);
	data.keys[n].w = NULL;
	data.keys[n].ytd = -1;
	data.keys[n].rejected = 0;
}

void
keys_reserve(size_t n)
{
	if (n > data.capkeys) { /* (in huge pages: 4 KiB is a fault) */
		struct key *k = xhuge(n * sizeof *k);

		if (data.capkeys > 0)
			memcpy(k, data.keys, data.capkeys * sizeof *k);
		free(data.keys);
		data.keys = k;
		data.capkeys = n;
	}
	if (n > data.idx.capnext) {
		data.idx.next = xreallocarray(data.idx.next, n,
		    sizeof *data.idx.next);
		data.idx.capnext = n;
	}
	if (n > data.caproster) {
		data.roster = xreallocarray(data.roster, n,
		    sizeof *data.roster);
		data.caproster = n;
	}
}

/* The key of id, new when it is not known yet. */
struct key *
key_of(struct str id, uint32_t *k)
{
	size_t n = intern_len(data.ids);

	*k = idx_of(&data.idx, id);
	if (*k == n)
		key_new(n);
	return &data.keys[*k];
}

/* Id s put in x (its hash hv) as idx_of puts it. */
static uint32_t
idx_put(struct idx *x, struct str s, unsigned long long hv)
{
	uint32_t n = intern_len(x->ids), k;

	k = intern_put_hashed(x->ids, s, hv);
	return k == x->last ? k : idx_note(x, k, n);
}

uint32_t
key_hashed(struct str id, unsigned long long hv)
{
	uint32_t n = intern_len(data.ids), k = idx_put(&data.idx, id, hv);

	if (k == n)
		key_new(n);
	return k;
}

/* The hash of id number i of from, its place in data.ids fetched. */
static unsigned long long
hash_ahead(const struct intern *from, uint32_t i)
{
	struct str s = intern_get(from, i);
	unsigned long long hv = str_hash(s.p, s.n, 0);

	intern_prefetch(data.ids, hv);
	return hv;
}

/*
 * The keys of every id of from, in its order, into map (as key_of each
 * one): the table's places fetched AHEAD ids before they are put, as
 * each look-up in a big table is a cache miss (a roster's part, by the
 * main thread while the threads read on).
 */
void
keys_of_all(const struct intern *from, uint32_t *map)
{
	enum { AHEAD = 8 };
	unsigned long long hv[AHEAD];
	uint32_t i, nk = intern_len(from), n;

	for (i = 0; i < nk && i < AHEAD; i++)
		hv[i] = hash_ahead(from, i);
	for (i = 0; i < nk; i++) {
		unsigned long long h = hv[i % AHEAD];

		if (i + AHEAD < nk)
			hv[i % AHEAD] = hash_ahead(from, i + AHEAD);
		n = intern_len(data.ids);
		if ((map[i] = idx_put(&data.idx, intern_get(from, i), h)) == n)
			key_new(n);
	}
}

/* Room for n slips in all, in huge pages (a million of them: a fault
 * every 2 MiB, not every 4 KiB); what is not used is never touched. */
void
slips_room(size_t n)
{
	struct slip *p;

	if (n <= data.capslips)
		return;
	p = xhuge(n * sizeof *p);
	if (data.nslips > 0)
		memcpy(p, data.slips, data.nslips * sizeof *p);
	free(data.slips);
	data.slips = p;
	data.capslips = n;
}

/* A slip of reader file at the end, in the last run (a new one after a
 * part's or another file's). */
static struct slip *
slip_new(uint16_t file)
{
	struct run *r = data.nruns > 0 ? &data.runs[data.nruns - 1] : NULL;

	if (data.nslips == data.capslips)
		slips_room(data.capslips == 0 ?
			(1u << 21) / sizeof *data.slips :
			data.capslips * 2);
	if (r == NULL || r->map != NULL || r->to != data.nslips ||
	    r->file != file) {
		if (data.nruns == data.capruns)
			data.runs = xgrow(data.runs, &data.capruns, 8,
			    sizeof *data.runs);
		r = &data.runs[data.nruns++];
		memset(r, 0, sizeof *r);
		r->from = r->to = data.nslips;
		r->file = file;
	}
	r->to++;
	data.norder++;
	data.quick = -1; /* (not checked as read) */
	return &data.slips[data.nslips++];
}

/*
 * Room at once for the most rows a file of size bytes with nf fields can
 * hold (each has nf - 1 TABs, a line end, a month of 6 bytes or more and
 * an id), up to 4 GiB of slips: no copy as the table grows.
 */
size_t
slips_most(unsigned long long size, size_t nf)
{
	unsigned long long most = size / (nf + 7) + 1;

	if (most > (4ULL << 30) / sizeof(struct slip))
		most = (4ULL << 30) / sizeof(struct slip);
	return (size_t)most;
}

uint32_t
amount_big(long long v, long long **big, size_t *n, size_t *cap)
{
	if (*n >= 0x80000000u)
		zl_die(ZL_IOERR,
		    _("more than 2147483648 amounts of 21474836.48 or more"));
	if (*n == *cap)
		*big = xgrow(*big, cap, 64, sizeof **big);
	(*big)[*n] = v;
	return 0x80000000u + (uint32_t)(*n)++;
}

int
items_of(const struct rec *rec, const struct cols *c, struct slip *s,
    long long *a, struct str *id)
{
	struct buf *b = &shown;
	struct str m = in_col(rec, c->month);
	long long absence;
	long month;

	*id = in_folded(rec, c->id);
	if (id->n == 0) {
		rec_reject(rec, _("field 'worker_id': empty"));
		return 0;
	}
	if (m.n == 0) {
		rec_reject(rec, _("field 'month': empty"));
		return 0;
	}
	if ((month = parse_month(m)) < 0 || month >= SLIP_MONTHS) {
		rec_reject(rec, _("field 'month': not a month ('%s')"),
		    u8_shown(b, m));
		return 0;
	}
	if (!in_amount(rec, c->perf, "performance", 0, &a[A_PERF]) ||
	    !in_amount(rec, c->overtime, "overtime", 0, &a[A_OVERTIME]) ||
	    !in_amount(rec, c->other, "other_pay", 0, &a[A_OTHER]) ||
	    !in_amount(rec, c->ded, "deduction", 0, &a[A_DEDUCTION]) ||
	    !in_amount(rec, c->sad, "special_additional_deduction", 0,
		&a[A_SAD]) ||
	    !in_amount(rec, c->absence, "absence_days", 0, &absence))
		return 0;
	if (absence > 3100) {
		rec_reject(rec, _("field 'absence_days': more than 31 ('%s')"),
		    u8_shown(b, in_col(rec, c->absence)));
		return 0;
	}
	s->absence = (uint32_t)absence & 0xFFF; /* (to 3100) */
	s->month = (uint32_t)month & 0x1FFFF;	/* (below SLIP_MONTHS) */
	s->line = rec->line > 0 && rec->line <= (long)UINT32_MAX ?
	    (uint32_t)rec->line :
	    0;
	return 1;
}

/* The items of rec (w: its own worker, or NULL) from reader file (off:
 * a record found again by where it begins, when it has no position, as
 * parts.c does): 1, or 0 when rejected. */
static int
take_items(const struct rec *rec, const struct cols *c, struct worker *w,
    uint16_t file, int off)
{
	struct slip s = { 0 };
	struct str id;
	long long a[A_N];
	int i;

	if (!items_of(rec, c, &s, a, &id))
		return 0;
	for (i = 0; i < A_N; i++)
		s.a[i] = amount_kept(a[i], &data.big, &data.nbig, &data.capbig);
	s.own = w != NULL;
	key_of(id, &s.key);
	*slip_new(file) = s;
	while (data.capmarks < data.nslips)
		data.marks = xgrow(data.marks, &data.capmarks, 1024,
		    sizeof *data.marks);
	data.marks[data.nslips - 1] = off && rec->pos < 0 ?
	    MARK_AT + (long long)rd_offset(data.readers[file]) :
	    rd_mark(data.readers[file], rec);
	if (w != NULL) {
		while (data.capownw < data.nslips)
			data.ownw = xgrow(data.ownw, &data.capownw, 1024,
			    sizeof *data.ownw);
		data.ownw[data.nslips - 1] = w;
	}
	return 1;
}

/* The reader of the last record read again by its offset (marked_rec,
 * jumped_rec). */
static struct rd *again;

const struct rec *
marked_rec(uint16_t file, long long mark, int off, long line)
{
	static struct rec r;
	const struct rec *k;
	struct rec *rec;

	if (off) {
		rd_close(again);
		again = rd_open_part(data.readers[file],
		    (unsigned long long)mark, line);
		if (!rd_next(again, &rec))
			zl_die(ZL_IOERR,
			    _("%s: changed while it was read (run again on "
			      "files that do not change)"),
			    rd_file(again));
		return rec;
	}
	k = rd_marked(data.readers[file], mark, line);

	if (k->line == line)
		return k;
	r = *k; /* (kept by a part's reader: its line in the part) */
	r.line = line;
	return &r;
}

/* The run of slip s. */
static const struct run *
run_of(const struct slip *s)
{
	size_t i = (size_t)(s - data.slips), lo = 0, hi = data.nruns;

	while (hi - lo > 1) { /* the last run from at most i */
		size_t mid = lo + (hi - lo) / 2;

		if (data.runs[mid].from <= i)
			lo = mid;
		else
			hi = mid;
	}
	return &data.runs[lo];
}

/* (The records rejected again on the way to a slip's: said before.) */
static void
skip_rejected(void *arg, const struct rec *r, const char *reason,
    const char *msg)
{
	(void)arg;
	(void)r;
	(void)reason;
	(void)msg;
}

/*
 * Readers of the parts' records read again (jumped_rec), each where it
 * stopped: its run, the jump of the slip it last read, that slip's line,
 * when it was last used.  Rejected slips come by worker and month, each
 * month's often near the last one's of the month before: a reader goes
 * on from there (a few jumps ahead at most) rather than open again.
 */
#define AGAIN_N	   16
#define AGAIN_NEAR 8
static struct again {
	struct rd *rd;
	size_t run, jump;
	long line;
	unsigned long long used;
} agains[AGAIN_N];

/* A reader of agains for the slip of jump k and line line of run u:
 * one that can go on to it, else the least recently used, opened at
 * jump k. */
static struct again *
again_for(size_t u, size_t k, long line)
{
	static unsigned long long uses;
	struct again *a = &agains[0];
	size_t i;

	for (i = 0; i < AGAIN_N; i++) {
		struct again *b = &agains[i];

		if (b->rd != NULL && b->run == u && b->jump <= k &&
		    k - b->jump <= AGAIN_NEAR && b->line < line) {
			a = b;
			break;
		}
		if (b->used < a->used)
			a = b;
	}
	if (i == AGAIN_N) {
		const struct jump *j = &data.runs[u].jumps[k];

		rd_close(a->rd);
		a->rd = rd_open_part(data.readers[data.runs[u].file], j->off,
		    j->line);
		a->run = u;
	}
	a->jump = k;
	a->used = ++uses;
	return a;
}

/* The record of slip s of run u (a part's), read again from the jump
 * before it (or on from a reader nearby) to its line. */
static const struct rec *
jumped_rec(const struct run *u, const struct slip *s)
{
	struct again *a = again_for((size_t)(u - data.runs),
	    ((size_t)(s - data.slips) - u->from) / SLIP_JUMP, (long)s->line);
	struct rec *rec = NULL;
	int more;

	rej_capture(skip_rejected, NULL);
	while ((more = rd_next(a->rd, &rec)) && rec->line < (long)s->line)
		;
	rej_capture(NULL, NULL);
	if (!more || rec->line != (long)s->line || s->line == 0)
		zl_die(ZL_IOERR,
		    _("%s: changed while it was read (run again on files "
		      "that do not change)"),
		    rd_file(a->rd));
	a->line = rec->line;
	rec->line = slip_lineno(s);
	return rec;
}

const struct rec *
slip_rec(const struct slip *s)
{
	const struct run *u = run_of(s);
	long long m;

	if (u->jumps != NULL)
		return jumped_rec(u, s);
	m = data.marks[s - data.slips];
	return m < MARK_AT / 2 ?
	    marked_rec(u->file, m - MARK_AT, 1, slip_lineno(s)) :
	    marked_rec(u->file, m, 0, slip_lineno(s));
}

uint16_t
slip_file(const struct slip *s)
{
	return run_of(s)->file;
}

long
slip_lineno(const struct slip *s)
{
	return s->line > 0 ? (long)s->line + run_of(s)->shift : 0;
}

/* A row of the --ytd file: the state after its month (the latest month
 * of a worker is kept). */
static void
take_ytd(const struct rec *rec, const struct cols *c)
{
	struct buf *b = &shown;
	struct str id = in_folded(rec, c->id), m = in_col(rec, c->month);
	struct ytd y = { 0 };
	struct str t = in_col(rec, c->taxable);
	struct key *k;
	uint32_t kid;

	if (id.n == 0) {
		rec_reject(rec, _("field 'worker_id': empty"));
		return;
	}
	if ((y.month = parse_month(m)) < 0) {
		rec_reject(rec, _("field 'month': not a month ('%s')"),
		    u8_shown(b, m));
		return;
	}
	if (money_parse(t.p, t.n, &y.taxable) != 0 ||
	    y.taxable > 100 * WS_MAX_FEN || y.taxable < -100 * WS_MAX_FEN) {
		rec_reject(rec, _("field 'taxable_ytd': not an amount ('%s')"),
		    u8_shown(b, t));
		return;
	}
	if (!in_amount(rec, c->tax, "tax_ytd", 0, &y.tax))
		return;
	k = key_of(id, &kid);
	if (k->ytd >= 0) {
		if (data.ytd[k->ytd].month <= y.month)
			data.ytd[k->ytd] = y;
		return;
	}
	if (data.nytd == data.capytd)
		data.ytd = xgrow(data.ytd, &data.capytd, 256, sizeof *data.ytd);
	k->ytd = (int32_t)data.nytd;
	data.ytd[data.nytd++] = y;
}

static void
read_file(uint16_t file, int ytd)
{
	static const char *const need_ytd[] = { "worker_id", "month",
		"taxable_ytd", "tax_ytd", NULL };
	const char *need[4] = { "worker_id", NULL, NULL, NULL };
	struct rd *r = data.readers[file];
	struct cols c;
	struct rec *rec;
	size_t n = 0;
	unsigned long long start;
	long line;
	int off = !ytd && rd_parts(r, &start, &line) != 0;

	memset(&c, 0xFF, sizeof c); /* -1: none */
	if (rd_nfields(r) > 0) {
		find_cols(r, &c);
		if (ytd)
			fld_need_all(r, need_ytd);
		else if (c.month < 0 && c.post < 0)
			zl_die_at(ZL_IOERR, rd_file(r), rd_header_line(r),
			    _("neither the field 'month' (月份) nor 'post' "
			      "(岗位): not monthly items or a roster"));
		need[1] = c.month >= 0 ? "month" : "post";
		need[2] = c.month >= 0 && c.post >= 0 ? "post" : NULL;
		fld_need_all(r, need);
		if (!ytd && (c.month < 0 || c.post < 0) &&
		    parts_read(file, &c)) {
			rd_say_empty(r);
			return;
		}
		if (!ytd && c.month >= 0 && rd_size(r) > 0)
			slips_room(data.nslips +
			    slips_most(rd_size(r), rd_nfields(r)));
	}
	while (rd_next(r, &rec)) {
		struct worker *w = NULL;

		n++;
		if (ytd)
			take_ytd(rec, &c);
		else if (c.month < 0)
			take_worker(rec, &c);
		else if ((c.post < 0 || (w = worker_of(rec, &c)) != NULL) &&
		    !take_items(rec, &c, w, file, off))
			worker_free(w);
	}
	if (n == 0)
		rd_say_empty(r);
}

static int
by_month(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int32_t m = data.slips[x].month, n = data.slips[y].month;

	return m != n ? (m > n) - (m < n) : (x > y) - (x < y);
}

/* order[from, to): one worker's slips in the order read, sorted by month
 * (by insertion when few: a year is 12). */
static void
months_sort(uint32_t *o, size_t n)
{
	size_t i, j;

	if (n > 32) {
		qsort(o, n, sizeof *o, by_month);
		return;
	}
	for (i = 1; i < n; i++) {
		uint32_t x = o[i];

		for (j = i;
		     j > 0 && data.slips[o[j - 1]].month > data.slips[x].month;
		     j--)
			o[j] = o[j - 1];
		o[j] = x;
	}
}

/*
 * The slips in order: by worker_id (byte order), then month, then the
 * order read.  A counting sort by the rank of the worker_id (stable),
 * then each worker's months (order_months, by pay_run).
 */
/* rank[id]: the place of each worker_id in byte order (data.rank);
 * without a sort when they came in that order, as a roster often has
 * them. */
static uint32_t *
ranks(void)
{
	uint32_t nk = intern_len(data.ids), i, *rank;
	struct str a, b;

	for (i = 1; i < nk; i++) {
		a = intern_get(data.ids, i - 1);
		b = intern_get(data.ids, i);
		if (memcmp(a.p, b.p, a.n < b.n ? a.n : b.n) > 0 ||
		    (a.n > b.n && memcmp(a.p, b.p, b.n) == 0)) {
			data.rank_same = 0;
			return intern_ranks(data.ids);
		}
	}
	data.rank_same = 1;
	rank = xcalloc((size_t)nk + 1, sizeof *rank);
	for (i = 0; i < nk; i++)
		rank[i] = i;
	return rank;
}

/* The keys of the slips of run r data.ids', its amounts from 2^31 the
 * file's (when they are a part's); counted by rank into at (those its
 * part counted by their key, the others one by one). */
static void
run_count(struct run *r, const uint32_t *rank, size_t *at)
{
	size_t i;
	uint32_t k;

	for (k = 0; k < r->ncount; k++)
		at[rank[k] + 1] += r->count[k];
	for (i = r->from; (r->count == NULL || r->fix) && i < r->to; i++) {
		struct slip *s = &data.slips[i];

		if (r->map != NULL && r->fix) {
			if (s->key & RUN_OWN) {
				s->key = r->map[s->key & ~RUN_OWN];
				at[rank[s->key] + 1] += r->count != NULL;
			}
			for (k = 0; r->big > 0 && k < A_N; k++)
				if (s->a[k] >= 0x80000000u)
					s->a[k] += r->big;
		}
		at[rank[s->key] + 1] += r->count == NULL;
	}
	free(r->map);
	free(r->count);
	r->map = r->count = NULL;
	r->ncount = 0;
}

void
order_months(size_t from, size_t to)
{
	size_t i, j;

	for (i = from; i < to; i = j) {
		uint32_t k = data.slips[data.order[i]].key;

		for (j = i + 1; j < to && data.slips[data.order[j]].key == k;
		     j++)
			slip_ahead(j, to);
		months_sort(data.order + i, j - i);
	}
}

/* The worker_ids of data.ids ranked as they are now (nranked of them):
 * asked by the main thread while the parts read the items, taken by
 * slips_sort when no id came since. */
static uint32_t nranked;
/* Room for sort_counted's places by rank, zeroed (its pages touched
 * while the parts read, not after), for nranked keys. */
static uint32_t *at_ready;

void
input_rank(void)
{
	free(data.rank);
	data.rank = ranks();
	nranked = intern_len(data.ids);
	free(at_ready);
	at_ready = xmalloc(((size_t)nranked + 1) * sizeof *at_ready);
	memset(at_ready, 0, ((size_t)nranked + 1) * sizeof *at_ready);
}

/* Were all the slips counted by key by their parts, keys data.ids' (no
 * run to fix), in more than one run? */
static int
all_counted(void)
{
	size_t k;

	for (k = 0; k < data.nruns; k++)
		if (data.runs[k].count == NULL || data.runs[k].fix)
			return 0;
	return data.nruns > 1 && opt.jobs > 1;
}

/* The runs of a thread of scatter: its first, and every jobs-th after. */
struct sc_arg {
	size_t first;
	pthread_t th;
};

/* The slips of the thread's runs put in order, each at its key's next
 * place (the run's count, made where its slips of that key begin). */
static void *
scatter(void *arg)
{
	const struct sc_arg *a = arg;
	size_t k, i;

	for (k = a->first; k < data.nruns; k += (size_t)opt.jobs) {
		const struct run *r = &data.runs[k];
		uint32_t *at = r->count;

		for (i = r->from; i < r->to; i++)
			data.order[at[data.slips[i].key]++] = (uint32_t)i;
	}
	return NULL;
}

/*
 * slips_sort when every run's part counted its slips by key: where each
 * run's slips of each key begin (after those of the key in the runs
 * before: stable) into its count, then the runs' slips put there by
 * threads, a run each (-j's), as they do not meet.
 */
static void
sort_counted(uint32_t nk, const uint32_t *rank)
{
	uint32_t *at = at_ready, j, c, sum = 0;
	size_t k,
	    n = data.nruns < (size_t)opt.jobs ? data.nruns : (size_t)opt.jobs;
	struct sc_arg *a = xcalloc(n, sizeof *a);
	struct run *r;

	for (k = 0; k < data.nruns; k++)
		for (r = &data.runs[k], j = 0; j < r->ncount; j++)
			at[rank[j]] += r->count[j];
	for (j = 0; j < nk; j++) { /* at[rank]: where its slips begin */
		c = at[j];
		at[j] = sum;
		sum += c;
	}
	for (k = 0; k < data.nruns; k++)
		for (r = &data.runs[k], j = 0; j < r->ncount; j++) {
			c = r->count[j];
			r->count[j] = at[rank[j]];
			at[rank[j]] += c;
		}
	free(at);
	for (k = 1; k < n; k++) {
		a[k].first = k;
		if ((errno = pthread_create(&a[k].th, NULL, scatter, &a[k])) !=
		    0)
			zl_die(ZL_IOERR, "pthread_create: %s", strerror(errno));
	}
	scatter(&a[0]);
	for (k = 1; k < n; k++)
		pthread_join(a[k].th, NULL);
	free(a);
	for (k = 0; k < data.nruns; k++) {
		r = &data.runs[k];
		free(r->map);
		free(r->count);
		r->map = r->count = NULL;
		r->ncount = 0;
	}
}

/* The slips in order of worker_id, each worker's in the order read
 * (order_months puts them in month order). */
static void
slips_sort(void)
{
	uint32_t nk = intern_len(data.ids), *rank;
	size_t *at, i, k;

	if (data.rank == NULL || nranked != nk)
		input_rank();
	rank = data.rank;
	data.order = xhuge((data.norder + 1) * sizeof *data.order);
	if (all_counted()) {
		sort_counted(nk, rank);
		at_ready = NULL; /* (freed there) */
		return;
	}
	free(at_ready);
	at_ready = NULL;
	at = xcalloc((size_t)nk + 1, sizeof *at);
	for (k = 0; k < data.nruns; k++)
		run_count(&data.runs[k], rank, at);
	for (i = 0; i < nk; i++)
		at[i + 1] += at[i];
	for (i = nk; i > 0; i--) /* at[r + 1]: the start of rank r */
		at[i] = at[i - 1];
	at[0] = 0;
	for (k = 0; k < data.nruns; k++)
		for (i = data.runs[k].from; i < data.runs[k].to; i++)
			data.order[at[rank[data.slips[i].key] + 1]++] =
			    (uint32_t)i;
	free(at);
}

uint16_t
input_reader(struct rd *r)
{
	if (data.nreaders >= UINT16_MAX)
		zl_die(ZL_USAGE, _("more than %u files"), UINT16_MAX - 1);
	if (data.nreaders == data.capreaders)
		data.readers = xgrow(data.readers, &data.capreaders, 8,
		    sizeof *data.readers);
	data.readers[data.nreaders] = r;
	return (uint16_t)data.nreaders++;
}

void
input_read(int nfiles, char *const *files)
{
	static char *const std[] = { "-" };
	static const char *const need[] = { "worker_id", "month|post", NULL };
	static const char *const need_ytd[] = { "worker_id", "month",
		"taxable_ytd", "tax_ytd", NULL };
	struct rd_opts ro = cli_rd_opts();
	char *ytd[1];
	int i;

	if (nfiles == 0) {
		nfiles = 1;
		files = std;
	}
	if (nfiles >= UINT16_MAX)
		zl_die(ZL_USAGE, _("more than %u files"), UINT16_MAX - 1);
	ro.by_pos = 1;
	data.ids = intern_new();
	data.strs = intern_new();
	data.idx.ids = data.ids;
	data.idx.last = UINT32_MAX;
	ro.need = need; /* the header under title rows */
	pay_init();
	for (i = 0; i < nfiles; i++)
		read_file(input_reader(rd_open(1, files + i, &ro)), 0);
	if (opt.ytd != NULL) {
		ro.need = need_ytd;
		ytd[0] = (char *)opt.ytd;
		read_file(input_reader(rd_open(1, ytd, &ro)), 1);
	}
	slips_sort();
}

void
input_close(void)
{
	size_t i;

	for (i = 0; i < data.nreaders; i++)
		rd_close(data.readers[i]);
	free(data.readers);
	data.readers = NULL;
	rd_close(again);
	again = NULL;
	for (i = 0; i < AGAIN_N; i++) {
		rd_close(agains[i].rd);
		agains[i].rd = NULL;
	}
	for (i = 0; i < data.nruns; i++)
		free(data.runs[i].jumps);
	free(data.runs);
	free(data.idx.next);
	parts_free();
	free(data.rank);
	data.rank = NULL;
	free(data.big);
	data.big = NULL;
	free(data.ownw);
	data.ownw = NULL;
	free(data.marks);
	data.marks = NULL;
	free(data.months);
	data.months = NULL;
	worker_free_all();
}
