/*
 * grid-import: the options (gopt), which main.c sets, and the reading of
 * the configuration's section, grid-import:, whose values section.c has
 * checked.  Outside main.c, so that a fuzz target links them.
 */
#include <stdlib.h>

#include "cmd/grid-import/grid-import.h"
#include "lib/cfg.h"

struct gopts gopt = { .level = -1 };

struct str *
conf_strs(const struct cfg *seq, size_t *n)
{
	struct str *v;
	size_t i;

	*n = 0;
	if (seq == NULL)
		return NULL;
	v = xcalloc(seq->len + 1, sizeof *v);
	for (i = 0; i < seq->len; i++)
		v[i] = str_c(cfg_scalar_str(seq->v[i]));
	*n = seq->len;
	return v;
}

/* The section, whose values section.c checked at cli_setup (a bad one
 * ended the run): totals, divisions, yes, max-posts, phones. */
void
conf_load(void)
{
	const struct cfg *d, *y;

	sheet_conf();
	d = cfg_map(cfg_root(), "grid-import.divisions");
	y = cfg_seq(cfg_root(), "grid-import.yes");
	codes_conf(d);
	write_conf(y);
	check_conf();
}
