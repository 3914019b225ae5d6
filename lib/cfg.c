/*
 * cfg: the YAML configuration (DESIGN.md section 5) as a small tree: the
 * sections known, cfg_setup (the built-in text, the user's file merged
 * over it, the shared sections checked), the tree's items, merging and
 * freeing, errors, and reading the tree (cfg_at, the typed getters,
 * cfg_known).  Parsing is in cfg_parse.c, printing in cfg_print.c.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/cfg.h"
#include "lib/cfg_int.h"
#include "lib/date.h"
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
static char *root_file; /* the user's file name, which root points to */
static struct {
	struct cfg *base, *over;
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
cfg_error(const struct cfg *node, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (node == NULL)
		zl_vwarn_col(NULL, 0, 0, fmt, ap);
	else
		zl_vwarn_col(node->file, node->line, node->col, fmt, ap);
	va_end(ap);
	zl_exit(ZL_USAGE);
}

void
cfg_expected(const struct cfg *node, const char *what)
{
	struct buf b = { 0 };

	cfg_describe(&b, node);
	cfg_error(node, _("expected %s, got %s"), what, b.p);
}

/*
 * Optimal string alignment distance, ASCII case ignored; -1 for strings too
 * long to bother.
 */
static int
distance(const char *a, const char *b)
{
	int row[3][65], *p2 = row[0], *p1 = row[1], *p0 = row[2], *t;
	size_t na = strlen(a), nb = strlen(b), i, j;

	if (na > 64 || nb > 64)
		return -1;
	for (j = 0; j <= nb; j++)
		p1[j] = (int)j;
	for (i = 1; i <= na; i++) {
		p0[0] = (int)i;
		for (j = 1; j <= nb; j++) {
			int x = a[i - 1], y = b[j - 1], d;

			if (x >= 'A' && x <= 'Z')
				x += 32;
			if (y >= 'A' && y <= 'Z')
				y += 32;
			d = p1[j - 1] + (x != y);
			if (p1[j] + 1 < d)
				d = p1[j] + 1;
			if (p0[j - 1] + 1 < d)
				d = p0[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && p2[j - 2] + 1 < d)
				d = p2[j - 2] + 1;
			p0[j] = d;
		}
		t = p2;
		p2 = p1;
		p1 = p0;
		p0 = t;
	}
	return p1[nb];
}

/* The known word nearest to word when it is close enough, or NULL. */
const char *
cfg_nearest(const char *word, const char *const *known)
{
	const char *best = NULL;
	int bestd = 0, d, max;

	for (; *known != NULL; known++) {
		if ((d = distance(word, *known)) < 0)
			continue;
		max = (int)strlen(*known) / 3;
		if (max < 1)
			max = 1;
		if (d <= max && (best == NULL || d < bestd)) {
			best = *known;
			bestd = d;
		}
	}
	return best;
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
cfg_equal(const struct cfg *a, const struct cfg *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->kind != b->kind)
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
static long
key_index(const struct cfg *c, size_t n, const char *key, size_t kn)
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
	if (cfg_is_null(over)) {
		cfg_free(over);
		return;
	}
	if (base->kind != CFG_MAP || over->kind != CFG_MAP) {
		free_contents(base);
		*base = *over;
		free(over);
		return;
	}
	/* over's keys are distinct: look only among base's own. */
	n = base->len;
	for (i = 0; i < over->len; i++) {
		k = key_index(base, n, over->keys[i], strlen(over->keys[i]));
		if (k < 0) {
			cfg_push(base, over->v[i], over->keys[i],
			    over->keyline[i], over->keycol[i]);
			continue;
		}
		if (base->v[k]->kind != CFG_MAP || cfg_is_null(over->v[i]) ||
		    over->v[i]->kind != CFG_MAP) {
			if (cfg_is_null(over->v[i])) {
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
	free(over->v);
	free(over->keys);
	free(over->keyline);
	free(over->keycol);
	free(over->s);
	free(over);
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

/* Lookup and the typed getters. */

/*
 * The node at path below map.  strict: a value on the way that is not a
 * mapping is an error (exit 2); else NULL.
 */
static const struct cfg *
walk(const struct cfg *map, const char *path, int strict)
{
	const struct cfg *c = map;
	const char *p = path, *dot;
	size_t kn;
	long k;

	while (*p != '\0') {
		if (c == NULL || cfg_is_null(c))
			return NULL;
		if (c->kind != CFG_MAP) {
			if (strict)
				cfg_expected(c, _("a mapping"));
			return NULL;
		}
		if ((dot = strchr(p, '.')) == NULL)
			dot = p + strlen(p);
		kn = (size_t)(dot - p);
		if ((k = key_index(c, c->len, p, kn)) < 0)
			return NULL;
		c = c->v[k];
		p = *dot == '.' ? dot + 1 : dot;
	}
	return c;
}

const struct cfg *
cfg_at(const struct cfg *map, const char *path)
{
	return walk(map, path, 0);
}

/* A scalar value at path, or NULL when absent or null. */
static const struct cfg *
scalar(const struct cfg *map, const char *path, const char *what)
{
	const struct cfg *c = walk(map, path, 1);

	if (c == NULL || cfg_is_null(c))
		return NULL;
	if (c->kind != CFG_SCALAR)
		cfg_expected(c, what);
	return c;
}

const char *
cfg_str(const struct cfg *map, const char *path, const char *dflt)
{
	const struct cfg *c = scalar(map, path, _("a string"));

	return c == NULL ? dflt : c->s;
}

/* 0, -1 not an integer, -2 out of range. */
static int
parse_int(const char *s, size_t n, long long *v)
{
	unsigned long long x = 0, lim;
	size_t i = 0;
	int neg = 0;

	if (n > 0 && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i++;
	}
	if (i == n)
		return -1;
	lim = neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (x > (lim - (unsigned)(s[i] - '0')) / 10) {
			while (++i < n)
				if (s[i] < '0' || s[i] > '9')
					return -1;
			return -2;
		}
		x = x * 10 + (unsigned)(s[i] - '0');
	}
	*v = neg ? (long long)(0 - x) : (long long)x;
	return 0;
}

long long
cfg_int(const struct cfg *map, const char *path, long long dflt)
{
	const struct cfg *c = scalar(map, path, _("an integer"));
	struct buf b = { 0 };
	long long v;
	int rc;

	if (c == NULL)
		return dflt;
	if ((rc = parse_int(c->s, c->n, &v)) == 0)
		return v;
	if (rc == -1)
		cfg_expected(c, _("an integer"));
	u8_show(&b, c->s, c->n, CFG_SHOW_MAX);
	cfg_error(c, _("integer out of range, got '%s'"), b.p);
}

long long
cfg_int_range(const struct cfg *map, const char *path, long long dflt,
    long long min, long long max)
{
	const struct cfg *c = scalar(map, path, _("an integer"));
	struct buf b = { 0 };
	long long v;

	if (c == NULL)
		return dflt;
	if (parse_int(c->s, c->n, &v) == 0 && v >= min && v <= max)
		return v;
	u8_show(&b, c->s, c->n, CFG_SHOW_MAX);
	cfg_error(c, _("expected an integer from %lld to %lld, got '%s'"), min,
	    max, b.p);
}

int
cfg_enum(const struct cfg *map, const char *path, const char *const *names,
    int dflt)
{
	const struct cfg *c;
	struct buf want = { 0 };
	int i;

	buf_adds(&want, _("one of "));
	for (i = 0; names[i] != NULL; i++)
		buf_printf(&want, "%s%s", i > 0 ? ", " : "", names[i]);
	if ((c = scalar(map, path, want.p)) == NULL) {
		buf_free(&want);
		return dflt;
	}
	for (i = 0; names[i] != NULL; i++)
		if (strcmp(c->s, names[i]) == 0) {
			buf_free(&want);
			return i;
		}
	cfg_expected(c, want.p);
}

int
cfg_bool(const struct cfg *map, const char *path, int dflt)
{
	const struct cfg *c = scalar(map, path, _("true or false"));

	if (c == NULL)
		return dflt;
	if (strcmp(c->s, "true") == 0 || strcmp(c->s, "True") == 0 ||
	    strcmp(c->s, "TRUE") == 0)
		return 1;
	if (strcmp(c->s, "false") == 0 || strcmp(c->s, "False") == 0 ||
	    strcmp(c->s, "FALSE") == 0)
		return 0;
	cfg_expected(c, _("true or false"));
}

static size_t
digits(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

const char *
cfg_decimal(const struct cfg *map, const char *path, const char *dflt)
{
	const struct cfg *c = scalar(map, path, _("a decimal number"));
	size_t i = 0, k;

	if (c == NULL)
		return dflt;
	if (c->n > 0 && c->s[0] == '-')
		i++;
	k = digits(c->s + i, c->n - i);
	if (k > 0) {
		i += k;
		if (i == c->n)
			return c->s;
		if (c->s[i] == '.') {
			k = digits(c->s + i + 1, c->n - i - 1);
			if (k > 0 && i + 1 + k == c->n)
				return c->s;
		}
	}
	cfg_expected(c, _("a decimal number"));
}

long
cfg_date(const struct cfg *map, const char *path, long dflt)
{
	const struct cfg *c = scalar(map, path, _("a date (YYYY-MM-DD)"));
	const char *s;
	int y, m, d;

	if (c == NULL)
		return dflt;
	s = c->s;
	if (c->n == 10 && digits(s, 4) == 4 && s[4] == '-' &&
	    digits(s + 5, 2) == 2 && s[7] == '-' && digits(s + 8, 2) == 2) {
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		    (s[2] - '0') * 10 + (s[3] - '0');
		m = (s[5] - '0') * 10 + (s[6] - '0');
		d = (s[8] - '0') * 10 + (s[9] - '0');
		if (y > 0 && date_valid(y, m, d))
			return date_days(y, m, d);
	}
	cfg_expected(c, _("a date (YYYY-MM-DD)"));
}

const struct cfg *
cfg_seq(const struct cfg *map, const char *path)
{
	const struct cfg *c = walk(map, path, 1);

	if (c == NULL || cfg_is_null(c))
		return NULL;
	if (c->kind != CFG_SEQ)
		cfg_expected(c, _("a list"));
	return c;
}

const struct cfg *
cfg_map(const struct cfg *map, const char *path)
{
	const struct cfg *c = walk(map, path, 1);

	if (c == NULL || cfg_is_null(c))
		return NULL;
	if (c->kind != CFG_MAP)
		cfg_expected(c, _("a mapping"));
	return c;
}

const char *
cfg_scalar_str(const struct cfg *node)
{
	if (node == NULL)
		return NULL;
	if (node->kind != CFG_SCALAR || cfg_is_null(node))
		cfg_expected(node, _("a string"));
	return node->s;
}

/* The dotted path of target below c into b: 1 when found. */
static int
path_of(const struct cfg *c, const struct cfg *target, struct buf *b)
{
	size_t i, mark;

	if (c == target)
		return 1;
	if (c->kind != CFG_MAP && c->kind != CFG_SEQ)
		return 0;
	for (i = 0; i < c->len; i++) {
		mark = b->n;
		if (c->kind == CFG_MAP)
			buf_printf(b, "%s%s", mark > 0 ? "." : "", c->keys[i]);
		else
			buf_printf(b, "[%zu]", i);
		if (path_of(c->v[i], target, b))
			return 1;
		b->n = mark;
		b->p[mark] = '\0';
	}
	return 0;
}

/* As cfg_known, with the section's path (NULL: unknown). */
static void
known_in(const struct cfg *sec, const char *path, const char *const *known)
{
	const char *near;
	struct buf k = { 0 };
	size_t i;

	if (sec == NULL || cfg_is_null(sec))
		return;
	if (sec->kind != CFG_MAP)
		cfg_expected(sec, _("a mapping"));
	for (i = 0; i < sec->len; i++) {
		if (cfg_is_known(sec->keys[i], known))
			continue;
		u8_show(&k, sec->keys[i], strlen(sec->keys[i]), CFG_SHOW_MAX);
		near = cfg_nearest(sec->keys[i], known);
		if (path != NULL && near != NULL)
			zl_die_col(ZL_USAGE, sec->v[i]->file, sec->keyline[i],
			    sec->keycol[i],
			    _("unknown key '%s' in '%s' (did you mean '%s'?)"),
			    k.p, path, near);
		if (path != NULL)
			zl_die_col(ZL_USAGE, sec->v[i]->file, sec->keyline[i],
			    sec->keycol[i], _("unknown key '%s' in '%s'"), k.p,
			    path);
		if (near != NULL)
			zl_die_col(ZL_USAGE, sec->v[i]->file, sec->keyline[i],
			    sec->keycol[i],
			    _("unknown key '%s' (did you mean '%s'?)"), k.p,
			    near);
		zl_die_col(ZL_USAGE, sec->v[i]->file, sec->keyline[i],
		    sec->keycol[i], _("unknown key '%s'"), k.p);
	}
}

void
cfg_known(const struct cfg *section, const char *const *known)
{
	struct buf path = { 0 };

	if (section == NULL || cfg_is_null(section))
		return;
	buf_grow(&path, 0);
	if (section != root && root != NULL && path_of(root, section, &path))
		known_in(section, path.p, known);
	else
		known_in(section, NULL, known);
	buf_free(&path);
}

/* Loading. */

static const char *const money_keys[] = { "unit", "rounding", NULL };
static const char *const money_units[] = { "fen", "jiao", "yuan", NULL };
static const char *const money_rounding[] = { "half-away", "up", "down",
	NULL };
static const char *const regex_keys[] = { "match-limit", NULL };

/*
 * The shared sections no other module checks as a whole: money: and
 * regex: (rx checks the value of match-limit), aliases:.  calendar: and
 * office-hours: are cal's.
 */
static void
check_shared(const struct cfg *r)
{
	size_t i;

	known_in(cfg_map(r, "money"), "money", money_keys);
	cfg_enum(r, "money.unit", money_units, 0);
	cfg_enum(r, "money.rounding", money_rounding, 0);
	known_in(cfg_map(r, "regex"), "regex", regex_keys);
	for (i = 0; i < ndeclared; i++)
		if (declared[i]->keys != NULL)
			known_in(cfg_map(r, declared[i]->name),
			    declared[i]->name, declared[i]->keys);
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

/* The sections of the built-in text (once), then the declared ones. */
static void
default_sections(const struct cfg *def)
{
	static int done;
	size_t i;

	if (done)
		return;
	done = 1;
	for (i = 0; i < def->len; i++)
		add_section(xstrdup(def->keys[i]));
}

const char *const *
cfg_known_sections(void)
{
	static int busy;

	if (nsections == 0 && !busy) {
		/* (a parse before cfg_setup: the built-in text's first) */
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
		cfg_merge(pending.base, pending.over);
		pending.over = NULL;
	}
	cfg_free(root);
	free(root_file);
	root = pending.base;
	root_file = pending.name;
	memset(&pending, 0, sizeof pending);
	check_shared(root);
}

const struct cfg *
cfg_root(void)
{
	return root;
}
