/*
 * volunteer-points: its section of the configuration, volunteer-points:,
 * its keys and the check of their values, which every program links (so
 * each checks the whole of a zhili.yaml) and on which conf.c relies:
 * what passes here reads there.
 */
#include <string.h>

#include "cmd/volunteer-points/vp.h"
#include "lib/cfg.h"

static const char *const known_keys[] = { "points-per-hour", "kinds",
	"default-multiplier", "hours-unit", "daily-cap", "verified",
	"expiry-months", "stars", NULL };

int
conf_hundredths(const char *s, long long *v)
{
	size_t i = 0, d;

	*v = 0;
	if (s[0] < '0' || s[0] > '9')
		return -1;
	for (; s[i] >= '0' && s[i] <= '9'; i++) {
		if (*v > 100000000LL)
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	*v *= 100;
	if (s[i] == '.') {
		for (d = 1, i++; s[i] >= '0' && s[i] <= '9'; i++, d++) {
			if (d > 2)
				return -1;
			*v += (s[i] - '0') * (d == 1 ? 10 : 1);
		}
		if (d == 1)
			return -1;
	}
	return s[i] == '\0' ? 0 : -1;
}

/*
 * The scalar node n (NULL or null: absent), a decimal of at most two
 * decimals from lo to hi hundredths (what, for the message); 1 when it is
 * one, with its value in *v.
 */
static int
decimal(const struct cfg *n, long long lo, long long hi, const char *what,
    long long *v)
{
	if (n == NULL || cfg_is_null(n))
		return 0;
	if (n->kind != CFG_SCALAR || conf_hundredths(n->s, v) != 0 || *v < lo ||
	    *v > hi) {
		cfg_report_expected(n, what);
		return 0;
	}
	return 1;
}

static void
kinds(const struct cfg *m)
{
	long long v;
	size_t i;

	if (m == NULL || cfg_is_null(m))
		return;
	if (m->kind != CFG_MAP) {
		cfg_report_expected(m, _("a mapping of kinds to multipliers"));
		return;
	}
	if (m->len > 250)
		cfg_report_node(m, _("more than 250 kinds"));
	for (i = 0; i < m->len; i++) {
		if (m->keys[i][0] == '\0')
			cfg_report_node(m->v[i], _("a kind without a name"));
		if (cfg_is_null(m->v[i]))
			cfg_report_expected(m->v[i], _("a multiplier"));
		decimal(m->v[i], 0, 10000,
		    _("a multiplier from 0 to 100, at most two decimals"), &v);
	}
}

static void
stars(const struct cfg *s)
{
	long long v, last = 0;
	size_t i;

	if (s == NULL || cfg_is_null(s))
		return;
	if (s->kind != CFG_SEQ || s->len != VP_STARS) {
		cfg_report_expected(s,
		    _("a list of five numbers of hours (one to five stars)"));
		return;
	}
	for (i = 0; i < s->len; i++) {
		if (cfg_is_null(s->v[i]))
			cfg_report_expected(s->v[i], _("hours"));
		if (!decimal(s->v[i], 1, 1000000000,
			_("hours, more than 0, at most two decimals"), &v))
			continue;
		if (v <= last)
			cfg_report_node(s->v[i],
			    _("the hours of a star must be more than those "
			      "of the star below"));
		last = v;
	}
}

static void
expiry(const void *sec)
{
	cfg_int_range(sec, "expiry-months", 24, 0, 1200);
}

static void
check(const struct cfg *sec)
{
	long long v;

	if (sec == NULL)
		return;
	decimal(cfg_at(sec, "points-per-hour"), 0, 1000000,
	    _("points from 0 to 10000, at most two decimals"), &v);
	kinds(cfg_at(sec, "kinds"));
	decimal(cfg_at(sec, "default-multiplier"), 0, 10000,
	    _("a multiplier from 0 to 100, at most two decimals"), &v);
	decimal(cfg_at(sec, "hours-unit"), 1, VP_MAX_HOURS,
	    _("hours, more than 0 and at most 24, at most two decimals"), &v);
	decimal(cfg_at(sec, "daily-cap"), 0, VP_MAX_HOURS,
	    _("hours from 0 (no cap) to 24, at most two decimals"), &v);
	cfg_check_words(sec, "verified");
	cfg_try(expiry, sec);
	stars(cfg_at(sec, "stars"));
}

const struct cfg_section vp_section = { "volunteer-points", known_keys, check };

CFG_SECTION(vp_section)
