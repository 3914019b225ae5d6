/*
 * dual-report: the rules, read from the dual-report: section of the
 * configuration, whose values section.c has checked.
 */
#include <string.h>

#include "cmd/dual-report/dr.h"
#include "lib/cfg.h"

struct rules rules;

void
conf_load(void)
{
	static const int months[] = { 1, 3, 12 };
	const struct cfg *sec = cfg_at(cfg_root(), "dual-report");
	const struct cfg *l;
	size_t i, n;

	rules.minimum = cfg_int_range(sec, "minimum", 2, 0, DR_MAX_MINIMUM);
	rules.per_months = months[cfg_enum(sec, "minimum-per", dr_pers, 1)];
	rules.deadline = cfg_int_range(sec, "deadline-days", 30, 0,
	    DR_MAX_DEADLINE);
	l = cfg_at(sec, "exclude-units");
	n = l != NULL && l->kind == CFG_SEQ ? l->len : 0;
	rules.exclude = xcalloc(n + 1, sizeof *rules.exclude);
	for (i = 0; i < n; i++)
		rules.exclude[i] = l->v[i]->s;
	rules.nexclude = n;
}
