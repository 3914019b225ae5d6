/*
 * volunteer-points: the rules, read from the volunteer-points: section of
 * the configuration, whose values section.c has checked.
 */
#include <string.h>

#include "cmd/volunteer-points/vp.h"
#include "lib/cfg.h"

struct rules rules;

/* The value at key of sec (checked), in hundredths; dflt when absent. */
static long long
hundredths(const struct cfg *sec, const char *key, long long dflt)
{
	const struct cfg *n = cfg_at(sec, key);
	long long v;

	if (n == NULL || cfg_is_null(n) || conf_hundredths(n->s, &v) != 0)
		return dflt;
	return v;
}

static void
load_kinds(const struct cfg *m)
{
	size_t i;

	rules.nkinds = 0;
	if (m == NULL || cfg_is_null(m))
		return;
	rules.kinds = xcalloc(m->len + 1, sizeof *rules.kinds);
	for (i = 0; i < m->len; i++) {
		rules.kinds[i].name = m->keys[i];
		conf_hundredths(m->v[i]->s, &rules.kinds[i].mult);
	}
	rules.nkinds = m->len;
}

static void
load_words(const struct cfg *l)
{
	size_t i, n = l != NULL && l->kind == CFG_SEQ ? l->len : 0;

	rules.verified = xcalloc(n + 1, sizeof *rules.verified);
	for (i = 0; i < n; i++)
		rules.verified[i] = l->v[i]->s;
}

void
conf_load(void)
{
	static const long long stars[VP_STARS] = { 10000, 30000, 60000, 100000,
		150000 };
	const struct cfg *sec = cfg_at(cfg_root(), "volunteer-points");
	const struct cfg *s;
	size_t i;

	rules.pph = hundredths(sec, "points-per-hour", 1000);
	load_kinds(cfg_at(sec, "kinds"));
	rules.dflt_mult = hundredths(sec, "default-multiplier", -1);
	rules.unit = hundredths(sec, "hours-unit", 50);
	rules.cap = hundredths(sec, "daily-cap", 800);
	load_words(cfg_at(sec, "verified"));
	rules.expiry = (long)cfg_int(sec, "expiry-months", 24);
	s = cfg_at(sec, "stars");
	for (i = 0; i < VP_STARS; i++)
		if (s == NULL || cfg_is_null(s) ||
		    conf_hundredths(s->v[i]->s, &rules.stars[i]) != 0)
			rules.stars[i] = stars[i];
}
