/*
 * worker-salary: the scale, read from the worker-salary: section of the
 * configuration, whose values section.c has checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/worker-salary/ws.h"
#include "lib/cfg.h"
#include "lib/money.h"

struct scale scale;

static const char *const units[] = { "fen", "jiao", "yuan", NULL };
static const char *const modes[] = { "half-away", "up", "down", NULL };
static const int unit_of[] = { UNIT_FEN, UNIT_JIAO, UNIT_YUAN };
static const int mode_of[] = { ROUND_HALF_AWAY, ROUND_UP, ROUND_DOWN };

/* The amount at key of m (checked), in fen; dflt when absent. */
static long long
fen(const struct cfg *m, const char *key, long long dflt)
{
	const struct cfg *n = cfg_at(m, key);
	long long v;

	if (n == NULL || cfg_is_null(n) || money_parse(n->s, n->n, &v) != 0)
		return dflt;
	return v;
}

static void
load_posts(struct scale *sc, const struct cfg *m)
{
	size_t i, n = m != NULL && m->kind == CFG_MAP ? m->len : 0;

	sc->posts = xcalloc(n + 1, sizeof *sc->posts);
	for (i = 0; i < n; i++) {
		sc->posts[i].name = m->keys[i];
		sc->posts[i].start = (long)cfg_int(m->v[i], "start-level", 1);
		sc->posts[i].synonyms = cfg_at(m->v[i], "synonyms");
	}
	sc->nposts = n;
}

static struct named *
load_named(const struct cfg *m, int levels, size_t *np)
{
	size_t i, n = m != NULL && m->kind == CFG_MAP ? m->len : 0;
	struct named *v = xcalloc(n + 1, sizeof *v);

	for (i = 0; i < n; i++) {
		v[i].name = m->keys[i];
		if (levels)
			v[i].v = cfg_int(m->v[i], "", 0);
		else
			money_parse(m->v[i]->s, m->v[i]->n, &v[i].v);
	}
	*np = n;
	return v;
}

/*
 * The quick path of year y's contributions: each rate mant / 10^exp as
 * fm / 10^fast over the most decimals of its rates and the rounding unit
 * (10^fast at most 10^6, fm below 2^31 so that a base below 2^31 times
 * it stays below 2^62), fadd what the rounding mode adds before the
 * division: the remainder decides as in money_mul_rate.  fast -1: a rate
 * negative, wrong or with too many decimals.
 */
static void
year_fast(struct year *y)
{
	int k, e, most = 0,
		  u = y->unit == UNIT_YUAN ? 2 :
	    y->unit == UNIT_JIAO	   ? 1 :
					     0;
	long long d = 1;

	y->fast = -1;
	for (k = 0; k < C_N; k++)
		for (e = 0; e < 2; e++) {
			if (y->rt[k][e].exp < 0 || y->rt[k][e].mant < 0)
				return;
			if (y->rt[k][e].exp > most)
				most = y->rt[k][e].exp;
		}
	if (most + u > 6)
		return;
	for (k = 0; k < C_N; k++)
		for (e = 0; e < 2; e++) {
			long long m = y->rt[k][e].mant;
			int x;

			for (x = y->rt[k][e].exp; x < most; x++)
				m *= 10;
			if (m >= 1LL << 31)
				return;
			y->fm[k][e] = m;
		}
	for (k = 0; k < most + u; k++)
		d *= 10;
	y->fadd = y->mode == ROUND_UP ? d - 1 :
	    y->mode == ROUND_DOWN     ? 0 :
					d / 2;
	y->fast = most + u;
	/* (the sum of the floors at most the floor of the sum; 1 fen and a
	 * unit more for the rounding of doubles) */
	y->ee_mul = y->ee_add = 0;
	for (k = 0; k < C_N; k++)
		y->ee_mul += (double)y->fm[k][0];
	y->ee_mul = y->ee_mul / (double)d * y->unit;
	y->ee_add = C_N * (double)y->fadd / (double)d * y->unit + y->unit + 1;
}

static void
load_years(struct scale *sc, const struct cfg *m)
{
	size_t i, n = m != NULL && m->kind == CFG_MAP ? m->len : 0;
	struct year *y;
	char path[40];
	int k, e;

	sc->years = xcalloc(n + 1, sizeof *sc->years);
	for (i = 0; i < n; i++) {
		y = &sc->years[i];
		y->year = strtol(m->keys[i], NULL, 10);
		y->base_min = fen(m->v[i], "base-min", 0);
		y->base_max = fen(m->v[i], "base-max", 0);
		for (k = 0; k < C_N; k++)
			for (e = 0; e < 2; e++) {
				snprintf(path, sizeof path, "%s.%s",
				    contrib_keys[k],
				    e ? "employer" : "employee");
				y->rate[k][e] = cfg_str(m->v[i], path, "0%");
				if (money_rate(y->rate[k][e], &y->rt[k][e]) !=
				    0)
					y->rt[k][e].exp = -1;
			}
		y->unit = unit_of[cfg_enum(m->v[i], "rounding.unit", units, 0)];
		y->mode = mode_of[cfg_enum(m->v[i], "rounding.mode", modes, 0)];
		year_fast(y);
	}
	sc->nyears = n;
}

static void
load_brackets(struct scale *sc, const struct cfg *s)
{
	size_t i, n = s != NULL && s->kind == CFG_SEQ ? s->len : 0;

	sc->br = xcalloc(n + 1, sizeof *sc->br);
	for (i = 0; i < n; i++) {
		sc->br[i].upto = fen(s->v[i], "up-to", -1);
		sc->br[i].rate = cfg_str(s->v[i], "rate", "0%");
		if (money_rate(sc->br[i].rate, &sc->br[i].rt) != 0)
			sc->br[i].rt.exp = -1;
		sc->br[i].quick = fen(s->v[i], "quick-deduction", 0);
	}
	sc->nbr = n;
}

const struct year *
conf_year(long y)
{
	static _Thread_local const struct year *last; /* (most are) */
	size_t i;

	if (last != NULL && last->year == y)
		return last;
	for (i = 0; i < scale.nyears; i++)
		if (scale.years[i].year == y)
			return last = &scale.years[i];
	return NULL;
}

void
conf_read(struct scale *sc, const struct cfg *root)
{
	const struct cfg *sec = cfg_at(root, "worker-salary");
	const struct cfg *l = cfg_at(sec, "levels");
	size_t i;

	load_posts(sc, cfg_at(sec, "posts"));
	sc->edu = load_named(cfg_at(sec, "education"), 1, &sc->nedu);
	sc->allow = load_named(cfg_at(sec, "allowances"), 0, &sc->nallow);
	for (i = 0; i < WS_LEVELS; i++)
		if (l == NULL || l->kind != CFG_SEQ ||
		    money_parse(l->v[i]->s, l->v[i]->n, &sc->levels[i]) != 0)
			sc->levels[i] = 0;
	sc->paid_days = fen(sec, "paid-days", 2175);
	sc->per_day = fen(sec, "absence-per-day", -1);
	load_years(sc, cfg_at(sec, "contributions"));
	sc->threshold = fen(cfg_at(sec, "tax"), "threshold", 500000);
	load_brackets(sc, cfg_at(sec, "tax.brackets"));
	sc->unit = unit_of[cfg_enum(root, "money.unit", units, 0)];
	sc->mode = mode_of[cfg_enum(root, "money.rounding", modes, 0)];
}

void
conf_load(void)
{
	conf_read(&scale, cfg_root());
}
