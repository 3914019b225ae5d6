/*
 * volunteer-points: the reports.  The ledger runs first (ledger.c), the
 * report gathering what it needs from it; then, unless more records were
 * rejected than max-rejected allows (rej_figures), the report is written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/volunteer-points/vp.h"
#include "lib/date.h"
#include "lib/fld.h"

#define MAXCOLS 10

/* A row being written: its fields and the text of its numbers. */
struct row {
	struct str f[MAXCOLS];
	char num[MAXCOLS][32];
};

static struct wr *
open_report(const char *const *cols, size_t n)
{
	struct str names[MAXCOLS];
	unsigned char types[MAXCOLS];

	rej_figures();
	fld_header(cols, n, cli.zh, names, types);
	return wr_open(cli.out_fmt, n, names, types, cli_wr_flags());
}

static void
put_str(struct row *r, size_t i, struct str s)
{
	r->f[i] = s;
}

static void
put_c(struct row *r, size_t i, const char *s)
{
	r->f[i] = str_c(s);
}

static void
put_h(struct row *r, size_t i, long long v)
{
	r->f[i].n = hundredths_fmt(v, r->num[i]);
	r->f[i].p = r->num[i];
}

static void
put_n(struct row *r, size_t i, long long v)
{
	unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v :
				       (unsigned long long)v;
	char t[24], *p = t + sizeof t;
	size_t n = 0;

	/* by hand: snprintf's "%lld" was 650 instructions a number */
	do
		*--p = (char)('0' + a % 10);
	while ((a /= 10) > 0);
	if (v < 0)
		r->num[i][n++] = '-';
	memcpy(r->num[i] + n, p, (size_t)(t + sizeof t - p));
	r->f[i].n = n + (size_t)(t + sizeof t - p);
	r->num[i][r->f[i].n] = '\0';
	r->f[i].p = r->num[i];
}

static const char *
total_word(void)
{
	return cli_term("total");
}

/* ---- balance ---- */

static void
balance(void)
{
	static const char *const cols[] = { "volunteer_id", "volunteer_name",
		"team", "hours", "earned", "redeemed", "expired", "balance",
		"star", "unverified_hours" };
	struct ledger_cb cb = { NULL, NULL, NULL };
	struct vol sum = { 0 };
	const uint32_t *order;
	struct wr *w;
	struct row r;
	size_t i;

	ledger_run(&cb);
	w = open_report(cols, 10);
	order = vol_order();
	for (i = 0; i < data.nvol; i++) {
		const struct vol *v = &data.vol[order[i]];

		if (v->nsvc == 0)
			continue;
		put_str(&r, 0, intern_get(data.ids, v->id));
		put_str(&r, 1, intern_get(data.names, v->name));
		put_str(&r, 2, intern_get(data.strs, v->team));
		put_h(&r, 3, v->hours);
		put_h(&r, 4, v->earned);
		put_h(&r, 5, v->redeemed);
		put_h(&r, 6, v->expired);
		put_h(&r, 7, v->earned - v->redeemed - v->expired);
		put_n(&r, 8, v->star);
		put_h(&r, 9, v->unverified);
		wr_rec(w, r.f);
		sum.hours += v->hours;
		sum.earned += v->earned;
		sum.redeemed += v->redeemed;
		sum.expired += v->expired;
		sum.unverified += v->unverified;
	}
	if (opt.total) {
		put_c(&r, 0, total_word());
		put_c(&r, 1, "");
		put_c(&r, 2, "");
		put_h(&r, 3, sum.hours);
		put_h(&r, 4, sum.earned);
		put_h(&r, 5, sum.redeemed);
		put_h(&r, 6, sum.expired);
		put_h(&r, 7, sum.earned - sum.redeemed - sum.expired);
		put_c(&r, 8, "");
		put_h(&r, 9, sum.unverified);
		wr_rec(w, r.f);
	}
	wr_close(w);
}

/* ---- ledger ---- */

struct events {
	struct event *e;
	size_t n, cap;
	long vol; /* --volunteer's index, or -1: all */
};

static void
keep_event(const struct event *e, void *arg)
{
	struct events *l = arg;

	if (opt.volunteer != NULL && (l->vol < 0 || e->v != &data.vol[l->vol]))
		return;
	if (!period_has(&cli.period, e->t))
		return;
	if (l->n == l->cap)
		l->e = xgrow(l->e, &l->cap, 1024, sizeof *l->e);
	l->e[l->n++] = *e;
}

static void
event_row(struct row *r, const struct event *e)
{
	static const char *const en[] = { "earn", "redeem", "expire" };
	char *m = r->num[4];

	put_str(r, 0, intern_get(data.ids, e->v->id));
	put_str(r, 1, intern_get(data.names, e->v->name));
	r->f[2].n = date_format(e->t, 0, r->num[2]);
	r->f[2].p = r->num[2];
	put_c(r, 3, cli_term(en[e->kind]));
	put_c(r, 5, "");
	put_c(r, 6, "");
	if (e->kind == EV_EARN) {
		put_str(r, 4, intern_get(data.strs, e->s->project));
		put_str(r, 5, intern_get(data.strs, e->s->ktext));
		put_h(r, 6, e->hours);
	} else if (e->kind == EV_REDEEM)
		put_str(r, 4, intern_get(data.strs, e->d->item));
	else {
		r->f[4].n = (size_t)snprintf(m, 32, "%04ld-%02ld",
		    e->month / 12, e->month % 12 + 1);
		r->f[4].p = m;
	}
	put_h(r, 7, e->change);
	put_h(r, 8, e->balance);
}

static void
ledger(void)
{
	static const char *const cols[] = { "volunteer_id", "volunteer_name",
		"date", "event", "what", "kind", "hours", "change", "balance" };
	struct events l = { NULL, 0, 0, -1 };
	struct ledger_cb cb = { keep_event, NULL, &l };
	struct wr *w;
	struct row r;
	size_t i;

	if (opt.volunteer != NULL) {
		/* as the ids of the records are read: trimmed, folded */
		struct buf fb = { 0 };
		struct str want = str_trim(
		    str_fold(str_c(opt.volunteer), &fb, NULL));

		for (i = 0; i < data.nvol; i++) {
			struct str id = intern_get(data.ids, data.vol[i].id);

			if (id.n == want.n && memcmp(id.p, want.p, id.n) == 0)
				l.vol = (long)i;
		}
		buf_free(&fb);
		if (l.vol < 0 || data.vol[l.vol].nsvc == 0)
			zl_warn(_("--volunteer: no service record of "
				  "volunteer '%s'"),
			    opt.volunteer);
	}
	ledger_run(&cb);
	w = open_report(cols, 9);
	for (i = 0; i < l.n; i++) {
		event_row(&r, &l.e[i]);
		wr_rec(w, r.f);
	}
	free(l.e);
	wr_close(w);
}

/* ---- teams ---- */

struct team {
	long long hours, earned, unverified;
	unsigned long long volunteers, active, projects, services;
	uint32_t last_any, last_active; /* volunteer index + 1 */
	int seen;
};

struct teams {
	struct team *t;		     /* by pool id */
	struct intern *pairs;	     /* team and project, in the period */
	unsigned char *project_seen; /* by pool id */
	unsigned long long projects, active;
	uint32_t last_active;
};

static void
team_svc(const struct svc *s, long long hours, long long points, int in,
    void *arg)
{
	struct teams *ts = arg;
	uint32_t team = data.svc_team[s - data.svc];
	struct team *t = &ts->t[team];
	uint32_t key[2] = { team, s->project };
	struct str k = { (const char *)key, sizeof key };
	uint32_t n;

	t->seen = 1;
	if (t->last_any != s->vol + 1) {
		t->last_any = s->vol + 1;
		t->volunteers++;
	}
	if (!in || (s->flags & S_MERGED))
		return;
	if (!(s->flags & S_VERIFIED)) {
		t->unverified += s->hours;
		return;
	}
	t->hours += hours;
	t->earned += points;
	t->services++;
	if (t->last_active != s->vol + 1) {
		t->last_active = s->vol + 1;
		t->active++;
	}
	if (ts->last_active != s->vol + 1) {
		ts->last_active = s->vol + 1;
		ts->active++;
	}
	if (intern_get(data.strs, s->project).n == 0)
		return;
	n = intern_len(ts->pairs);
	if (intern_put(ts->pairs, k) == n)
		t->projects++;
	if (!ts->project_seen[s->project]) {
		ts->project_seen[s->project] = 1;
		ts->projects++;
	}
}

static void
team_row(struct wr *w, struct str name, const struct team *t)
{
	struct row r;

	put_str(&r, 0, name);
	put_n(&r, 1, (long long)t->volunteers);
	put_n(&r, 2, (long long)t->active);
	put_h(&r, 3, t->hours);
	put_h(&r, 4, t->earned);
	put_n(&r, 5, (long long)t->projects);
	put_n(&r, 6, (long long)t->services);
	put_h(&r, 7, t->unverified);
	wr_rec(w, r.f);
}

/* Pool ids of the strings for which seen(id), in byte order; *n. */
static uint32_t *
in_order(int (*seen)(uint32_t id, void *arg), void *arg, size_t *n)
{
	uint32_t len = intern_len(data.strs), i;
	uint32_t *rank = intern_ranks(data.strs);
	uint32_t *by = xcalloc(len + 1, sizeof *by);
	uint32_t *out = xcalloc(len + 1, sizeof *out);
	unsigned char *has = xcalloc(len + 1, 1);

	for (i = 0; i < len; i++) {
		by[rank[i]] = i;
		has[i] = (unsigned char)seen(i, arg);
	}
	for (*n = 0, i = 0; i < len; i++)
		if (has[by[i]])
			out[(*n)++] = by[i];
	free(rank);
	free(by);
	free(has);
	return out;
}

static int
team_seen(uint32_t id, void *arg)
{
	return ((struct teams *)arg)->t[id].seen;
}

static void
teams(void)
{
	static const char *const cols[] = { "team", "volunteers", "active",
		"hours", "earned", "projects", "services", "unverified_hours" };
	struct teams ts = { 0 };
	struct ledger_cb cb = { NULL, team_svc, &ts };
	struct team sum = { 0 };
	uint32_t len = intern_len(data.strs) + 1, *ids;
	struct wr *w;
	size_t i, n;

	ts.t = xcalloc(len, sizeof *ts.t);
	ts.project_seen = xcalloc(len, 1);
	ts.pairs = intern_new();
	ledger_run(&cb);
	cli_period_end("date");
	w = open_report(cols, 8);
	ids = in_order(team_seen, &ts, &n);
	for (i = 0; i < n; i++) {
		const struct team *t = &ts.t[ids[i]];

		team_row(w, intern_get(data.strs, ids[i]), t);
		sum.hours += t->hours;
		sum.earned += t->earned;
		sum.services += t->services;
		sum.unverified += t->unverified;
	}
	if (opt.total) {
		for (i = 0; i < data.nvol; i++)
			sum.volunteers += data.vol[i].nsvc > 0;
		sum.active = ts.active;
		sum.projects = ts.projects;
		team_row(w, str_c(total_word()), &sum);
	}
	wr_close(w);
	free(ids);
	free(ts.t);
	free(ts.project_seen);
	intern_free(ts.pairs);
}

/* ---- rank ---- */

static long long
measure(const struct vol *v)
{
	return opt.by_points ? v->p_earned : v->p_hours;
}

static int
by_measure(const void *pa, const void *pb)
{
	const struct vol *a = &data.vol[*(const uint32_t *)pa];
	const struct vol *b = &data.vol[*(const uint32_t *)pb];
	struct str x, y;
	int c;

	if (measure(a) != measure(b))
		return measure(a) > measure(b) ? -1 : 1;
	x = intern_get(data.ids, a->id);
	y = intern_get(data.ids, b->id);
	c = memcmp(x.p, y.p, x.n < y.n ? x.n : y.n);
	return c != 0 ? c : (x.n > y.n) - (x.n < y.n);
}

static void
rank(void)
{
	static const char *const cols[] = { "rank", "volunteer_id",
		"volunteer_name", "team", "hours", "earned" };
	struct ledger_cb cb = { NULL, NULL, NULL };
	uint32_t *o = xcalloc(data.nvol + 1, sizeof *o);
	size_t i, n = 0, place = 0;
	struct wr *w;
	struct row r;

	ledger_run(&cb);
	cli_period_end("date");
	for (i = 0; i < data.nvol; i++)
		if (measure(&data.vol[i]) > 0)
			o[n++] = (uint32_t)i;
	qsort(o, n, sizeof *o, by_measure);
	w = open_report(cols, 6);
	for (i = 0; i < n; i++) {
		const struct vol *v = &data.vol[o[i]];

		if (i == 0 || measure(v) != measure(&data.vol[o[i - 1]]))
			place = i + 1;
		if ((long)place > opt.top)
			break;
		put_n(&r, 0, (long long)place);
		put_str(&r, 1, intern_get(data.ids, v->id));
		put_str(&r, 2, intern_get(data.names, v->name));
		put_str(&r, 3, intern_get(data.strs, v->team));
		put_h(&r, 4, v->p_hours);
		put_h(&r, 5, v->p_earned);
		wr_rec(w, r.f);
	}
	free(o);
	wr_close(w);
}

/* ---- stars ---- */

static int
has_seen(uint32_t id, void *arg)
{
	return ((const unsigned char *)arg)[id];
}

static void
star_row(struct wr *w, struct str name, const unsigned long long *c)
{
	struct row r;
	unsigned long long all = 0;
	size_t k;

	put_str(&r, 0, name);
	for (k = 0; k <= VP_STARS; k++) {
		put_n(&r, k + 1, (long long)c[k]);
		all += c[k];
	}
	put_n(&r, VP_STARS + 2, (long long)all);
	wr_rec(w, r.f);
}

static void
stars(void)
{
	static const char *const cols[] = { "team", "stars_0", "stars_1",
		"stars_2", "stars_3", "stars_4", "stars_5", "volunteers" };
	struct ledger_cb cb = { NULL, NULL, NULL };
	uint32_t len = intern_len(data.strs) + 1, *ids;
	unsigned long long(*c)[VP_STARS + 1] = xcalloc(len, sizeof *c);
	unsigned long long sum[VP_STARS + 1] = { 0 };
	unsigned char *has = xcalloc(len, 1);
	struct wr *w;
	size_t i, n;

	ledger_run(&cb);
	for (i = 0; i < data.nvol; i++) {
		const struct vol *v = &data.vol[i];

		if (v->nsvc == 0)
			continue;
		c[v->team][v->star]++;
		has[v->team] = 1;
		sum[v->star]++;
	}
	w = open_report(cols, 8);
	ids = in_order(has_seen, has, &n);
	for (i = 0; i < n; i++)
		star_row(w, intern_get(data.strs, ids[i]), c[ids[i]]);
	if (opt.total)
		star_row(w, str_c(total_word()), sum);
	wr_close(w);
	free(ids);
	free(c);
	free(has);
}

void
report_write(void)
{
	switch (opt.report) {
	case R_BALANCE:
		balance();
		break;
	case R_LEDGER:
		ledger();
		break;
	case R_TEAMS:
		teams();
		break;
	case R_RANK:
		rank();
		break;
	default:
		stars();
		break;
	}
}

/* "00" to "99": two digits a step (a division by 100, not two by 10). */
static const char pairs[] =
    "00010203040506070809101112131415161718192021222324"
    "25262728293031323334353637383940414243444546474849"
    "50515253545556575859606162636465666768697071727374"
    "75767778798081828384858687888990919293949596979899";

size_t
hundredths_fmt(long long v, char *buf)
{
	unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v :
				       (unsigned long long)v;
	unsigned long long q = a / 100, x;
	size_t n = v < 0;
	size_t len = 1 + (size_t)((q >= 10) + (q >= 100) + (q >= 1000));
	char *p;

	/* by hand, into place from its end: snprintf was a tenth of the
	 * time of writing a report, then the digits one by one and their
	 * copy 90 instructions a number (now 47) */
	if (a == 0) { /* (most of the expired and unverified) */
		memcpy(buf, "0.00", 5);
		return 4;
	}
	for (x = q / 10000; x > 0; x /= 10)
		len++;
	buf[0] = '-';
	p = buf + n + len;
	memcpy(p + 1, pairs + 2 * (a - q * 100), 2);
	p[0] = '.';
	p[3] = '\0';
	for (; q >= 100; q /= 100) {
		p -= 2;
		memcpy(p, pairs + 2 * (q % 100), 2);
	}
	if (q >= 10)
		memcpy(p - 2, pairs + 2 * q, 2);
	else
		p[-1] = (char)('0' + q);
	return n + len + 3;
}
