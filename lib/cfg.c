/*
 * cfg: the YAML configuration (DESIGN.md section 5) as a small tree: the
 * sections known, cfg_setup (the built-in text, the user's file merged
 * over it, the shared sections checked), the tree's items, merging and
 * freeing, and configuration errors.  Parsing is in cfg_parse.c, reading
 * the tree (cfg_at, the typed getters, cfg_known) in cfg_get.c, printing
 * in cfg_print.c, the word lists and advice on them in cfg_words.c.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/cfg.h"
#include "lib/cfg_int.h"
#include "lib/utf8.h"
#include "lib/zl.h"

#define MAX_SECTIONS 64

/*
 * The top-level sections; any other is an error: those of the built-in
 * etc/zhili.yaml, and those the programs declare (cfg_declare).
 */
static const char *sections[MAX_SECTIONS + 1];
static size_t nsections;
static const struct cfg_section *declared[MAX_SECTIONS];
static size_t ndeclared;

static struct cfg *root;
static char *root_file;	 /* the user's file name, which root points to */
static struct cfg *user; /* the user's file as written */
static struct {
	struct cfg *base, *over, *user;
	char *name, *text;
} pending; /* cfg_setup's work */

/* What a node is, for "got ...". */
void
cfg_describe(struct buf *b, const struct cfg *c)
{
	if (c->kind == CFG_SEQ)
		buf_adds(b, _("a list"));
	else if (c->kind == CFG_MAP)
		buf_adds(b, _("a mapping"));
	else if (cfg_is_null(c))
		buf_adds(b, _("nothing"));
	else {
		buf_addc(b, '\'');
		u8_show(b, c->s, c->n, CFG_SHOW_MAX);
		buf_addc(b, '\'');
	}
}

void
cfg_expected(const struct cfg *node, const char *what)
{
	static struct buf b; /* (static: an error may jump over it) */

	buf_reset(&b);
	buf_grow(&b, 0);
	cfg_describe(&b, node);
	cfg_error(node, _("expected %s, got %s"), what, b.p);
}

int
cfg_is_known(const char *word, const char *const *known)
{
	for (; *known != NULL; known++)
		if (strcmp(word, *known) == 0)
			return 1;
	return 0;
}

/* The tree: items, freeing, comparing, merging. */

/*
 * Append an item (and its key for a mapping).  The arrays hold 4 items,
 * then double whenever len reaches a power of two.
 */
void
cfg_push(struct cfg *c, struct cfg *v, char *key, int kline, int kcol)
{
	size_t cap;

	if (c->len == 0 || (c->len >= 4 && (c->len & (c->len - 1)) == 0)) {
		cap = c->len == 0 ? 4 : c->len * 2;
		c->v = xreallocarray(c->v, cap, sizeof *c->v);
		if (c->kind == CFG_MAP) {
			c->keys = xreallocarray(c->keys, cap, sizeof *c->keys);
			c->keyline = xreallocarray(c->keyline, cap,
			    sizeof *c->keyline);
			c->keycol = xreallocarray(c->keycol, cap,
			    sizeof *c->keycol);
		}
	}
	c->v[c->len] = v;
	if (c->kind == CFG_MAP) {
		c->keys[c->len] = key;
		c->keyline[c->len] = kline;
		c->keycol[c->len] = kcol;
	}
	c->len++;
}

static void
free_contents(struct cfg *c)
{
	size_t i;

	for (i = 0; i < c->len; i++) {
		cfg_free(c->v[i]);
		if (c->kind == CFG_MAP)
			free(c->keys[i]);
	}
	free(c->s);
	free(c->v);
	free(c->keys);
	free(c->keyline);
	free(c->keycol);
	free(c->tag);
}

void
cfg_free(struct cfg *c)
{
	if (c == NULL)
		return;
	free_contents(c);
	free(c);
}

int
cfg_is_null(const struct cfg *c)
{
	return c != NULL && c->kind == CFG_SCALAR && c->n == 0 && !c->quoted;
}

int
cfg_replaces(const struct cfg *c)
{
	return c != NULL && c->tag != NULL && strcmp(c->tag, CFG_REPLACE) == 0;
}

int
cfg_equal(const struct cfg *a, const struct cfg *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->kind != b->kind || (a->tag == NULL) != (b->tag == NULL) ||
	    (a->tag != NULL && strcmp(a->tag, b->tag) != 0))
		return 0;
	if (a->kind == CFG_SCALAR)
		return cfg_is_null(a) == cfg_is_null(b) && a->n == b->n &&
		    memcmp(a->s, b->s, a->n) == 0;
	if (a->len != b->len)
		return 0;
	for (i = 0; i < a->len; i++) {
		if (a->kind == CFG_MAP && strcmp(a->keys[i], b->keys[i]) != 0)
			return 0;
		if (!cfg_equal(a->v[i], b->v[i]))
			return 0;
	}
	return 1;
}

/* Index of key in the first n items of map c, or -1. */
long
cfg_key_index(const struct cfg *c, size_t n, const char *key, size_t kn)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strncmp(c->keys[i], key, kn) == 0 && c->keys[i][kn] == '\0')
			return (long)i;
	return -1;
}

void
cfg_merge(struct cfg *base, struct cfg *over)
{
	size_t i, n;
	long k;

	if (over == NULL)
		return;
	if (cfg_is_null(over) && !cfg_replaces(over)) {
		cfg_free(over);
		return;
	}
	if (base->kind != CFG_MAP || over->kind != CFG_MAP ||
	    cfg_replaces(over)) {
		free_contents(base);
		*base = *over;
		free(over);
		return;
	}
	/* over's keys are distinct: look only among base's own. */
	n = base->len;
	for (i = 0; i < over->len; i++) {
		k = cfg_key_index(base, n, over->keys[i],
		    strlen(over->keys[i]));
		if (k < 0) {
			cfg_push(base, over->v[i], over->keys[i],
			    over->keyline[i], over->keycol[i]);
			continue;
		}
		if (cfg_merge_words(base->v[k], over->v[i], over->keys[i])) {
			free(over->keys[i]);
			continue;
		}
		if (base->v[k]->kind != CFG_MAP || cfg_is_null(over->v[i]) ||
		    over->v[i]->kind != CFG_MAP || cfg_replaces(over->v[i])) {
			if (cfg_is_null(over->v[i]) &&
			    !cfg_replaces(over->v[i])) {
				cfg_free(over->v[i]);
				free(over->keys[i]);
				continue;
			}
			cfg_free(base->v[k]);
			base->v[k] = over->v[i];
			base->keyline[k] = over->keyline[i];
			base->keycol[k] = over->keycol[i];
		} else
			cfg_merge(base->v[k], over->v[i]);
		free(over->keys[i]);
	}
	over->len = 0; /* its items are base's now, or freed */
	cfg_free(over);
}

/* A copy of c, every node. */
static struct cfg *
copy(const struct cfg *c)
{
	struct cfg *d = xcalloc(1, sizeof *d);
	size_t i;

	d->kind = c->kind;
	d->file = c->file;
	d->line = c->line;
	d->col = c->col;
	d->s = c->s != NULL ? xstrndup(c->s, c->n) : NULL;
	d->n = c->n;
	d->quoted = c->quoted;
	d->tag = c->tag != NULL ? xstrdup(c->tag) : NULL;
	for (i = 0; i < c->len; i++)
		cfg_push(d, copy(c->v[i]),
		    c->kind == CFG_MAP ? xstrdup(c->keys[i]) : NULL,
		    c->kind == CFG_MAP ? c->keyline[i] : 0,
		    c->kind == CFG_MAP ? c->keycol[i] : 0);
	return d;
}

/* The whole file, at most CFG_MAX_SIZE bytes, or exit 2. */
static char *
slurp(const char *file, size_t *np)
{
	struct stat st;
	FILE *fp;
	char *p;
	size_t n;
	int e;

	if ((fp = fopen(file, "rb")) == NULL)
		zl_die_col(ZL_USAGE, file, 0, 0, "%s", strerror(errno));
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		zl_die_col(ZL_USAGE, file, 0, 0, "%s", strerror(EISDIR));
	}
	p = xmalloc(CFG_MAX_SIZE + 1);
	n = fread(p, 1, CFG_MAX_SIZE + 1, fp);
	e = ferror(fp) ? errno : 0;
	fclose(fp);
	if (e != 0 || n > CFG_MAX_SIZE) {
		free(p);
		if (e != 0)
			zl_die_col(ZL_USAGE, file, 0, 0, "%s", strerror(e));
		zl_die_col(ZL_USAGE, file, 0, 0, _("file larger than 1 MiB"));
	}
	*np = n;
	return p;
}

/* Loading. */

static const char *const money_keys[] = { "unit", "rounding", NULL };
static const char *const money_units[] = { "fen", "jiao", "yuan", NULL };
static const char *const money_rounding[] = { "half-away", "up", "down", NULL };
static const char *const regex_keys[] = { "match-limit", NULL };
static const char *const records_keys[] = { "max-rejected", NULL };
/*
 * The shared sections no other module checks as a whole: money:,
 * regex: (rx checks the value of match-limit), records: (cli checks
 * max-rejected); aliases: is fld's, calendar: and office-hours: are cal's.
 */
static const struct cfg_section shared[] = { { "money", money_keys, NULL },
	{ "regex", regex_keys, NULL }, { "records", records_keys, NULL } };

/* The keys of section s (a struct cfg_section). */
static void
known_keys(const void *s)
{
	const struct cfg_section *sec = s;

	cfg_known_in(cfg_map(root, sec->name), sec->name, sec->keys);
}

static void
money_values(const void *unused)
{
	(void)unused;
	cfg_enum(root, "money.unit", money_units, 0);
}

static void
money_rounding_value(const void *unused)
{
	(void)unused;
	cfg_enum(root, "money.rounding", money_rounding, 0);
}

/* The keys of the shared sections and of the sections declared. */
static void
check_shared(void)
{
	size_t i;

	for (i = 0; i < sizeof shared / sizeof shared[0]; i++)
		cfg_try(known_keys, &shared[i]);
	cfg_try(money_values, NULL);
	cfg_try(money_rounding_value, NULL);
	for (i = 0; i < ndeclared; i++)
		if (declared[i]->keys != NULL)
			cfg_try(known_keys, declared[i]);
}

/* The values of section s (a struct cfg_section with a check). */
static void
section_values(const void *s)
{
	const struct cfg_section *sec = s;
	const struct cfg *c = cfg_at(root, sec->name);

	if (c != NULL && cfg_is_null(c))
		c = NULL;
	if (c != NULL && c->kind != CFG_MAP)
		return; /* known_keys says so */
	sec->check(c);
}

void
cfg_check_sections(void)
{
	size_t i;

	for (i = 0; i < ndeclared; i++)
		if (declared[i]->check != NULL)
			cfg_try(section_values, declared[i]);
}

/* A section name known from now on (once). */
static void
add_section(const char *name)
{
	if (cfg_is_known(name, sections))
		return;
	if (nsections == MAX_SECTIONS)
		zl_die(ZL_USAGE, "internal error: more than %d sections",
		    MAX_SECTIONS);
	sections[nsections++] = name;
	sections[nsections] = NULL;
}

static int have_defaults; /* the built-in text's sections are known */

/* The sections of the built-in text (once), then the declared ones. */
static void
default_sections(const struct cfg *def)
{
	size_t i;

	if (have_defaults)
		return;
	have_defaults = 1;
	/* a program's own section may be declared already: no copy then */
	for (i = 0; i < def->len; i++)
		if (!cfg_is_known(def->keys[i], sections))
			add_section(xstrdup(def->keys[i]));
}

const char *const *
cfg_known_sections(void)
{
	static int busy;

	if (!have_defaults && !busy) {
		/* (a parse before cfg_setup, the programs' sections declared
		 * or not: the built-in text's first) */
		struct cfg *def;

		busy = 1;
		def = cfg_load(cfg_default_text, cfg_default_len,
		    _("zhili.yaml (built-in)"), 1);
		default_sections(def);
		cfg_free(def);
		busy = 0;
	}
	return sections;
}

void
cfg_declare(const struct cfg_section *s)
{
	size_t i;

	for (i = 0; i < ndeclared; i++)
		if (declared[i] == s)
			return;
	if (ndeclared == MAX_SECTIONS)
		zl_die(ZL_USAGE, "internal error: more than %d sections",
		    MAX_SECTIONS);
	declared[ndeclared++] = s;
	add_section(s->name);
}

void
cfg_setup(const char *file)
{
	size_t n;

	if (file == NULL && (file = getenv("ZHILI_CONFIG")) != NULL &&
	    *file == '\0')
		file = NULL;
	/* Held in statics while loading: an error exits, and leaks nothing. */
	pending.base = cfg_load(cfg_default_text, cfg_default_len,
	    _("zhili.yaml (built-in)"), 1);
	default_sections(pending.base);
	if (file != NULL) {
		pending.name = xstrdup(file);
		pending.text = slurp(pending.name, &n);
		pending.over = cfg_load(pending.text, n, pending.name, 0);
		free(pending.text);
		pending.text = NULL;
		pending.user = copy(pending.over);
		cfg_merge(pending.base, pending.over);
		pending.over = NULL;
	}
	cfg_free(root);
	cfg_free(user);
	free(root_file);
	root = pending.base;
	user = pending.user;
	root_file = pending.name;
	memset(&pending, 0, sizeof pending);
	check_shared();
}

struct cfg *
cfg_load_other(const char *file)
{
	static struct cfg *saved; /* root, while the other tree is checked */
	struct cfg *c;
	size_t n;

	pending.base = cfg_load(cfg_default_text, cfg_default_len,
	    _("zhili.yaml (built-in)"), 1);
	default_sections(pending.base);
	pending.text = slurp(file, &n);
	pending.over = cfg_load(pending.text, n, file, 0);
	free(pending.text);
	pending.text = NULL;
	cfg_merge(pending.base, pending.over);
	pending.over = NULL;
	/* the checks read root: the other tree is root while they run */
	saved = root;
	root = pending.base;
	check_shared();
	cfg_check_sections();
	c = root;
	root = saved;
	saved = NULL;
	pending.base = NULL;
	return c;
}

const struct cfg *
cfg_root(void)
{
	return root;
}

const struct cfg *
cfg_user(void)
{
	return user;
}
