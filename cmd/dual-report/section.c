/*
 * dual-report: its section of the configuration, dual-report:, its keys
 * and the check of their values, which every program links (so each
 * checks the whole of a zhili.yaml) and on which conf.c relies: what
 * passes here reads there.
 */
#include "cmd/dual-report/dr.h"
#include "lib/cfg.h"

static const char *const known_keys[] = { "minimum", "minimum-per",
	"deadline-days", "exclude-units", NULL };
const char *const dr_pers[] = { "month", "quarter", "year", NULL };

static void
minimum(const void *sec)
{
	cfg_int_range(sec, "minimum", 2, 0, DR_MAX_MINIMUM);
}

static void
per(const void *sec)
{
	cfg_enum(sec, "minimum-per", dr_pers, 1);
}

static void
deadline(const void *sec)
{
	cfg_int_range(sec, "deadline-days", 30, 0, DR_MAX_DEADLINE);
}

static void
check(const struct cfg *sec)
{
	if (sec == NULL)
		return;
	cfg_try(minimum, sec);
	cfg_try(per, sec);
	cfg_try(deadline, sec);
	cfg_check_words(sec, "exclude-units");
}

const struct cfg_section dr_section = { "dual-report", known_keys, check };

CFG_SECTION(dr_section)
