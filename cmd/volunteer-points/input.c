/*
 * volunteer-points: reading the service records and redemptions.  Each
 * input is read on its own (their fields differ); a file's header says
 * what it holds: hours, service records; points, redemptions; both, each
 * row one or the other.  Values are checked and kept in data (vp.h); a
 * record that cannot be used is rejected here, but for a redemption's
 * balance and volunteer, which ledger.c checks (red_reject).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "cmd/volunteer-points/vp.h"
#include "lib/date.h"
#include "lib/fld.h"
#include "lib/hours.h"
#include "lib/money.h"
#include "lib/utf8.h"

_Thread_local struct data data;

/* Buffers of values shown in messages and of the id folded (each thread's:
 * -j, jobs.c). */
static _Thread_local struct {
	struct buf shown, list, id;
} tb;

static uint32_t *kind_ids; /* the kinds' names in data.strs */
static size_t *kinds_n;	   /* the lengths of the kinds' names */
static size_t *words_n;	   /* of the verified words */
static char *words_az;	   /* a verified word has ASCII letters (else
			      str_eqi is memcmp) */

static void
find_cols(struct rd *r, struct cols *c)
{
	c->id = fld_col(r, "volunteer_id");
	c->name = fld_col(r, "volunteer_name");
	if (c->name < 0)
		c->name = fld_col(r, "name");
	c->team = fld_col(r, "team");
	c->project = fld_col(r, "project");
	c->date = fld_col(r, "date");
	c->hours = fld_col(r, "hours");
	c->kind = fld_col(r, "kind");
	c->verified = fld_col(r, "verified");
	c->points = fld_col(r, "points");
	c->item = fld_col(r, "item");
}

/* The fields a file of this header needs (exit 3 naming those missing). */
static void
need_cols(struct rd *r, const struct cols *c)
{
	const char *need[6];
	size_t n = 0;

	if (c->hours < 0 && c->points < 0)
		zl_die_at(ZL_IOERR, rd_file(r), rd_header_line(r),
		    _("neither the field 'hours' (服务时长) nor 'points' "
		      "(兑换积分): not service records or redemptions"));
	need[n++] = "volunteer_id";
	need[n++] = "date";
	need[n] = NULL;
	fld_need_all(r, need);
	if (c->hours >= 0 && c->kind < 0 && rules.dflt_mult < 0)
		zl_die_at(ZL_IOERR, rd_file(r), rd_header_line(r),
		    _("no field 'kind' (服务类型, 类型, 服务类别): service "
		      "records need their kind, or a multiplier for all: set "
		      "volunteer-points.default-multiplier in the "
		      "configuration"));
}

static inline struct str
col(const struct rec *rec, long c)
{
	struct str none = { "", 0 };

	return c < 0 ? none : str_trim(rec->f[c]);
}

/* a and b, of n bytes, are the same: by two loads of 8 bytes each when
 * n is 8 to 16 (memcmp's call cost more than a kind's comparison). */
static inline int
same(const char *a, const char *b, size_t n)
{
	uint64_t x[2], y[2];

	if (n < 8 || n > 16)
		return memcmp(a, b, n) == 0;
	memcpy(&x[0], a, 8);
	memcpy(&x[1], a + n - 8, 8);
	memcpy(&y[0], b, 8);
	memcpy(&y[1], b + n - 8, 8);
	return ((x[0] ^ y[0]) | (x[1] ^ y[1])) == 0;
}

static int
is_verified(struct str v)
{
	size_t i;

	for (i = 0; rules.verified[i] != NULL; i++)
		if (words_n[i] == v.n &&
		    (same(v.p, rules.verified[i], v.n) ||
			(words_az[i] && str_eqi(v, rules.verified[i]))))
			return 1;
	return 0;
}

/* The kind's index (rules.nkinds: the default multiplier), or -1. */
static int
kind_of(struct str k)
{
	size_t i;

	for (i = 0; i < rules.nkinds; i++)
		if (kinds_n[i] == k.n && same(rules.kinds[i].name, k.p, k.n))
			return (int)i;
	return rules.dflt_mult >= 0 ? (int)rules.nkinds : -1;
}

static void
unknown_kind(const struct rec *rec, struct str k)
{
	const char **names = xcalloc(rules.nkinds + 1, sizeof *names);
	const char *near;
	size_t i;

	buf_reset(&tb.list);
	for (i = 0; i < rules.nkinds; i++) {
		names[i] = rules.kinds[i].name;
		buf_printf(&tb.list, "%s%s", i ? ", " : "", names[i]);
	}
	u8_shown(&tb.shown, k);
	near = k.n > 0 ? u8_nearest(tb.shown.p, names) : NULL;
	if (k.n == 0)
		rec_reject(rec,
		    _("field 'kind': empty (the kinds: %s; or set "
		      "volunteer-points.default-multiplier)"),
		    tb.list.p != NULL ? tb.list.p : "");
	else if (near != NULL)
		rec_reject(rec,
		    _("field 'kind': unknown kind '%s' (did you mean '%s'?)"),
		    tb.shown.p, near);
	else
		rec_reject(rec,
		    _("field 'kind': unknown kind '%s' (the kinds: %s; add "
		      "it to volunteer-points.kinds with its multiplier)"),
		    tb.shown.p, tb.list.p != NULL ? tb.list.p : "");
	free(names);
}

void *
vp_alloc(size_t n)
{
	return n >= (1u << 20) ? xhuge(n) : xmalloc(n);
}

/*
 * p, of old bytes from vp_alloc, made new bytes: a block of huge pages
 * (1 MiB or more) by realloc, which moves its pages (mremap) where a
 * copy would fault in and the kernel zero as many fresh ones.
 */
static void *
vp_resize(void *p, size_t old, size_t new)
{
	void *q;

	if (p == NULL || old < (1u << 20)) {
		q = vp_alloc(new);
		if (old > 0)
			memcpy(q, p, old);
		free(p);
		return q;
	}
	q = xrealloc(p, new);
#ifdef MADV_HUGEPAGE
	madvise((void *)((uintptr_t)q & ~(uintptr_t)4095),
	    new + ((uintptr_t)q & 4095), MADV_HUGEPAGE);
#endif
	return q;
}

/*
 * p (*cap items of size bytes) grown to twice as many, in huge pages (a
 * million records: a fault every 2 MiB, not every 4 KiB).
 */
void *
vp_grow(void *p, size_t *cap, size_t size)
{
	size_t n = *cap == 0 ? (1u << 21) / size : *cap * 2;
	void *q = vp_resize(p, *cap * size, n * size);

	*cap = n;
	return q;
}

/* *p, of *cap items of size bytes, n of them used, with room for more. */
static void *
room(void *p, size_t *cap, size_t n, size_t more, size_t size)
{
	void *q;

	if (*cap - n >= more)
		return p;
	q = vp_resize(p, n * size, (n + more) * size);
	*cap = n + more;
	return q;
}

void
svc_room(size_t more)
{
	size_t cap = data.capsvc;

	if (cap - data.nsvc >= more)
		return;
	data.svc = room(data.svc, &data.capsvc, data.nsvc, more,
	    sizeof *data.svc);
	if (opt.report == R_TEAMS)
		data.svc_team = room(data.svc_team, &cap, data.nsvc, more,
		    sizeof *data.svc_team);
}

/*
 * Room for the records of a file of size bytes, at once (a service record
 * of 32 bytes or more, a redemption of 16): no copy as the tables grow.
 * What is not used is never touched.  From 1 MiB, the volunteers' index
 * made for 24,575 of them (512 KiB; for 65,535, a huge page of 2 MiB was
 * zeroed for each thread, mostly never used: grown when there are more).
 */
static void
reserve(unsigned long long size, const struct cols *c)
{
	if (c->hours >= 0)
		svc_room((size_t)(size / 32));
	if (c->points >= 0)
		data.red = room(data.red, &data.capred, data.nred,
		    (size_t)(size / 16), sizeof *data.red);
	if (size >= (1u << 20)) /* (tens of thousands of records) */
		vol_reserve(24575);
}

/* s is ASCII (then str_fold has nothing to fold). */
static inline int
ascii(struct str s)
{
	size_t i;
	unsigned char any = 0;
	uint32_t lo, hi;

	if (s.n >= 4 && s.n <= 8) { /* most ids: two loads, not a loop */
		memcpy(&lo, s.p, 4);
		memcpy(&hi, s.p + s.n - 4, 4);
		return ((lo | hi) & 0x80808080u) == 0;
	}
	i = str_ascii_skip(s.p, 0, s.n);

	for (; i < s.n; i++)
		any |= (unsigned char)s.p[i];
	return any < 0x80;
}

/* The day and time of day of date_parse's time t. */
static inline void
day_tod(long long t, long *day, long *tod)
{
	*day = (long)date_floordiv(t, DAY_SECS);
	*tod = (long)(t - (long long)*day * DAY_SECS);
}

/* date_parse's day and time of day of d. */
__attribute__((noinline)) static int
date_new(struct str d, long *day, long *tod)
{
	long long t;

	if (date_parse(d.p, d.n, &t, NULL) != 0)
		return -1;
	day_tod(t, day, tod);
	return 0;
}

/*
 * The months of dates of 10 bytes (YYYY-MM-DD, read a million times) by
 * their first 8 ("YYYY-MM-"): the day of their first and their length,
 * for the first 192 months met; 16 bytes a month, 4 KiB (a table of the
 * days, 32 KiB, was a miss of the first level's cache on most records).
 * A slot's a is 0 while free.
 */
#define MONTHS 256
static _Thread_local struct {
	uint64_t a;
	int32_t first;
	uint32_t len;
} months[MONTHS];

/* The month of "YYYY-MM-" (a) put in slot i; 0 when a is not one or the
 * table is full. */
__attribute__((noinline)) static int
month_new(uint64_t a, size_t i)
{
	static _Thread_local size_t used;
	unsigned char c[8];
	int y, m, k;

	memcpy(c, &a, 8);
	for (k = 0; k < 8; k++)
		if (k == 4 || k == 7 ? c[k] != '-' : c[k] - (unsigned)'0' > 9)
			return 0;
	y = (c[0] - '0') * 1000 + (c[1] - '0') * 100 + (c[2] - '0') * 10 +
	    (c[3] - '0');
	m = (c[5] - '0') * 10 + (c[6] - '0');
	if (!date_valid(y, m, 1) || used >= MONTHS * 3 / 4)
		return 0;
	used++;
	months[i].a = a;
	months[i].first = (int32_t)date_days(y, m, 1);
	months[i].len = (uint32_t)date_month_len(y, m);
	return 1;
}

/* As date_parse: YYYY-MM-DD through the table of months, else by it. */
static inline __attribute__((always_inline)) int
date_of(struct str d, long *day, long *tod)
{
	uint64_t a;
	unsigned char dd[2];
	unsigned d0, d1;
	size_t i;

	if (d.n != 10)
		return date_new(d, day, tod);
	memcpy(&a, d.p, 8);
	memcpy(dd, d.p + 8, 2);
	i = (size_t)((a * 0x9E3779B97F4A7C15ULL) >> 56);
	while (months[i].a != a) {
		if (months[i].a == 0) {
			if (!month_new(a, i))
				return date_new(d, day, tod);
			break;
		}
		i = (i + 1) & (MONTHS - 1);
	}
	d0 = dd[0] - (unsigned)'0';
	d1 = dd[1] - (unsigned)'0';
	if (d0 > 9 || d1 > 9 || d0 * 10 + d1 - 1 >= months[i].len)
		return date_new(d, day, tod); /* (rejected there) */
	*day = months[i].first + (long)(d0 * 10 + d1) - 1;
	*tod = 0; /* (a date alone) */
	return 0;
}

/* The common fields: volunteer id (guessed, else its slot asked for), day
 * and time of day; 0 when rejected.  An id longer than SKEY_MAX is copied
 * to p->copy[0]. */
static inline __attribute__((always_inline)) int
id_time(const struct rec *rec, const struct cols *c, struct pend *p, long *day,
    long *tod)
{
	struct str d = col(rec, c->date), id = col(rec, c->id);
	char as_of[24];

	if (!ascii(id)) /* full-width letters and digits, folded */
		id = str_trim(str_fold(id, &tb.id, NULL));
	if (id.n == 0) {
		rec_reject(rec, _("field 'volunteer_id': empty"));
		return 0;
	}
	skey_words(&p->id, id, &p->copy[0]);
	p->found = vol_guess(&p->id, &p->vol);
	if (!p->found) {
		skey_hash(&p->id);
		vol_ahead(&p->id);
	}
	if (d.n == 0) {
		rec_reject(rec, _("field 'date': empty"));
		return 0;
	}
	if (date_of(d, day, tod) != 0) {
		rec_reject(rec, _("field 'date': not a date ('%s')"),
		    u8_shown(&tb.shown, d));
		return 0;
	}
	if (*day > opt.as_of) {
		date_format(opt.as_of * DAY_SECS, 0, as_of);
		rec_reject(rec, _("field 'date': after --as-of %s ('%s')"),
		    as_of, u8_shown(&tb.shown, d));
		return 0;
	}
	return 1;
}

/*
 * Hours written as most are, 1 to 2 digits and at most 2 decimals ("8",
 * "1.5", "12.25"): their hundredths, or -1 for hours_parse to read (and
 * reject).  hours_parse's folding and trimming took a tenth of the reading.
 */
static inline long long
plain_hours(struct str s)
{
	const unsigned char *p = (const unsigned char *)s.p;
	unsigned d[5];
	size_t i, dot = s.n;
	long long h;

	if (s.n == 1 || (s.n == 3 && p[1] == '.')) { /* "8", "1.5" */
		d[0] = p[0] - (unsigned)'0';
		d[1] = s.n == 3 ? p[2] - (unsigned)'0' : 0;
		h = d[0] * 100 + d[1] * 10;
		return d[0] <= 9 && d[1] <= 9 && h > 0 ? h : -1;
	}
	if (s.n == 0 || s.n > 5)
		return -1;
	for (i = 0; i < s.n; i++) {
		d[i] = p[i] - (unsigned)'0';
		if (p[i] == '.' && dot == s.n && i > 0)
			dot = i;
		else if (d[i] > 9)
			return -1;
	}
	if (dot > 2 || s.n - dot == 1 || s.n - dot > 3)
		return -1;
	h = dot == 2 ? d[0] * 1000 + d[1] * 100 : d[0] * 100;
	if (s.n - dot >= 2)
		h += d[dot + 1] * 10;
	if (s.n - dot == 3)
		h += d[dot + 2];
	return h > 0 && h <= HOURS_MAX ? h : -1;
}

/* The hours of a service record, rejected when not of one; 0 when so. */
static int
svc_hours(const struct rec *rec, struct str hs, long long *h)
{
	if ((*h = plain_hours(hs)) > 0)
		return 1;
	if (hs.n == 0) {
		rec_reject(rec, _("field 'hours': empty"));
		return 0;
	}
	switch (hours_parse(hs, h)) {
	case -1:
		rec_reject(rec,
		    _("field 'hours': not a number of hours ('%s')"),
		    u8_shown(&tb.shown, hs));
		return 0;
	case -2:
		rec_reject(rec,
		    _("field 'hours': more than 0 and at most 24 in one "
		      "record ('%s')"),
		    u8_shown(&tb.shown, hs));
		return 0;
	}
	return 1;
}

/* A service record: checked, its lookups left to ahead.c. */
static void
take_service(const struct rec *rec, const struct cols *c)
{
	struct pend *p = pend_slot();
	struct str k = col(rec, c->kind);
	long long h;
	long day, tod;
	int kind;

	/* the project's slot asked for first: the record is mostly taken at
	 * once (its volunteer guessed), the slot needed by then */
	skey_make(&p->project, col(rec, c->project), &p->copy[2]);
	strs_ahead(&p->project);
	if (!id_time(rec, c, p, &day, &tod) ||
	    !svc_hours(rec, col(rec, c->hours), &h))
		return;
	if ((kind = kind_of(k)) < 0) {
		unknown_kind(rec, k);
		return;
	}
	p->red = 0;
	p->ktext_known = kind < (int)rules.nkinds;
	if (p->ktext_known)
		p->s.ktext = kind_ids[kind];
	else
		skey_make(&p->kind, k, &p->copy[1]);
	skey_words(&p->team, col(rec, c->team), &p->copy[3]);
	skey_words(&p->name, col(rec, c->name), &p->copy[4]);
	/* (its fields at once: the bit-fields' word made in a register) */
	p->s = (struct svc) { .day = (int32_t)day,
		.tod = (unsigned)tod & 0x1FFFF,
		.hours = (unsigned)h & 0xFFF,
		.flags = c->verified < 0 || is_verified(col(rec, c->verified)) ?
		    S_VERIFIED :
		    0u,
		.ktext = p->s.ktext };
	p->line = rec->line;
	pend_push();
	data.used++;
}

/* The memory of the redemptions' records kept. */
static _Thread_local struct {
	char **chunk;
	size_t n, cap;
	size_t used, size; /* of the last */
} kept;

/*
 * A redemption's record as kept, for a rejection after the reading: the
 * line as read when the fields are that line split at sep (checked as it
 * is kept: most records of TSV and CSV; 64 bytes, not 200), else a copy
 * of the record (rec_keep_at) after this header.
 */
struct red_rec {
	const struct rd_head *head;
	const char *file;
	long line;
	uint32_t rawn;
	uint16_t nf;
	char sep; /* 0: a copy of the record follows */
	char plain;
	/* then the line (rawn bytes), or the copy */
};

/* n bytes in blocks of huge pages (malloc, a copy each of 100,000
 * redemptions faulted in 4 KiB at a time, took a tenth of the run). */
static char *
kept_alloc(size_t n)
{
	char *at;

	n = (n + 7) & ~(size_t)7;
	if (kept.used + n > kept.size) {
		if (kept.n == kept.cap)
			kept.chunk = xgrow(kept.chunk, &kept.cap, 16,
			    sizeof *kept.chunk);
		kept.size = n > (4u << 20) ? n : (4u << 20);
		kept.chunk[kept.n++] = vp_alloc(kept.size);
		kept.used = 0;
	}
	at = kept.chunk[kept.n - 1] + kept.used;
	kept.used += n;
	return at;
}

/* The fields of rec are its line split at sep. */
static int
split_at(const struct rec *rec, char sep)
{
	const char *p = rec->raw.p, *end = p + rec->raw.n;
	size_t i;

	if (rec->f == NULL || rec->nf == 0 || rec->nf > 0xFFFF)
		return 0;
	for (i = 0; i < rec->nf; i++) {
		struct str f = rec->f[i];

		if ((size_t)(end - p) < f.n || memcmp(p, f.p, f.n) != 0)
			return 0;
		p += f.n;
		if (i + 1 < rec->nf) {
			if (p == end || *p != sep)
				return 0;
			p++;
		}
	}
	return p == end;
}

static const struct red_rec *
keep_rec(const struct rec *rec)
{
	char sep = rec->raw.n > 0xFFFFFFFFu ? 0 :
	    split_at(rec, '\t')		    ? '\t' :
	    split_at(rec, ',')		    ? ',' :
					      0;
	struct red_rec *k = (struct red_rec *)kept_alloc(
	    sizeof *k + (sep != 0 ? rec->raw.n : rec_keep_size(rec)));

	k->head = rec->head;
	k->file = rec->file;
	k->line = rec->line;
	k->rawn = (uint32_t)rec->raw.n;
	k->nf = (uint16_t)rec->nf;
	k->sep = sep;
	k->plain = (char)rec->plain;
	if (sep != 0)
		memcpy(k + 1, rec->raw.p, rec->raw.n);
	else
		rec_keep_at(rec, k + 1);
	return k;
}

/* The record of k again: r, its fields in f (k->nf of them). */
static const struct rec *
red_rec(const struct red_rec *k, struct rec *r, struct str *f)
{
	const char *p = (const char *)(k + 1), *end = p + k->rawn;
	size_t i;

	if (k->sep == 0)
		return (const struct rec *)(k + 1);
	memset(r, 0, sizeof *r);
	r->nf = k->nf;
	r->f = f;
	r->file = k->file;
	r->line = k->line;
	r->raw.p = p;
	r->raw.n = k->rawn;
	r->plain = k->plain;
	r->pos = -1;
	r->head = k->head;
	for (i = 0; i < k->nf; i++) {
		const char *e = i + 1 < k->nf ?
		    memchr(p, k->sep, (size_t)(end - p)) :
		    end;

		f[i].p = p;
		f[i].n = (size_t)(e - p);
		p = e + 1;
	}
	return r;
}

/* The reader of the file being read, and its index. */
static _Thread_local struct {
	struct rd *r;
	uint16_t file;
} cur;

/* Points written as most are, 1 to 12 ASCII digits: 0 and their
 * hundredths, else money_parse's answer (its folding and checks took a
 * fifth of a redemption's reading). */
static inline int
points_of(struct str s, long long *v)
{
	size_t i;
	long long x = 0;

	if (s.n == 0 || s.n > 12)
		return money_parse(s.p, s.n, v);
	for (i = 0; i < s.n; i++) {
		unsigned d = (unsigned char)s.p[i] - (unsigned)'0';

		if (d > 9)
			return money_parse(s.p, s.n, v);
		x = x * 10 + d;
	}
	*v = x * 100;
	return 0;
}

static void
take_redemption(const struct rec *rec, const struct cols *c)
{
	struct pend *p = pend_slot();
	struct str pt = col(rec, c->points);
	struct red *d = &p->d;
	long long pts;
	long day, tod;

	if (!id_time(rec, c, p, &day, &tod))
		return;
	if (points_of(pt, &pts) != 0 || pts <= 0) {
		rec_reject(rec,
		    _("field 'points': not a number of points more than 0 "
		      "with at most two decimals ('%s')"),
		    u8_shown(&tb.shown, pt));
		return;
	}
	p->red = 1;
	d->day = (int32_t)day;
	d->tod = (int32_t)tod;
	d->points = pts;
	skey_make(&p->kind, col(rec, c->item), &p->copy[1]);
	strs_ahead(&p->kind);
	d->again = rd_by_pos(cur.r) && rec->pos >= 0 &&
	    rec->line <= 0xFFFFFFFFL;
	if (d->again) { /* its place in the file: nothing copied */
		d->at.mark = rd_mark(cur.r, rec);
		d->line = (uint32_t)rec->line;
		d->file = cur.file;
	} else
		d->at.rec = keep_rec(rec);
	pend_push();
	data.used++;
}

/* One record of a file whose header has both hours and points. */
static void
take_either(const struct rec *rec, const struct cols *c)
{
	int h = c->hours >= 0 && col(rec, c->hours).n > 0;
	int p = c->points >= 0 && col(rec, c->points).n > 0;

	if (h && p)
		rec_reject(rec,
		    _("both hours and points: a record is a service or a "
		      "redemption, not both"));
	else if (h || c->points < 0)
		take_service(rec, c);
	else if (p || c->hours < 0)
		take_redemption(rec, c);
	else
		rec_reject(rec,
		    _("neither hours nor points: a record is a service or "
		      "a redemption"));
}

static inline void
take(const struct rec *rec, const struct cols *c)
{
	if (c->hours >= 0 && c->points >= 0)
		take_either(rec, c);
	else if (c->hours >= 0)
		take_service(rec, c);
	else
		take_redemption(rec, c);
}

void
input_take(const struct rec *rec, const struct cols *c)
{
	take(rec, c);
}

static void
read_file(struct rd *r, uint16_t file)
{
	struct cols c;
	struct rec *rec;
	size_t n = 0;

	memset(&c, 0xFF, sizeof c); /* -1: none */
	cur.r = r;
	cur.file = file;
	if (rd_nfields(r) > 0) {
		find_cols(r, &c);
		need_cols(r, &c);
		if (c.hours >= 0)
			jobs_wait(1);
		else
			jobs_group();
		reserve(rd_size(r), &c);
	}
	/* a file of service records or redemptions alone: in parts by
	 * threads, when it can be (jobs.c) */
	if ((c.hours < 0) != (c.points < 0) &&
	    (n = jobs_read(r, &c, file)) != JOBS_NONE)
		goto done;
	for (n = 0; rd_next(r, &rec); take(rec, &c))
		if (n++ == 0)
			data.files[file] = rec->file;
	pend_flush();
done:
	if (n == 0)
		rd_say_empty(r);
}

void
input_pools(unsigned long long size, const struct cols *c, struct rd *r,
    uint16_t file)
{
	size_t i;

	data.ids = intern_new();
	data.strs = intern_new();
	data.names = intern_new();
	for (i = 0; i < rules.nkinds; i++) /* numbered first, as kind_ids */
		intern_put(data.strs, str_c(rules.kinds[i].name));
	if (c != NULL)
		reserve(size, c);
	cur.r = r;
	cur.file = file;
}

void
input_kept_hand(struct keep_part *k)
{
	k->chunk = kept.chunk;
	k->n = kept.n;
	memset(&kept, 0, sizeof kept);
}

void
input_kept_take(struct keep_part *k)
{
	size_t i;

	for (i = 0; i < k->n; i++) {
		if (kept.n == kept.cap)
			kept.chunk = xgrow(kept.chunk, &kept.cap, 16,
			    sizeof *kept.chunk);
		if (kept.n == 0) { /* (its room not used on) */
			kept.chunk[kept.n++] = k->chunk[i];
			kept.used = kept.size = 0;
			continue;
		}
		/* before this thread's last, whose room is used on */
		kept.chunk[kept.n] = kept.chunk[kept.n - 1];
		kept.chunk[kept.n - 1] = k->chunk[i];
		kept.n++;
	}
	free(k->chunk);
	memset(k, 0, sizeof *k);
}

void
input_kept_free(struct keep_part *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		free(k->chunk[i]);
	free(k->chunk);
	memset(k, 0, sizeof *k);
}

void
red_shift(struct red *d, long shift)
{
	if (!d->again)
		((struct red_rec *)d->at.rec)->line += shift;
	else if (d->line != 0xFFFFFFFFu)
		d->line = (long long)d->line + shift > 0xFFFFFFFFLL ?
		    0xFFFFFFFFu :
		    (uint32_t)((long long)d->line + shift);
}

void
input_thread_free(void)
{
	buf_free(&tb.shown);
	buf_free(&tb.list);
	buf_free(&tb.id);
	pend_free();
	strs_free();
}

static struct rd **readers;

void
input_read(int nfiles, char *const *files)
{
	static char *const std[] = { "-" };
	static const char *const need[] = { "volunteer_id", "date",
		"hours|points", NULL };
	struct rd_opts ro = cli_rd_opts();
	int i;

	if (nfiles == 0) {
		nfiles = 1;
		files = std;
	}
	if (nfiles > 0xFFFF)
		zl_die(ZL_USAGE, _("more than 65535 input files"));
	input_pools(0, NULL, NULL, 0);
	kind_ids = xcalloc(rules.nkinds + 1, sizeof *kind_ids);
	kinds_n = xcalloc(rules.nkinds + 1, sizeof *kinds_n);
	for (i = 0; i < (int)rules.nkinds; i++) {
		kind_ids[i] = intern_put(data.strs, str_c(rules.kinds[i].name));
		kinds_n[i] = strlen(rules.kinds[i].name);
	}
	data.nmult = intern_len(data.strs); /* the kinds' names, each once */
	data.mult_by_text = xcalloc(data.nmult + 1, sizeof *data.mult_by_text);
	for (i = (int)rules.nkinds - 1; i >= 0; i--) /* the first of a name */
		data.mult_by_text[kind_ids[i]] = rules.kinds[i].mult;
	for (i = 0; rules.verified[i] != NULL; i++)
		;
	words_n = xcalloc((size_t)i + 1, sizeof *words_n);
	words_az = xcalloc((size_t)i + 1, 1);
	for (i = 0; rules.verified[i] != NULL; i++) {
		const char *w = rules.verified[i];

		words_n[i] = strlen(w);
		while (
		    *w != '\0' && !((*w | 0x20) >= 'a' && (*w | 0x20) <= 'z'))
			w++;
		words_az[i] = *w != '\0';
	}
	data.files = xcalloc((size_t)nfiles, sizeof *data.files);
	data.svc_from = xcalloc((size_t)nfiles, sizeof *data.svc_from);
	data.nfiles = (size_t)nfiles;
	readers = xcalloc((size_t)nfiles, sizeof *readers);
	ro.need = need; /* the header under title rows */
	ro.by_pos = 1;	/* a redemption rejected later: read again */
	for (i = 0; i < nfiles; i++) {
		readers[i] = rd_open(1, files + i, &ro);
		data.files[i] = rd_file(readers[i]);
		data.svc_from[i] = data.nsvc;
		read_file(readers[i], (uint16_t)i);
	}
	jobs_wait(0);
	vol_settle();
}

void
svc_jump(long line)
{
	if (data.njump == data.capjump)
		data.jumps = xgrow(data.jumps, &data.capjump, 16,
		    sizeof *data.jumps);
	data.jumps[data.njump].at = data.nsvc;
	data.jumps[data.njump++].line = line;
}

uint32_t
svc_line(const struct svc *s)
{
	size_t i = (size_t)(s - data.svc), lo = 0, n = data.njump, half;
	long line;

	/* the last jump at or before i, in jumps[lo..lo+n) (the first at 0) */
	while (n > 1) {
		half = n / 2;
		if (data.jumps[lo + half].at <= i) {
			lo += half;
			n -= half;
		} else
			n = half;
	}
	line = data.jumps[lo].line + (long)(i - data.jumps[lo].at);
	return line < 0 || line > 0xFFFFFFFFL ? 0xFFFFFFFFu : (uint32_t)line;
}

uint16_t
svc_file(const struct svc *s)
{
	size_t i = (size_t)(s - data.svc), f = data.nfiles - 1;

	while (f > 0 && data.svc_from[f] > i)
		f--;
	return (uint16_t)f;
}

void
red_reject(const struct red *d, const char *reason, const char *fmt, ...)
{
	struct buf msg = { 0 };
	struct str *f = NULL;
	struct rec r;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (d->again)
		rec_reject_as(rd_marked(readers[d->file], d->at.mark, d->line),
		    reason, "%s", msg.p);
	else {
		f = xcalloc(d->at.rec->nf + 1, sizeof *f);
		rec_reject_as(red_rec(d->at.rec, &r, f), reason, "%s", msg.p);
	}
	buf_free(&msg);
	free(f);
}

void
input_close(void)
{
	size_t i;

	for (i = 0; i < data.nfiles; i++)
		rd_close(readers[i]);
	free(readers);
	readers = NULL;
}

void
input_reset(void)
{
	size_t i;

	if (readers != NULL)
		input_close();
	for (i = 0; i < kept.n; i++)
		free(kept.chunk[i]);
	free(kept.chunk);
	memset(&kept, 0, sizeof kept);
	free(data.svc);
	free(data.svc_team);
	free(data.red);
	free(data.vol);
	free(data.order);
	free(data.files);
	free(data.svc_from);
	free(data.jumps);
	free(data.mult_by_text);
	intern_free(data.ids);
	vol_free();
	strs_free();
	pend_free();
	intern_free(data.strs);
	intern_free(data.names);
	free(kind_ids);
	free(kinds_n);
	free(words_n);
	free(words_az);
	input_thread_free();
	kind_ids = NULL;
	kinds_n = words_n = NULL;
	words_az = NULL;
	memset(&data, 0, sizeof data);
}
