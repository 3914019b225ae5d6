/*
 * case-stats: its section of the configuration, case-stats:, its keys
 * and the check of their values, which every program links (so each
 * checks the whole of a zhili.yaml) and which case-stats' own reading of
 * the section (record.c conf_load) relies on: what passes here reads
 * there.  And the time limits, of the section and of deadline fields.
 */
#include <string.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/cfg.h"
#include "lib/rx.h"

static const char *const known_keys[] = { "statuses", "satisfied", "unrated",
	"time-limits", "other", "categories", NULL };
static const char *const case_status_keys[] = { "closed", "open", "returned",
	"cancelled", NULL };
static const char *const case_rule_keys[] = { "name", "pattern", NULL };

/*
 * A decimal number of ASCII or full-width digits at the start of s: its
 * value in *v, and the bytes it takes (0: none, or too large).
 */
static size_t
number(struct str s, long *v)
{
	size_t i = 0;
	char c[2];

	*v = 0;
	while (i < s.n) {
		int d;

		if (s.p[i] >= '0' && s.p[i] <= '9') {
			d = s.p[i] - '0';
			i++;
		} else if (str_fold_to(s.p + i, s.n - i < 3 ? s.n - i : 3, c,
			       sizeof c) == 1 &&
		    c[0] >= '0' && c[0] <= '9') {
			/* three bytes folded to one: a full-width digit */
			d = c[0] - '0';
			i += 3;
		} else
			break;
		if (*v > 100000)
			return 0;
		*v = *v * 10 + d;
	}
	return i;
}

int
case_parse_limit(struct str s, struct limit *l)
{
	static const struct {
		const char *w;
		enum unit unit;
	} units[] = {
		{ "days", U_DAYS },
		{ "day", U_DAYS },
		{ "working days", U_DAYS },
		{ "working day", U_DAYS },
		{ "hours", U_HOURS },
		{ "hour", U_HOURS },
		{ "working hours", U_HOURS },
		{ "working hour", U_HOURS },
		{ "个工作日", U_DAYS },
		{ "工作日", U_DAYS },
		{ "天", U_DAYS },
		{ "日", U_DAYS },
		{ "小时", U_HOURS },
		{ "个小时", U_HOURS },
		{ "个工作小时", U_HOURS },
		{ "工作小时", U_HOURS },
	};
	size_t k, i;
	struct str u;

	s = str_trim(s);
	k = number(s, &l->n);
	if (k == 0)
		return -1;
	u = str_trim((struct str) { s.p + k, s.n - k });
	for (i = 0; i < sizeof units / sizeof units[0]; i++)
		if (str_eqi(u, units[i].w)) {
			l->unit = units[i].unit;
			return 0;
		}
	return -1;
}

/* The node at key of m when it is present and of kind (else said). */
static const struct cfg *
kind_at(const struct cfg *m, const char *key, enum cfg_kind kind,
    const char *what)
{
	const struct cfg *c = cfg_at(m, key);

	if (c == NULL || cfg_is_null(c))
		return NULL;
	if (c->kind != kind) {
		cfg_report_expected(c, what);
		return NULL;
	}
	return c;
}

static void
limits(const struct cfg *m)
{
	struct limit l;
	size_t i;

	for (i = 0; m != NULL && i < m->len; i++)
		if (m->v[i]->kind != CFG_SCALAR || cfg_is_null(m->v[i]) ||
		    case_parse_limit(str_c(m->v[i]->s), &l) != 0)
			cfg_report_expected(m->v[i],
			    _("a time limit such as '5 days' or '24 hours'"));
}

static void
pattern(const void *node)
{
	rx_free(rx_compile_cfg(node, 0));
}

/* categories: the rules of --classify, each name: and pattern:. */
static void
rules(const struct cfg *seq)
{
	const struct cfg *r, *name, *pat;
	size_t i;

	for (i = 0; seq != NULL && i < seq->len; i++) {
		r = seq->v[i];
		if (r->kind != CFG_MAP) {
			cfg_report_node(r,
			    _("expected a mapping with name: and pattern:"));
			continue;
		}
		cfg_known(r, case_rule_keys);
		name = kind_at(r, "name", CFG_SCALAR, _("a string"));
		pat = cfg_at(r, "pattern");
		if (name == NULL || pat == NULL)
			cfg_report_node(r,
			    _("a rule needs name: and pattern:"));
		if (pat != NULL)
			cfg_try(pattern, pat);
	}
}

static void
check(const struct cfg *sec)
{
	const struct cfg *m;
	size_t i;

	if (sec == NULL) {
		/* at the null that took it away (case-stats: !replace ~) */
		cfg_report_node(cfg_at(cfg_root(), "case-stats"),
		    _("the configuration has no case-stats: section"));
		return;
	}
	if ((m = kind_at(sec, "statuses", CFG_MAP, _("a mapping"))) != NULL) {
		cfg_known(m, case_status_keys);
		for (i = 0; case_status_keys[i] != NULL; i++)
			cfg_check_words(m, case_status_keys[i]);
	}
	cfg_check_words(sec, "satisfied");
	cfg_check_words(sec, "unrated");
	kind_at(sec, "other", CFG_SCALAR, _("a string"));
	limits(kind_at(sec, "time-limits", CFG_MAP, _("a mapping")));
	rules(kind_at(sec, "categories", CFG_SEQ, _("a list")));
}

const struct cfg_section case_stats_section = { "case-stats", known_keys,
	check };

CFG_SECTION(case_stats_section)
