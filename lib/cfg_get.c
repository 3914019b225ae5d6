/*
 * cfg_get: reading the tree: the node at a dotted path (cfg_at), the typed
 * getters, which exit 2 naming file:line:col on a value of the wrong type,
 * and the keys a section may have (cfg_known).
 */
#include <limits.h>
#include <string.h>

#include "lib/cfg.h"
#include "lib/cfg_int.h"
#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/zl.h"

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
		if ((k = cfg_key_index(c, c->len, p, kn)) < 0)
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

/*
 * The node of kind at path, or NULL when absent or null; a node of another
 * kind is an error (exit 2: expected what).
 */
static const struct cfg *
node_at(const struct cfg *map, const char *path, enum cfg_kind kind,
    const char *what)
{
	const struct cfg *c = walk(map, path, 1);

	if (c == NULL || cfg_is_null(c))
		return NULL;
	if (c->kind != kind)
		cfg_expected(c, what);
	return c;
}

/* A scalar value at path, or NULL when absent or null. */
static const struct cfg *
scalar(const struct cfg *map, const char *path, const char *what)
{
	return node_at(map, path, CFG_SCALAR, what);
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
	static struct buf b; /* (static: an error may jump over it) */
	long long v;
	int rc;

	if (c == NULL)
		return dflt;
	if ((rc = parse_int(c->s, c->n, &v)) == 0)
		return v;
	if (rc == -1)
		cfg_expected(c, _("an integer"));
	buf_reset(&b);
	u8_show(&b, c->s, c->n, CFG_SHOW_MAX);
	cfg_error(c, _("integer out of range, got '%s'"), b.p);
}

long long
cfg_int_range(const struct cfg *map, const char *path, long long dflt,
    long long min, long long max)
{
	const struct cfg *c = scalar(map, path, _("an integer"));
	static struct buf b; /* (static: an error may jump over it) */
	long long v;

	if (c == NULL)
		return dflt;
	if (parse_int(c->s, c->n, &v) == 0 && v >= min && v <= max)
		return v;
	buf_reset(&b);
	u8_show(&b, c->s, c->n, CFG_SHOW_MAX);
	cfg_error(c, _("expected an integer from %lld to %lld, got '%s'"), min,
	    max, b.p);
}

int
cfg_enum(const struct cfg *map, const char *path, const char *const *names,
    int dflt)
{
	const struct cfg *c;
	static struct buf want; /* (static: an error may jump over it) */
	int i;

	buf_reset(&want);
	buf_adds(&want, _("one of "));
	for (i = 0; names[i] != NULL; i++)
		buf_printf(&want, "%s%s", i > 0 ? ", " : "", names[i]);
	if ((c = scalar(map, path, want.p)) == NULL)
		return dflt;
	for (i = 0; names[i] != NULL; i++)
		if (strcmp(c->s, names[i]) == 0)
			return i;
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
	return node_at(map, path, CFG_SEQ, _("a list"));
}

const struct cfg *
cfg_map(const struct cfg *map, const char *path)
{
	return node_at(map, path, CFG_MAP, _("a mapping"));
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
void
cfg_known_in(const struct cfg *sec, const char *path, const char *const *known)
{
	const char *near;
	struct buf k = { 0 };
	const char *f;
	size_t i;
	int l, c;

	if (sec == NULL || cfg_is_null(sec))
		return;
	if (sec->kind != CFG_MAP)
		cfg_expected(sec, _("a mapping"));
	for (i = 0; i < sec->len; i++) {
		if (cfg_is_known(sec->keys[i], known))
			continue;
		buf_reset(&k);
		u8_show(&k, sec->keys[i], strlen(sec->keys[i]), CFG_SHOW_MAX);
		near = u8_nearest(sec->keys[i], known);
		f = sec->v[i]->file;
		l = sec->keyline[i];
		c = sec->keycol[i];
		if (path != NULL && near != NULL)
			cfg_report(f, l, c,
			    _("unknown key '%s' in '%s' (did you mean '%s'?)"),
			    k.p, path, near);
		else if (path != NULL)
			cfg_report(f, l, c, _("unknown key '%s' in '%s'"), k.p,
			    path);
		else if (near != NULL)
			cfg_report(f, l, c,
			    _("unknown key '%s' (did you mean '%s'?)"), k.p,
			    near);
		else
			cfg_report(f, l, c, _("unknown key '%s'"), k.p);
	}
	buf_free(&k);
}

/* Is every key of map sec among known? */
static int
all_known(const struct cfg *sec, const char *const *known)
{
	size_t i;

	for (i = 0; i < sec->len; i++)
		if (!cfg_is_known(sec->keys[i], known))
			return 0;
	return 1;
}

void
cfg_known(const struct cfg *section, const char *const *known)
{
	const struct cfg *root = cfg_root();
	struct buf path = { 0 };

	if (section == NULL || cfg_is_null(section))
		return;
	if (section->kind == CFG_MAP && all_known(section, known))
		return; /* the path, costly to find, only for a message */
	buf_grow(&path, 0);
	if (section != root && root != NULL && path_of(root, section, &path))
		cfg_known_in(section, path.p, known);
	else
		cfg_known_in(section, NULL, known);
	buf_free(&path);
}
