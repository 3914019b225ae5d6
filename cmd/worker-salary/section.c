/*
 * worker-salary: its section of the configuration, worker-salary:, its
 * keys and the check of their values, which every program links (so each
 * checks the whole of a zhili.yaml) and on which conf.c relies: what
 * passes here reads there.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/worker-salary/ws.h"
#include "lib/cfg.h"
#include "lib/money.h"

static const char *const known_keys[] = { "posts", "education", "levels",
	"allowances", "paid-days", "absence-per-day", "contributions", "tax",
	NULL };
const char *const contrib_keys[C_N] = { "pension", "medical", "unemployment",
	"work-injury", "housing-fund" };
static const char *const year_keys[] = { "base-min", "base-max", "pension",
	"medical", "unemployment", "work-injury", "housing-fund", "rounding",
	NULL };

int
conf_rate(const char *s)
{
	size_t n = strlen(s);
	long long v;

	if (n < 2 || s[n - 1] != '%' || s[0] == '-' || s[0] == '+')
		return -1;
	if (money_mul(10000, s, UNIT_FEN, ROUND_DOWN, &v) != 0)
		return -1;
	return v >= 0 && v <= 10000 ? 0 : -1;
}

/* An amount in yuan, 0 or more: 1 and its fen in *v, else reported. */
static int
amount(const struct cfg *n, long long *v)
{
	if (n == NULL || cfg_is_null(n))
		return 0;
	if (n->kind != CFG_SCALAR || money_parse(n->s, n->n, v) != 0 ||
	    *v < 0 || *v > WS_MAX_FEN) {
		cfg_report_expected(n,
		    _("an amount in yuan from 0 to 100000000"));
		return 0;
	}
	return 1;
}

/* A whole number from lo to hi: 1 and *v, else reported. */
static int
whole(const struct cfg *n, long lo, long hi, long *v)
{
	char *end;

	if (n == NULL || cfg_is_null(n))
		return 0;
	if (n->kind == CFG_SCALAR) {
		*v = strtol(n->s, &end, 10);
		if (end != n->s && *end == '\0' && *v >= lo && *v <= hi)
			return 1;
	}
	cfg_report_node(n,
	    _("expected a whole number from %ld to %ld, got "
	      "'%s'"),
	    lo, hi, n->kind == CFG_SCALAR ? n->s : "a list or mapping");
	return 0;
}

static int
is_map(const struct cfg *m, const char *what)
{
	if (m == NULL || cfg_is_null(m))
		return 0;
	if (m->kind != CFG_MAP) {
		cfg_report_expected(m, what);
		return 0;
	}
	return 1;
}

static void
posts(const struct cfg *m)
{
	static const char *const keys[] = { "start-level", "synonyms", NULL };
	size_t i;
	long v;

	if (!is_map(m, _("a mapping of posts")))
		return;
	for (i = 0; i < m->len; i++) {
		if (!is_map(m->v[i],
			_("a mapping: {start-level: N, synonyms: [...]}")))
			continue;
		cfg_known(m->v[i], keys);
		if (cfg_at(m->v[i], "start-level") == NULL)
			cfg_report_node(m->v[i],
			    _("post '%s' without a start-level"), m->keys[i]);
		whole(cfg_at(m->v[i], "start-level"), 1, WS_LEVELS, &v);
		cfg_check_words(m->v[i], "synonyms");
	}
}

static void
named(const struct cfg *m, int levels)
{
	long long a;
	size_t i;
	long v;

	if (!is_map(m,
		levels ? _("a mapping of education to levels") :
			 _("a mapping of certificates to amounts")))
		return;
	for (i = 0; i < m->len; i++)
		if (levels)
			whole(m->v[i], 0, WS_LEVELS - 1, &v);
		else
			amount(m->v[i], &a);
}

static void
levels(const struct cfg *s)
{
	long long v;
	size_t i;

	if (s == NULL || cfg_is_null(s))
		return;
	if (s->kind != CFG_SEQ || s->len != WS_LEVELS) {
		cfg_report_expected(s,
		    _("a list of 60 amounts in yuan (levels 1 to 60)"));
		return;
	}
	for (i = 0; i < s->len; i++)
		amount(s->v[i], &v);
}

static void
rate_pair(const struct cfg *y, const char *key)
{
	static const char *const keys[] = { "employee", "employer", NULL };
	const struct cfg *m = cfg_at(y, key), *r;
	long long v;
	int i;

	if (m == NULL) {
		cfg_report_node(y, _("no '%s' in the year"), key);
		return;
	}
	if (!is_map(m, _("a mapping: {employee: \"8%\", employer: \"16%\"}")))
		return;
	cfg_known(m, keys);
	for (i = 0; i < 2; i++) {
		r = cfg_at(m, keys[i]);
		if (r == NULL || r->kind != CFG_SCALAR || conf_rate(r->s) != 0)
			cfg_report_expected(r != NULL ? r : m,
			    _("a rate from 0% to 100%, such as \"8%\""));
	}
	r = cfg_at(m, "employee");
	if (strcmp(key, "work-injury") == 0 && r != NULL &&
	    r->kind == CFG_SCALAR && conf_rate(r->s) == 0 &&
	    money_mul(10000, r->s, UNIT_FEN, ROUND_UP, &v) == 0 && v != 0)
		cfg_report_node(r,
		    _("employees pay no work-injury insurance: the "
		      "employee's rate is 0%%"));
}

static void
rounding(const void *y)
{
	static const char *const keys[] = { "unit", "mode", NULL };
	static const char *const units[] = { "fen", "jiao", "yuan", NULL };
	static const char *const modes[] = { "half-away", "up", "down", NULL };
	const struct cfg *r = cfg_map(y, "rounding");

	if (r == NULL)
		return;
	cfg_known(r, keys);
	cfg_enum(r, "unit", units, 0);
	cfg_enum(r, "mode", modes, 0);
}

static void
year(const char *key, const struct cfg *y)
{
	long long lo = 0, hi = 0;
	size_t i;
	char *end;
	long v = strtol(key, &end, 10);

	if (end == key || *end != '\0' || v < 1900 || v > 9999)
		cfg_report_node(y, _("'%s' is not a year"), key);
	if (!is_map(y, _("a mapping of the year's bases and rates")))
		return;
	cfg_known(y, year_keys);
	if (!amount(cfg_at(y, "base-min"), &lo) ||
	    !amount(cfg_at(y, "base-max"), &hi))
		cfg_report_node(y, _("the year %s needs base-min and base-max"),
		    key);
	else if (lo > hi)
		cfg_report_node(cfg_at(y, "base-max"),
		    _("base-max is less than base-min"));
	for (i = 0; i < C_N; i++)
		rate_pair(y, contrib_keys[i]);
	cfg_try(rounding, y);
}

static void
brackets(const struct cfg *s)
{
	static const char *const keys[] = { "up-to", "rate", "quick-deduction",
		NULL };
	long long v, last = -1;
	const struct cfg *r;
	size_t i;

	if (s == NULL)
		return;
	if (s->kind != CFG_SEQ || s->len == 0) {
		cfg_report_expected(s, _("a list of brackets"));
		return;
	}
	for (i = 0; i < s->len; i++) {
		if (!is_map(s->v[i],
			_("a bracket: {up-to: \"36000\", rate: "
			  "\"3%\", quick-deduction: \"0\"}")))
			continue;
		cfg_known(s->v[i], keys);
		r = cfg_at(s->v[i], "rate");
		if (r == NULL || r->kind != CFG_SCALAR || conf_rate(r->s) != 0)
			cfg_report_expected(r != NULL ? r : s->v[i],
			    _("a rate from 0% to 100%, such as \"3%\""));
		amount(cfg_at(s->v[i], "quick-deduction"), &v);
		r = cfg_at(s->v[i], "up-to");
		if ((r == NULL) != (i == s->len - 1))
			cfg_report_node(s->v[i],
			    _("every bracket but the last has an up-to"));
		else if (amount(r, &v) && v <= last)
			cfg_report_node(r,
			    _("up-to is not more than the bracket's below"));
		else if (r != NULL)
			last = v;
	}
}

static void
tax(const struct cfg *t)
{
	static const char *const keys[] = { "threshold", "brackets", NULL };
	long long v;

	if (!is_map(t, _("a mapping: {threshold: ..., brackets: [...]}")))
		return;
	cfg_known(t, keys);
	amount(cfg_at(t, "threshold"), &v);
	brackets(cfg_at(t, "brackets"));
}

static void
check(const struct cfg *sec)
{
	const struct cfg *c;
	long long v;
	size_t i;

	if (sec == NULL)
		return;
	posts(cfg_at(sec, "posts"));
	named(cfg_at(sec, "education"), 1);
	named(cfg_at(sec, "allowances"), 0);
	levels(cfg_at(sec, "levels"));
	c = cfg_at(sec, "paid-days");
	if (c != NULL && !cfg_is_null(c) &&
	    (c->kind != CFG_SCALAR || money_parse(c->s, c->n, &v) != 0 ||
		v <= 0 || v > 3100))
		cfg_report_expected(c,
		    _("days, more than 0 and at most 31, two decimals"));
	amount(cfg_at(sec, "absence-per-day"), &v);
	c = cfg_at(sec, "contributions");
	if (is_map(c, _("a mapping of years")))
		for (i = 0; i < c->len; i++)
			year(c->keys[i], c->v[i]);
	tax(cfg_at(sec, "tax"));
}

const struct cfg_section ws_section = { "worker-salary", known_keys, check };

CFG_SECTION(ws_section)
