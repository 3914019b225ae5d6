/*
 * worker-salary: --compare OLD.yaml, each payslip's gross under an old
 * scale.  OLD.yaml is merged over the built-in configuration as -c is
 * (not over -c); its worker-salary: section and money: give the old
 * scale.  Under it a worker keeps the roster's facts: the post, the
 * pay_level or base_pay given, education, years_passed, the certificate
 * and its month; and each month keeps its items.  What changes is what
 * the scale makes of them: the starting levels, the levels of education,
 * the amounts of the levels, the allowances, the day's pay of an absence.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/worker-salary/ws.h"
#include "lib/cfg.h"

static struct scale old;
static struct cfg *tree;

/* The post of the old scale named name (its name or a synonym). */
static const struct post *
old_post(const char *name)
{
	const struct cfg *l;
	size_t i, k;

	for (i = 0; i < old.nposts; i++) {
		if (strcmp(old.posts[i].name, name) == 0)
			return &old.posts[i];
		l = old.posts[i].synonyms;
		for (k = 0; l != NULL && l->kind == CFG_SEQ && k < l->len; k++)
			if (strcmp(l->v[k]->s, name) == 0)
				return &old.posts[i];
	}
	return NULL;
}

/* The value of name in v[n] of the old scale; 0 when it has none. */
static long long
old_named(const struct named *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return v[i].v;
	return 0;
}

void
compare_load(const char *file)
{
	const struct cfg *p;
	size_t i;

	tree = cfg_load_other(file);
	conf_read(&old, tree);
	p = cfg_at(tree, "worker-salary.posts");
	if (p != NULL && cfg_builtin(p))
		p = NULL; /* not written in file: no line to name */
	for (i = 0; i < scale.nposts; i++)
		if (old_post(scale.posts[i].name) == NULL)
			zl_die_col(ZL_USAGE, file, p ? p->line : 0,
			    p ? p->col : 0,
			    _("the old scale has no post '%s' (add it to "
			      "worker-salary.posts with its start-level)"),
			    scale.posts[i].name);
}

/* The base pay of w under the old scale. */
static long long
old_base(const struct worker *w)
{
	long level;

	if (w->given == 'b')
		return w->base;
	level = w->level;
	if (w->given == 0) {
		level = old_post(w->post)->start +
		    (long)old_named(old.edu, old.nedu, w->edu) + w->years;
		if (level > WS_LEVELS)
			level = WS_LEVELS;
	}
	return old.levels[level - 1];
}

long long
compare_gross(const struct slip *s)
{
	const struct worker *w = slip_worker(s);
	long long base = old_base(w);

	return base + slip_amount(s, A_PERF) +
	    pay_allowance(s, old_named(old.allow, old.nallow, w->cert)) +
	    slip_amount(s, A_OVERTIME) + slip_amount(s, A_OTHER) -
	    slip_amount(s, A_DEDUCTION) - pay_absence(&old, s, base);
}
