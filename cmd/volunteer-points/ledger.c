/*
 * volunteer-points: each volunteer's ledger, the steps of
 * volunteer-points(1) in their order: duplicates merged, unverified
 * records counted apart, the unit, the daily cap, points, expiry of each
 * month's points, redemptions spending the oldest first.  Volunteers in
 * the order of their id; a volunteer's events in time order, handed to
 * the report as they happen.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/volunteer-points/vp.h"
#include "lib/date.h"

#define MERGED_SHOWN 10

/* The points of a month not yet spent or expired. */
struct bucket {
	long month; /* year * 12 + month - 1 */
	long gone;  /* the first day on which they are gone (expiry_day) */
	long long left;
};

/* What the threads of the ledger share, made before it. */
static struct {
	uint32_t *rank;		   /* of data.strs ids, in byte order */
	uint32_t *svc_at, *red_at; /* first index of each volunteer's */
	uint32_t *svc_idx, *red_idx;
	uint16_t floor[1 << 12]; /* hours (svc.hours) down to the unit: a
				    division a record, each a few ns */
} G;

/* Each thread's. */
static _Thread_local struct {
	struct bucket *b;
	size_t nb, capb, first; /* buckets first..nb-1 still hold points */
	struct merge *m;	/* the records merged */
	size_t nm, capm;
	uint64_t *key, *tmp; /* by_day's, capkey of each */
	size_t capkey;
	int defer; /* a thread of the ledger's: its rejections in rf */
	struct refusal *rf;
	size_t nrf, caprf;
} L;

/* Indices of items (of n) grouped by volunteer: *at[v]..*at[v+1]; the
 * services counted by volunteer as they were read (vol.nsvc: a pass over
 * the million records less). */
static void
group(const void *items, size_t n, size_t size, size_t off, int svc,
    uint32_t **at, uint32_t **idx)
{
	uint32_t *a = xcalloc(data.nvol + 2, sizeof *a);
	uint32_t *x = vp_alloc((n + 1) * sizeof *x);
	size_t i;
	uint32_t v;

	for (i = 0; svc && i < data.nvol; i++)
		a[i + 2] = data.vol[i].nsvc;
	for (i = 0; !svc && i < n; i++) {
		memcpy(&v, (const char *)items + i * size + off, sizeof v);
		a[v + 2]++;
	}
	for (i = 2; i < data.nvol + 2; i++)
		a[i] += a[i - 1];
	for (i = 0; i < n; i++) {
		memcpy(&v, (const char *)items + i * size + off, sizeof v);
		x[a[v + 1]++] = (uint32_t)i;
	}
	*at = a;
	*idx = x;
}

/*
 * Sort x[0..n): by insertion while that is cheap (records mostly come in
 * date order: then it is one pass), by qsort when the moves pass a few
 * times n (so it is never quadratic).
 */
static void
sort_idx(uint32_t *x, size_t n, int (*cmp)(const void *, const void *))
{
	size_t i, j, moves = 0, budget = 8 * n + 64;

	for (i = 1; i < n; i++) {
		uint32_t t = x[i];

		for (j = i; j > 0 && cmp(&x[j - 1], &t) > 0; j--)
			x[j] = x[j - 1];
		x[j] = t;
		moves += i - j;
		if (moves > budget) {
			qsort(x, n, sizeof *x, cmp);
			return;
		}
	}
}

#define CMP(a, b)                                  \
	do {                                       \
		if ((a) != (b))                    \
			return (a) < (b) ? -1 : 1; \
	} while (0)

/* Duplicates side by side: day, project, hours; the verified first, then
 * the first read. */
static int
by_same(const void *pa, const void *pb)
{
	uint32_t ia = *(const uint32_t *)pa, ib = *(const uint32_t *)pb;
	const struct svc *a = &data.svc[ia], *b = &data.svc[ib];

	CMP(a->day, b->day);
	CMP(a->project, b->project);
	CMP(a->hours, b->hours);
	CMP(b->flags & S_VERIFIED, a->flags & S_VERIFIED);
	CMP(ia, ib);
	return 0;
}

/* The order of a day's services: time, project, kind, hours, read. */
static int
by_time(const void *pa, const void *pb)
{
	uint32_t ia = *(const uint32_t *)pa, ib = *(const uint32_t *)pb;
	const struct svc *a = &data.svc[ia], *b = &data.svc[ib];

	CMP(a->day, b->day);
	CMP(a->tod, b->tod);
	CMP(G.rank[a->project], G.rank[b->project]);
	CMP(G.rank[a->ktext], G.rank[b->ktext]);
	CMP(a->hours, b->hours);
	CMP(ia, ib);
	return 0;
}

/* The order of redemptions: time, points, item, read. */
static int
by_red(const void *pa, const void *pb)
{
	uint32_t ia = *(const uint32_t *)pa, ib = *(const uint32_t *)pb;
	const struct red *a = &data.red[ia], *b = &data.red[ib];

	CMP(a->day, b->day);
	CMP(a->tod, b->tod);
	CMP(a->points, b->points);
	CMP(G.rank[a->item], G.rank[b->item]);
	CMP(ia, ib);
	return 0;
}

static void
note_merged(const struct svc *dup, const struct svc *kept)
{
	struct merge *m;

	if (L.nm == L.capm)
		L.m = xgrow(L.m, &L.capm, 64, sizeof *L.m);
	m = &L.m[L.nm++];
	m->dup_file = svc_file(dup);
	m->dup_line = svc_line(dup);
	m->kept_file = svc_file(kept);
	m->kept_line = svc_line(kept);
}

static int
by_place(const void *pa, const void *pb)
{
	const struct merge *a = pa, *b = pb;

	if (a->dup_file != b->dup_file)
		return a->dup_file < b->dup_file ? -1 : 1;
	return a->dup_line < b->dup_line ? -1 : a->dup_line > b->dup_line;
}

/* The records merged, in the order they were read: the first 10 (all
 * with --verbose), then their count. */
static void
say_merged(void)
{
	size_t i;

	if (L.nm == 0)
		return;
	qsort(L.m, L.nm, sizeof *L.m, by_place);
	for (i = 0; i < L.nm && (i < MERGED_SHOWN || cli.verbose); i++)
		zl_warn_at(data.files[L.m[i].dup_file], (long)L.m[i].dup_line,
		    _("merged: the same service as %s:%ld (volunteer, day, "
		      "project and hours)"),
		    data.files[L.m[i].kept_file], (long)L.m[i].kept_line);
	zl_warn(ngettext("%zu duplicate service record merged (the "
			 "same volunteer, day, project and hours)",
		    "%zu duplicate service records merged (the same "
		    "volunteer, day, project and hours)",
		    L.nm),
	    L.nm);
}

/* Merge the duplicates among x[0..n): the kept ones first, their count. */
static size_t
merge_dups(const struct ledger_cb *cb, uint32_t *x, size_t n)
{
	size_t i, k = 0, keep = 0;

	sort_idx(x, n, by_same);
	for (i = 0; i < n; i++) {
		struct svc *s = &data.svc[x[i]], *t = &data.svc[x[keep]];

		if (i > 0 && s->day == t->day && s->project == t->project &&
		    s->hours == t->hours) {
			s->flags |= S_MERGED;
			note_merged(s, t);
			if (cb->svc != NULL) /* a service record of its team */
				cb->svc(s, 0, 0, 0, cb->arg);
			continue;
		}
		keep = i;
		x[k++] = x[i];
	}
	return k;
}

/*
 * The month of day (year * 12 + month - 1) and the first day on which the
 * points of month m are gone: each kept in a table by its low bits (a
 * volunteer's services go back and forth over a few hundred days).
 */
static _Thread_local struct {
	long day, month;
} by_day_tab[1024];
static _Thread_local struct {
	long month, gone;
} by_month_tab[256];

/* Both tables emptied: slot i holds a value not of slot i. */
static void
tabs_clear(void)
{
	size_t i;

	for (i = 0; i < 1024; i++)
		by_day_tab[i].day = (long)i + 1;
	for (i = 0; i < 256; i++)
		by_month_tab[i].month = (long)i + 1;
}

static long
month_of(long day)
{
	size_t i = (size_t)day & 1023;
	int y, m, d;

	if (by_day_tab[i].day != day) {
		date_ymd(day, &y, &m, &d);
		by_day_tab[i].day = day;
		by_day_tab[i].month = (long)y * 12 + m - 1;
	}
	return by_day_tab[i].month;
}

static long
expiry_day(long m)
{
	size_t i = (size_t)m & 255;
	long n = m + rules.expiry + 1;

	if (by_month_tab[i].month != m) {
		by_month_tab[i].month = m;
		by_month_tab[i].gone = date_days((int)(n / 12),
		    (int)(n % 12) + 1, 1);
	}
	return by_month_tab[i].gone;
}

static void
emit(const struct ledger_cb *cb, struct event *e, struct vol *v)
{
	e->v = v;
	e->balance = v->earned - v->redeemed - v->expired;
	if (cb->ev != NULL)
		cb->ev(e, cb->arg);
}

/* Expire the months whose points are gone by day (inclusive): expire's
 * work, when there is some. */
static void
expire_some(const struct ledger_cb *cb, struct vol *v, long day)
{
	struct event e = { .kind = EV_EXPIRE };

	for (; L.first < L.nb; L.first++) {
		struct bucket *b = &L.b[L.first];
		long on = b->gone;

		if (on > day)
			break;
		if (b->left == 0)
			continue;
		v->expired += b->left;
		e.t = (long long)on * DAY_SECS;
		e.month = b->month;
		e.change = -b->left;
		b->left = 0;
		emit(cb, &e, v);
	}
}

/* (Inline: called for each day of each volunteer, and mostly nothing
 * is gone; the event zeroed on each call cost more than the check.) */
static inline void
expire(const struct ledger_cb *cb, struct vol *v, long day)
{
	if (rules.expiry != 0 && L.first < L.nb && L.b[L.first].gone <= day)
		expire_some(cb, v, day);
}

static inline __attribute__((always_inline)) void
earn(struct vol *v, long day, long long points)
{
	long m = month_of(day);

	if (L.nb == 0 || L.b[L.nb - 1].month != m) {
		if (L.nb == L.capb)
			L.b = xgrow(L.b, &L.capb, 64, sizeof *L.b);
		L.b[L.nb].month = m;
		L.b[L.nb].gone = rules.expiry > 0 ? expiry_day(m) : 0;
		L.b[L.nb++].left = 0;
	} else if (L.first == L.nb) /* this month's, all spent, earns again */
		L.first = L.nb - 1;
	L.b[L.nb - 1].left += points;
	v->earned += points;
}

/* One service: its counted hours and points (used: of its day so far).
 * (Inline in both loops: a call a service cost a fifth of the ledger.) */
static inline __attribute__((always_inline)) void
service(const struct ledger_cb *cb, struct vol *v, const struct svc *s,
    long long *used)
{
	long long h = s->hours, mult, change;
	long long t = (long long)s->day * DAY_SECS + s->tod;
	int in = !cli.has_period || cli_in_period(t); /* (no call when none) */

	if (!(s->flags & S_VERIFIED)) {
		v->unverified += h;
		if (cb->svc != NULL)
			cb->svc(s, 0, 0, in, cb->arg);
		return;
	}
	h = G.floor[h];
	if (rules.cap > 0 && h > rules.cap - *used)
		h = rules.cap - *used;
	*used += h;
	mult = s->ktext < data.nmult ? data.mult_by_text[s->ktext] :
				       rules.dflt_mult;
	change = h * rules.pph * mult / 10000;
	v->hours += h;
	earn(v, s->day, change);
	if (in) {
		v->p_hours += h;
		v->p_earned += change;
	}
	if (cb->ev != NULL) { /* (the event only for a report of events) */
		struct event e = { .kind = EV_EARN, .s = s };

		e.hours = h;
		e.change = change;
		e.t = t;
		emit(cb, &e, v);
	}
	if (cb->svc != NULL)
		cb->svc(s, h, change, in, cb->arg);
}

/* Reject redemption d: at once, or by a thread of the ledger's, later
 * (ledger_run: in the order of the volunteers). */
__attribute__((format(printf, 3, 4))) static void
refuse(const struct red *d, const char *reason, const char *fmt, ...)
{
	struct buf msg = { 0 };
	struct refusal *r;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (!L.defer) {
		red_reject(d, reason, "%s", msg.p);
		buf_free(&msg);
		return;
	}
	if (L.nrf == L.caprf)
		L.rf = xgrow(L.rf, &L.caprf, 16, sizeof *L.rf);
	r = &L.rf[L.nrf++];
	r->d = d;
	r->reason = reason;
	r->msg = msg.p;
}

static void
redeem(const struct ledger_cb *cb, struct vol *v, const struct red *d)
{
	long long bal = v->earned - v->redeemed - v->expired, p = d->points;
	char a[32], b[32], day[24];

	if (v->nsvc == 0) {
		struct str id = intern_get(data.ids, v->id);

		refuse(d,
		    N_("a redemption by a volunteer with no service "
		       "record"),
		    _("volunteer '%.*s' has no service record"), (int)id.n,
		    id.p);
		return;
	}
	if (p > bal) {
		hundredths_fmt(p, a);
		hundredths_fmt(bal, b);
		date_format((long long)d->day * DAY_SECS, 0, day);
		refuse(d, N_("a redemption of more than the balance"),
		    _("a redemption of %s points is more than the balance %s "
		      "on %s"),
		    a, b, day);
		return;
	}
	v->redeemed += p;
	for (; p > 0 && L.first < L.nb; L.first++) {
		struct bucket *k = &L.b[L.first];
		long long take = k->left < p ? k->left : p;

		k->left -= take;
		p -= take;
		if (k->left > 0)
			break;
	}
	if (cb->ev != NULL) {
		struct event e = { .kind = EV_REDEEM, .d = d };

		e.t = (long long)d->day * DAY_SECS + d->tod;
		e.change = -d->points;
		emit(cb, &e, v);
	}
}

static int
by_u64(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

	return (a > b) - (a < b);
}

/* k[0..n) sorted: in one pass when it is one run or two (a volunteer's
 * services are mostly in date order, or in two files each in date
 * order), else by qsort. */
static void
sort_keys(uint64_t *k, size_t n)
{
	size_t i, a, b, o;

	for (i = 1; i < n && k[i - 1] <= k[i]; i++)
		;
	if (i >= n)
		return;
	for (b = i + 1; b < n && k[b - 1] <= k[b]; b++)
		;
	if (b < n) {
		qsort(k, n, sizeof *k, by_u64);
		return;
	}
	memcpy(L.tmp, k, i * sizeof *k);
	for (a = 0, b = i, o = 0; a < i && b < n;)
		k[o++] = L.tmp[a] <= k[b] ? L.tmp[a++] : k[b++];
	while (a < i)
		k[o++] = L.tmp[a++];
}

/*
 * The services x[0..n), in the order read, sorted by day when no two
 * share one: then none is a duplicate of another and by_time is their
 * order by day.  1 when so, the order in L.key (each service's day, then
 * its index: day_at, svc_at); 0 when two share a day.  x is left as it
 * was.
 */
static int
by_day(uint32_t *x, size_t n)
{
	uint64_t *k;
	size_t i;

	if (n > L.capkey) {
		free(L.key);
		free(L.tmp);
		L.capkey = n * 2;
		L.key = xcalloc(L.capkey, sizeof *L.key);
		L.tmp = xcalloc(L.capkey, sizeof *L.tmp);
	}
	k = L.key;
	for (i = 0; i < n; i++)
		k[i] = (uint64_t)((uint32_t)data.svc[x[i]].day ^ 0x80000000u)
			<< 32 |
		    x[i];
	sort_keys(k, n);
	for (i = 1; i < n; i++)
		if (k[i] >> 32 == k[i - 1] >> 32)
			return 0;
	return 1;
}

/* The day and the service of L.key[i] (by_day's). */
static inline long
day_at(size_t i)
{
	return (long)(int32_t)((uint32_t)(L.key[i] >> 32) ^ 0x80000000u);
}

static inline const struct svc *
svc_at(size_t i)
{
	return &data.svc[(uint32_t)L.key[i]];
}

/* The redemptions r[j..nr) of r[j]'s day: the first of a later day. */
static size_t
red_day(const struct ledger_cb *cb, struct vol *v, const uint32_t *r, size_t j,
    size_t nr)
{
	long day = data.red[r[j]].day;

	expire(cb, v, day);
	for (; j < nr && data.red[r[j]].day == day; j++)
		redeem(cb, v, &data.red[r[j]]);
	return j;
}

/*
 * The ledger of a volunteer whose services are each on a day of its own
 * (by_day's order) and redemptions r[0..nr), day after day: the steps of
 * the loop of volunteer, without its tests of each day for both.
 */
static void
one_a_day(const struct ledger_cb *cb, struct vol *v, size_t ns,
    const uint32_t *r, size_t nr)
{
	size_t i, j = 0;
	long long used;

	for (i = 0; i < ns; i++) {
		long day = day_at(i);

		while (j < nr && data.red[r[j]].day < day)
			j = red_day(cb, v, r, j, nr);
		expire(cb, v, day);
		used = 0;
		service(cb, v, svc_at(i), &used);
		if (j < nr && data.red[r[j]].day == day)
			j = red_day(cb, v, r, j, nr);
	}
	while (j < nr)
		j = red_day(cb, v, r, j, nr);
}

static int
star_of(long long hours)
{
	int n = 0;

	while (n < VP_STARS && hours >= rules.stars[n])
		n++;
	return n;
}

/* The ledger of volunteer vi. */
static void
volunteer(const struct ledger_cb *cb, uint32_t vi)
{
	struct vol *v = &data.vol[vi];
	uint32_t *s = G.svc_idx + G.svc_at[vi], *r = G.red_idx + G.red_at[vi];
	size_t ns = G.svc_at[vi + 1] - G.svc_at[vi];
	size_t nr = G.red_at[vi + 1] - G.red_at[vi], i = 0, j = 0;
	long long used = 0;
	long day = 0;

	L.nb = L.first = 0;
	if (by_day(s, ns)) {
		sort_idx(r, nr, by_red);
		one_a_day(cb, v, ns, r, nr);
		expire(cb, v, opt.as_of);
		v->star = star_of(v->hours);
		return;
	}
	ns = merge_dups(cb, s, ns);
	sort_idx(s, ns, by_time);
	sort_idx(r, nr, by_red);
	while (i < ns || j < nr) {
		long next = i < ns &&
			(j >= nr || data.svc[s[i]].day <= data.red[r[j]].day) ?
		    data.svc[s[i]].day :
		    data.red[r[j]].day;

		if (next != day || (i == 0 && j == 0))
			used = 0;
		day = next;
		expire(cb, v, day);
		for (; i < ns && data.svc[s[i]].day == day; i++)
			service(cb, v, &data.svc[s[i]], &used);
		for (; j < nr && data.red[r[j]].day == day; j++)
			redeem(cb, v, &data.red[r[j]]);
	}
	expire(cb, v, opt.as_of);
	v->star = star_of(v->hours);
}

/*
 * The records of volunteer vi asked for before they are needed: they are
 * anywhere in the table (read at random, a miss of the caches each).
 */
static void
ahead(uint32_t vi)
{
	uint32_t j;

	for (j = G.svc_at[vi]; j < G.svc_at[vi + 1]; j++)
		__builtin_prefetch(&data.svc[G.svc_idx[j]]);
	for (j = G.red_at[vi]; j < G.red_at[vi + 1]; j++)
		__builtin_prefetch(&data.red[G.red_idx[j]]);
}

void
ledger_span(const struct ledger_cb *cb, const uint32_t *order, size_t from,
    size_t to)
{
	size_t i;

	tabs_clear();
	for (i = from; i < to; i++) {
		if (i + 1 < to)
			ahead(order[i + 1]);
		volunteer(cb, order[i]);
	}
}

void
ledger_defer(void)
{
	L.defer = 1;
}

void
ledger_hand(struct ledger_left *l)
{
	l->rf = L.rf;
	l->nrf = L.nrf;
	l->m = L.m;
	l->nm = L.nm;
	free(L.b);
	free(L.key);
	free(L.tmp);
	memset(&L, 0, sizeof L);
}

void
ledger_take(struct ledger_left *l)
{
	size_t i;

	for (i = 0; i < l->nrf; i++) {
		red_reject(l->rf[i].d, l->rf[i].reason, "%s", l->rf[i].msg);
		free(l->rf[i].msg);
	}
	free(l->rf);
	for (i = 0; i < l->nm; i++) {
		if (L.nm == L.capm)
			L.m = xgrow(L.m, &L.capm, 64, sizeof *L.m);
		L.m[L.nm++] = l->m[i];
	}
	free(l->m);
}

void
ledger_run(const struct ledger_cb *cb)
{
	const uint32_t *order = vol_order();
	size_t i;

	for (i = 0; i < sizeof G.floor / sizeof *G.floor; i++)
		G.floor[i] = (uint16_t)(i - i % (size_t)rules.unit);
	G.rank = intern_ranks(data.strs);
	if (!jobs_grouped(&G.svc_at, &G.svc_idx))
		group(data.svc, data.nsvc, sizeof *data.svc,
		    offsetof(struct svc, vol), 1, &G.svc_at, &G.svc_idx);
	group(data.red, data.nred, sizeof *data.red, offsetof(struct red, vol),
	    0, &G.red_at, &G.red_idx);
	jobs_ledger(cb, order);
	say_merged();
	data.merged = L.nm;
	free(G.rank);
	free(G.svc_at);
	free(G.svc_idx);
	free(G.red_at);
	free(G.red_idx);
	free(L.b);
	free(L.m);
	free(L.key);
	free(L.tmp);
	memset(&L, 0, sizeof L);
	memset(&G, 0, sizeof G);
}
