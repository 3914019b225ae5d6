/*
 * dual-report: the period and the figures of a window of days, as
 * dual-report(1) defines them.  A window is the period, or one month of
 * it (--by month): members and registered as of its last day, its
 * activities, the minimum for the months it touches.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/dual-report/dr.h"
#include "lib/date.h"
#include "lib/utf8.h"

#define EARLY_SHOWN 10

/* ceil(minimum × months / per_months): the minimum of a window. */
static long long
need(long months)
{
	return (rules.minimum * months + rules.per_months - 1) /
	    rules.per_months;
}

static long
month_no(int32_t day)
{
	int y, m, d;

	date_ymd(day, &y, &m, &d);
	return (long)y * 12 + m - 1;
}

long
months_of(int32_t from, int32_t to)
{
	return month_no(to) - month_no(from) + 1;
}

void
month_window(const struct window *w, long n, struct window *m)
{
	long mo = month_no(w->from) + n;
	int y = (int)(mo / 12), mm = (int)(mo % 12) + 1;
	int32_t start = (int32_t)date_days(y, mm, 1);
	int32_t end = start + date_month_len(y, mm) - 1;

	m->from = start > w->from ? start : w->from;
	m->to = end < w->to ? end : w->to;
	m->need = need(1);
}

static int32_t
today(void)
{
	/* China Standard Time, UTC+8 */
	return (
	    int32_t)date_floordiv((long long)time(NULL) + 8 * 3600, DAY_SECS);
}

/*
 * The period: the date options' days; a bound they do not give, the
 * input's (the first or last day of the activities used), or today when
 * there is none, but never past the bound given.
 */
void
period_make(struct window *w)
{
	int32_t from = DR_NODAY, to = DR_NODAY;

	/* (an open end is far past any date: lib/cli's, or LLONG_MIN/MAX) */
	if (cli.has_period && cli.period.from > -(1LL << 61))
		from = (int32_t)date_floordiv(cli.period.from, DAY_SECS);
	if (cli.has_period && cli.period.until < (1LL << 61))
		to = (int32_t)date_floordiv(cli.period.until - 1, DAY_SECS);
	if (to == DR_NODAY) {
		to = data.last != DR_NODAY ? data.last : today();
		if (from != DR_NODAY && to < from)
			to = from;
	}
	if (from == DR_NODAY) {
		from = data.first != DR_NODAY ? data.first : to;
		if (from > to)
			from = to;
	}
	w->from = from;
	w->to = to;
	w->need = need(months_of(from, to));
}

void
fig_add(struct fig *to, const struct fig *f)
{
	to->members += f->members;
	to->registered += f->registered;
	to->overdue += f->overdue;
	to->active += f->active;
	to->activities += f->activities;
	to->early += f->early;
	to->hours += f->hours;
	to->solved += f->solved;
	to->units += f->units;
	to->projects += f->projects;
}

/* The activities [from, to) of window w into the members' (mf), units'
 * own and communities' figures.  The figures of the member of the
 * activity AHEAD after this one are fetched while this one is added:
 * members are taken at random, their figures (32 bytes each) rarely in a
 * cache. */
#define AHEAD 16
static void
window_acts(const struct window *w, size_t from, size_t to, struct fig *ufig,
    struct fig *cfig, struct mfig *mf)
{
	size_t i;

	for (i = from; i < to; i++) {
		const struct act *a = &data.act[i];
		struct fig *c;
		int early = 0;

		if (i + AHEAD < to)
			__builtin_prefetch(&mf[data.act[i + AHEAD].who], 1);

		if (a->day < w->from || a->day > w->to || (a->flags & A_SKIP))
			continue;
		if (a->flags & A_UNIT) {
			c = &cfig[a->comm];
			ufig[a->who].activities++;
			ufig[a->who].hours += a->hours;
			ufig[a->who].solved += a->solved;
		} else {
			struct mfig *m = &mf[a->who];

			c = &cfig[a->comm];
			early = (a->flags & A_EARLY) != 0;
			m->acts++;
			m->early += (uint32_t)early;
			m->ok += (uint32_t)!early;
			m->hours += a->hours;
			m->solved += a->solved;
		}
		c->activities++;
		c->early += early;
		c->hours += a->hours;
		c->solved += a->solved;
	}
}

/*
 * -j 2 or more: the later half of the activities [from, to) added up by a
 * thread of its own, into figures of its own (n: members, units,
 * communities), while the main thread adds up the first half; then added
 * to the first half's (sums: the same figures as one pass).  Only when
 * the half is more work than its figures to clear and to add (an
 * activity some five times a member's).
 */
struct half {
	const struct window *w;
	size_t from, to;
	uint32_t n[3];
	struct mfig *mf;
	struct fig *ufig, *cfig;
	pthread_t th;
};

static void *
half_acts(void *arg)
{
	struct half *h = arg;
	size_t size = ((size_t)h->n[0] + 1) * sizeof *h->mf;

	h->mf = dr_alloc(size);
	memset(h->mf, 0, size);
	h->ufig = xcalloc((size_t)h->n[1] + 1, sizeof *h->ufig);
	h->cfig = xcalloc((size_t)h->n[2] + 1, sizeof *h->cfig);
	window_acts(h->w, h->from, h->to, h->ufig, h->cfig, h->mf);
	return NULL;
}

/* The half's figures added to ufig, cfig and mf, and freed. */
static void
half_add(struct half *h, struct fig *ufig, struct fig *cfig, struct mfig *mf)
{
	uint32_t i;

	for (i = 0; i < h->n[0]; i++) {
		mf[i].acts += h->mf[i].acts;
		mf[i].early += h->mf[i].early;
		mf[i].ok += h->mf[i].ok;
		mf[i].solved += h->mf[i].solved;
		mf[i].hours += h->mf[i].hours;
	}
	for (i = 0; i < h->n[1]; i++)
		fig_add(&ufig[i], &h->ufig[i]);
	for (i = 0; i < h->n[2]; i++)
		fig_add(&cfig[i], &h->cfig[i]);
	free(h->mf);
	free(h->ufig);
	free(h->cfig);
}

/* The activities of window w added up, by two threads with -j 2 or
 * more. */
static void
window_all(const struct window *w, struct fig *ufig, struct fig *cfig,
    struct mfig *mf)
{
	struct half h = { w, data.nact / 2, data.nact,
		{ intern_len(data.ids), intern_len(data.units),
		    intern_len(data.comms) },
		NULL, NULL, NULL, 0 };

	if (opt.jobs < 2 ||
	    data.nact / 2 < ((size_t)h.n[0] + h.n[1] + h.n[2]) / 4 + 256 ||
	    pthread_create(&h.th, NULL, half_acts, &h) != 0) {
		window_acts(w, 0, data.nact, ufig, cfig, mf);
		return;
	}
	window_acts(w, 0, h.from, ufig, cfig, mf);
	pthread_join(h.th, NULL);
	half_add(&h, ufig, cfig, mf);
}

/* A member's standing as of w's last day. */
static void
member_standing(const struct window *w, const struct member *m, struct mfig *f)
{
	int32_t to = w->to;
	long long dl = (long long)m->listed + rules.deadline;

	f->counts = m->listed == DR_NODAY || m->listed <= to;
	f->registered = f->counts && m->reg != DR_NODAY && m->reg <= to;
	f->overdue = f->counts && m->listed != DR_NODAY && rules.deadline > 0 &&
	    dl <= to && (m->reg == DR_NODAY || m->reg > dl);
	f->active = f->registered && f->ok >= w->need;
}

unsigned long long
window_run(const struct window *w, struct fig *ufig, struct fig *cfig,
    struct mfig *mf)
{
	uint32_t nmem = intern_len(data.ids), nunit = intern_len(data.units);
	unsigned long long early = 0;
	struct mfig *own = NULL;
	uint32_t i;

	if (mf == NULL)
		mf = own = xmalloc(((size_t)nmem + 1) * sizeof *mf);
	memset(mf, 0, (size_t)nmem * sizeof *mf);
	memset(ufig, 0, (size_t)nunit * sizeof *ufig);
	memset(cfig, 0, (size_t)intern_len(data.comms) * sizeof *cfig);
	window_all(w, ufig, cfig, mf);
	for (i = 0; i < nmem; i++) {
		const struct member *m = &data.mem[i];
		struct mfig *f = &mf[i];
		struct fig *u = &ufig[m->unit];

		early += f->early;
		if (m->flags & M_EXCLUDED)
			continue;
		member_standing(w, m, f);
		u->members += f->counts;
		u->registered += f->registered;
		u->overdue += f->overdue;
		u->active += f->active;
		u->activities += f->acts;
		u->early += f->early;
		u->hours += f->hours;
		u->solved += f->solved;
		if (m->comm != DR_NONE) {
			cfig[m->comm].registered += f->registered;
			cfig[m->comm].active += f->active;
		}
	}
	for (i = 0; i < nunit; i++) {
		const struct unit *u = &data.unit[i];

		if ((u->flags & (U_ROW | U_EXCLUDED)) != U_ROW ||
		    u->comm == DR_NONE || u->reg == DR_NODAY || u->reg > w->to)
			continue;
		cfig[u->comm].units++;
		cfig[u->comm].projects += u->projects;
	}
	free(own);
	return early;
}

void
say_early(const struct window *w, unsigned long long total)
{
	static struct buf b;
	unsigned long long n = 0, show = total;
	char day[24], reg[24];
	size_t i;

	if (!cli.verbose && show > EARLY_SHOWN)
		show = EARLY_SHOWN; /* (the scan ends at the 10th) */
	for (i = 0; i < data.nact && n < show; i++) {
		const struct act *a = &data.act[i];
		int32_t r;

		if ((a->flags & (A_EARLY | A_SKIP)) != A_EARLY ||
		    a->day < w->from || a->day > w->to)
			continue;
		n++;
		r = data.mem[a->who].reg;
		date_format(a->day * DAY_SECS, 0, day);
		if (r != DR_NODAY)
			date_format(r * DAY_SECS, 0, reg);
		buf_reset(&b);
		u8_show(&b, intern_get(data.ids, a->who).p,
		    intern_get(data.ids, a->who).n, 40);
		zl_warn_at(data.files[act_file(i)], (long)act_line(i),
		    _("activity on %s before member %s registered (%s)"), day,
		    b.p, r != DR_NODAY ? reg : _("not registered"));
	}
	if (total > 0)
		zl_warn(ngettext("%llu activity before its member registered: "
				 "counted, and in the early column",
			    "%llu activities before their member registered: "
			    "counted, and in the early column",
			    total),
		    total);
}
