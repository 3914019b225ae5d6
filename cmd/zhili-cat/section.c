/*
 * zhili-cat: its section of the configuration, zhili-cat:, which has no
 * keys yet (a key in it is an error).  Linked into every program, so
 * that each checks the whole of a zhili.yaml.
 */
#include "lib/cfg.h"

static const char *const zhili_cat_keys[] = { NULL };
static const struct cfg_section zhili_cat_section = { "zhili-cat",
	zhili_cat_keys, NULL };

CFG_SECTION(zhili_cat_section)
