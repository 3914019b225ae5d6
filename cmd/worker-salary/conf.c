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
load_posts(const struct cfg *m)
{
	size_t i, n = m != NULL && m->kind == CFG_MAP ? m->len : 0;

	scale.posts = xcalloc(n + 1, sizeof *scale.posts);
	for (i = 0; i < n; i++) {
		scale.posts[i].name = m->keys[i];
		scale.posts[i].start = (long)cfg_int(m->v[i], "start-level", 1);
		scale.posts[i].synonyms = cfg_at(m->v[i], "synonyms");
	}
	scale.nposts = n;
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

static void
load_years(const struct cfg *m)
{
	size_t i, n = m != NULL && m->kind == CFG_MAP ? m->len : 0;
	struct year *y;
	char path[40];
	int k, e;

	scale.years = xcalloc(n + 1, sizeof *scale.years);
	for (i = 0; i < n; i++) {
		y = &scale.years[i];
		y->year = strtol(m->keys[i], NULL, 10);
		y->base_min = fen(m->v[i], "base-min", 0);
		y->base_max = fen(m->v[i], "base-max", 0);
		for (k = 0; k < C_N; k++)
			for (e = 0; e < 2; e++) {
				snprintf(path, sizeof path, "%s.%s",
				    contrib_keys[k],
				    e ? "employer" : "employee");
				y->rate[k][e] = cfg_str(m->v[i], path, "0%");
			}
		y->unit = unit_of[cfg_enum(m->v[i], "rounding.unit", units, 0)];
		y->mode = mode_of[cfg_enum(m->v[i], "rounding.mode", modes, 0)];
	}
	scale.nyears = n;
}

static void
load_brackets(const struct cfg *s)
{
	size_t i, n = s != NULL && s->kind == CFG_SEQ ? s->len : 0;

	scale.br = xcalloc(n + 1, sizeof *scale.br);
	for (i = 0; i < n; i++) {
		scale.br[i].upto = fen(s->v[i], "up-to", -1);
		scale.br[i].rate = cfg_str(s->v[i], "rate", "0%");
		scale.br[i].quick = fen(s->v[i], "quick-deduction", 0);
	}
	scale.nbr = n;
}

const struct year *
conf_year(long y)
{
	size_t i;

	for (i = 0; i < scale.nyears; i++)
		if (scale.years[i].year == y)
			return &scale.years[i];
	return NULL;
}

void
conf_load(void)
{
	const struct cfg *sec = cfg_at(cfg_root(), "worker-salary");
	const struct cfg *l = cfg_at(sec, "levels");
	size_t i;

	load_posts(cfg_at(sec, "posts"));
	scale.edu = load_named(cfg_at(sec, "education"), 1, &scale.nedu);
	scale.allow = load_named(cfg_at(sec, "allowances"), 0, &scale.nallow);
	for (i = 0; i < WS_LEVELS; i++)
		if (l == NULL || l->kind != CFG_SEQ ||
		    money_parse(l->v[i]->s, l->v[i]->n, &scale.levels[i]) != 0)
			scale.levels[i] = 0;
	scale.paid_days = fen(sec, "paid-days", 2175);
	scale.per_day = fen(sec, "absence-per-day", -1);
	load_years(cfg_at(sec, "contributions"));
	scale.threshold = fen(cfg_at(sec, "tax"), "threshold", 500000);
	load_brackets(cfg_at(sec, "tax.brackets"));
	scale.unit = unit_of[cfg_enum(cfg_root(), "money.unit", units, 0)];
	scale.mode = mode_of[cfg_enum(cfg_root(), "money.rounding", modes, 0)];
}
