/*
 * grid-import: its section of the configuration, grid-import:, its keys
 * and the check of their values, which every program links (so each
 * checks the whole of a zhili.yaml) and which grid-import's own reading
 * of the section (conf.c conf_load) relies on: what passes here reads
 * there.
 */
#include <string.h>

#include "cmd/grid-import/grid-import.h"
#include "lib/cfg.h"
#include "lib/rx.h"

static const char *const known_keys[] = { "divisions", "phones", "max-posts",
	"yes", "totals", NULL };

/* divisions: name: code, a code of digits. */
static void
divisions(const struct cfg *d)
{
	const struct cfg *v;
	size_t i;

	if (d == NULL || cfg_is_null(d))
		return;
	if (d->kind != CFG_MAP) {
		cfg_report_expected(d, _("a mapping"));
		return;
	}
	for (i = 0; i < d->len; i++) {
		v = d->v[i];
		if (v->kind != CFG_SCALAR || cfg_is_null(v))
			cfg_report_expected(v, _("a string"));
		else if (strspn(v->s, "0123456789") != v->n)
			cfg_report_expected(v, _("a division code of digits"));
	}
}

static void
phone(const void *node)
{
	rx_free(rx_compile_cfg(node, 0));
}

static void
max_posts(const void *sec)
{
	cfg_int_range(sec, "max-posts", 3, 1, GI_MAX_POSTS);
}

static void
check(const struct cfg *sec)
{
	const struct cfg *p;
	size_t i;

	divisions(cfg_at(sec, "divisions"));
	cfg_check_words(sec, "yes");
	cfg_check_words(sec, "totals");
	cfg_try(max_posts, sec);
	p = cfg_at(sec, "phones");
	if (p != NULL && !cfg_is_null(p) && p->kind != CFG_SEQ)
		cfg_report_expected(p, _("a list"));
	else
		for (i = 0; p != NULL && i < p->len; i++)
			cfg_try(phone, p->v[i]);
}

const struct cfg_section grid_import_section = { "grid-import", known_keys,
	check };

CFG_SECTION(grid_import_section)
