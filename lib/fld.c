/*
 * fld: fields by canonical name and alias.  The tables the programs
 * declare, and the aliases of the configuration's aliases: section (sorted,
 * found by binary search).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cfg.h"
#include "lib/fld.h"
#include "lib/utf8.h"
#include "lib/wr.h"

#define MAX_TABLES 32

static const struct fld *tables[MAX_TABLES];
static size_t ntables;

/* An alias of the configuration. */
struct alias {
	char *name; /* trimmed, ASCII lower case */
	size_t n;
	const char *canon;
	const struct cfg *node;
};

static struct alias *aliases;
static size_t naliases;

/* Does name match one of the '|'-separated words of list? */
static int
in_list(struct str name, const char *list)
{
	const char *p = list;

	while (*p != '\0') {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		char word[128];

		if (n < sizeof word) {
			memcpy(word, p, n);
			word[n] = '\0';
			if (str_eqi(name, word))
				return 1;
		}
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	return 0;
}

/* The first declaration of a canonical name, or NULL. */
static const struct fld *
by_name(const char *name)
{
	const struct fld *f;
	size_t t;

	for (t = 0; t < ntables; t++)
		for (f = tables[t]; f->name != NULL; f++)
			if (strcmp(f->name, name) == 0)
				return f;
	return NULL;
}

/* A declared field a header name stands for (trimmed), or NULL. */
static const struct fld *
declared(struct str name)
{
	const struct fld *f;
	size_t t;

	for (t = 0; t < ntables; t++)
		for (f = tables[t]; f->name != NULL; f++)
			if (str_eqi(name, f->name) || str_eqi(name, f->zh) ||
			    in_list(name, f->aliases))
				return f;
	return NULL;
}

static _Noreturn void
conflict(const char *what, const char *a, const char *b)
{
	fprintf(stderr, "internal error: fld_declare: %s '%s' and '%s'\n", what,
	    a, b);
	fflush(stderr);
	abort();
}

void
fld_declare(const struct fld *table)
{
	const struct fld *f, *g;

	if (ntables == MAX_TABLES)
		conflict("too many tables", table->name, "");
	/* the same field twice: the same title; a name, title or alias of
	 * one field is not another's */
	for (f = table; f->name != NULL; f++) {
		const char *p = f->aliases, *bar;

		if ((g = by_name(f->name)) != NULL && strcmp(g->zh, f->zh) != 0)
			conflict("two titles for", f->name, f->zh);
		if ((g = declared(str_c(f->name))) != NULL &&
		    strcmp(g->name, f->name) != 0)
			conflict("one name for", g->name, f->name);
		if ((g = declared(str_c(f->zh))) != NULL &&
		    strcmp(g->name, f->name) != 0)
			conflict("one title for", g->name, f->name);
		for (; *p != '\0'; p = *bar ? bar + 1 : bar) {
			bar = p + strcspn(p, "|");
			g = declared((struct str) { p, (size_t)(bar - p) });
			if (g != NULL && strcmp(g->name, f->name) != 0)
				conflict("one alias for", g->name, f->name);
		}
	}
	tables[ntables++] = table;
}

const struct fld *
fld_lookup(struct str name)
{
	const struct fld *f;
	const char *c;

	name = str_trim(name);
	if ((f = declared(name)) != NULL)
		return f;
	/* (fld_setup lets aliases: name declared fields only) */
	if ((c = fld_alias(name)) != NULL)
		return by_name(c);
	return NULL;
}

const char *
fld_canon(struct str name, void *arg)
{
	const struct fld *f = fld_lookup(name);

	(void)arg;
	return f ? f->name : NULL;
}

const char *
fld_zh(const char *name)
{
	const struct fld *f = by_name(name);

	return f ? f->zh : name;
}

int
fld_num(const char *name)
{
	const struct fld *f = by_name(name);

	return f != NULL && f->num;
}

void
fld_header(const char *const *cols, size_t n, int zh, struct str *names,
    unsigned char *types)
{
	size_t i;

	for (i = 0; i < n; i++) {
		names[i] = str_c(zh ? fld_zh(cols[i]) : cols[i]);
		if (types != NULL)
			types[i] = fld_num(cols[i]) ? COL_NUM : COL_STR;
	}
}

long
fld_col(const struct rd *r, const char *name)
{
	const struct str *names = rd_names(r);
	size_t i, n = rd_nfields(r);

	for (i = 0; i < n; i++) {
		const char *c = fld_canon(names[i], NULL);

		if (c != NULL ? strcmp(c, name) == 0 :
				str_eqi(str_trim(names[i]), name))
			return (long)i;
	}
	return -1;
}

long
fld_col_first(const struct rd *r, const char *names)
{
	char one[64];
	const char *p = names, *bar;
	long c = -1;

	while (c < 0 && *p != '\0') {
		size_t n = (bar = strchr(p, '|')) != NULL ? (size_t)(bar - p) :
							    strlen(p);

		if (n >= sizeof one)
			zl_die(ZL_IOERR, "internal error: field name too long");
		memcpy(one, p, n);
		one[n] = '\0';
		c = fld_col(r, one);
		p += n + (bar != NULL);
	}
	return c;
}

/*
 * The aliases of every declaration of a canonical name (their aliases add
 * up), in the order declared, each once, '|' between, into b (reset).
 */
static void
all_aliases(struct buf *b, const char *name)
{
	const struct fld *f;
	const char *p, *bar;
	size_t t;

	buf_reset(b);
	buf_adds(b, "");
	for (t = 0; t < ntables; t++)
		for (f = tables[t]; f->name != NULL; f++) {
			if (strcmp(f->name, name) != 0)
				continue;
			for (p = f->aliases; *p != '\0';
			     p = *bar ? bar + 1 : bar) {
				bar = p + strcspn(p, "|");
				if (!in_list((struct str) { p,
						 (size_t)(bar - p) },
					b->p)) {
					buf_adds(b, b->n > 0 ? "|" : "");
					buf_add(b, p, (size_t)(bar - p));
				}
			}
		}
}

/* A field's title and aliases, ", " between: "事件编号, 工单号". */
static void
names_of(struct buf *b, const char *name)
{
	const struct fld *f = by_name(name);
	struct buf a = { 0 };
	const char *p;

	if (f == NULL)
		return;
	buf_adds(b, f->zh);
	all_aliases(&a, name);
	for (p = a.p; *p != '\0'; p++) {
		if (p == a.p || *p == '|')
			buf_adds(b, ", ");
		if (*p != '|')
			buf_addc(b, *p);
	}
	buf_free(&a);
}

/* How near header h is to the field name: its distance to the name, the
 * title or an alias, whichever is least; -1 when nothing is alike. */
static int
nearness(struct str h, const char *name)
{
	const struct fld *f = by_name(name);
	struct buf b = { 0 }, w = { 0 }, a = { 0 };
	const char *p, *bar;
	int best = -1, d, n;

	all_aliases(&a, name);
	p = a.p;
	buf_add(&b, h.p, h.n);
	for (n = 0; n < 2 || *p != '\0'; n++) {
		buf_reset(&w);
		if (n == 0)
			buf_adds(&w, name);
		else if (n == 1)
			buf_adds(&w, f != NULL ? f->zh : name);
		else {
			bar = p + strcspn(p, "|");
			buf_add(&w, p, (size_t)(bar - p));
			p = *bar ? bar + 1 : bar;
		}
		/* alike: at most half its characters differ */
		d = u8_distance(b.p, w.p);
		if (d >= 0 && 2 * d <= u8_distance("", w.p) &&
		    (best < 0 || d < best))
			best = d;
	}
	buf_free(&b);
	buf_free(&w);
	buf_free(&a);
	return best;
}

/*
 * The aliases: line that maps the headers no field claims to the missing
 * fields they are nearest to (nearest pairs first, each header once).
 */
static void
suggest(struct buf *b, const struct rd *r, const char **miss, size_t nmiss)
{
	const struct str *h = rd_names(r);
	size_t nh = rd_nfields(r), i, j, bi = 0, bj = 0, k;
	char used[64] = { 0 }, done[64] = { 0 };
	int d, best;

	for (k = 0; k < nmiss && k < 64; k++) {
		best = -1;
		for (i = 0; i < nmiss && i < 64; i++)
			for (j = 0; j < nh && j < 64 && !done[i]; j++) {
				if (used[j] || fld_canon(h[j], NULL) != NULL)
					continue;
				d = nearness(str_trim(h[j]), miss[i]);
				if (d >= 0 && (best < 0 || d < best)) {
					best = d;
					bi = i;
					bj = j;
				}
			}
		if (best < 0)
			break;
		done[bi] = used[bj] = 1;
		buf_adds(b, b->n == 0 ? "aliases: {" : ", ");
		buf_printf(b, "%s: [", miss[bi]);
		cfg_put_flow(b, str_trim(h[bj]).p, str_trim(h[bj]).n);
		buf_addc(b, ']');
	}
	if (b->n > 0)
		buf_addc(b, '}');
}

void
fld_need_all(const struct rd *r, const char *const *names)
{
	/* static: the message outlives the fatal error (no leak) */
	static struct buf m, s;
	const char *miss[64];
	const struct str *h = rd_names(r);
	size_t n = 0, i;

	for (; *names != NULL; names++)
		if (fld_col(r, *names) < 0 && n < 64)
			miss[n++] = *names;
	if (n == 0)
		return;
	buf_reset(&m);
	buf_reset(&s);
	buf_adds(&m, n == 1 ? _("no field ") : _("no fields "));
	for (i = 0; i < n; i++) {
		buf_printf(&m, "%s'%s'", i ? ", " : "", miss[i]);
		if (by_name(miss[i]) != NULL) {
			buf_adds(&m, " (");
			names_of(&m, miss[i]);
			buf_addc(&m, ')');
		}
	}
	if (rd_nfields(r) > 0) {
		buf_adds(&m, _("; the header has "));
		for (i = 0; i < rd_nfields(r); i++) {
			buf_adds(&m, i ? ", " : "");
			u8_show(&m, h[i].p, h[i].n, 40);
		}
	}
	suggest(&s, r, miss, n);
	if (s.n > 0)
		buf_printf(&m,
		    _("; if they are these columns, add to zhili.yaml: %s"),
		    s.p);
	zl_die_at(ZL_IOERR, rd_first_file(r), rd_header_line(r), "%s", m.p);
}

long
fld_need(const struct rd *r, const char *name)
{
	const char *names[2] = { name, NULL };

	fld_need_all(r, names);
	return fld_col(r, name);
}

/* ---- the configuration's aliases ---- */

static int
alias_cmp(const void *a, const void *b)
{
	const struct alias *x = a, *y = b;
	size_t n = x->n < y->n ? x->n : y->n;
	int r;

	if ((r = memcmp(x->name, y->name, n)) != 0)
		return r;
	return x->n < y->n ? -1 : x->n > y->n;
}

/*
 * Is header name t, given in node as an alias of canon, a declared name,
 * title or alias of another field?  Then it would do nothing (a declared
 * field comes first, in every program): 1, said.
 */
static int
taken(const char *canon, const struct cfg *node, struct str t)
{
	const struct fld *f = declared(t), *want = by_name(canon);
	struct buf b = { 0 };

	if (f == NULL || strcmp(f->name, canon) == 0)
		return 0;
	u8_show(&b, node->s, node->n, CFG_SHOW_MAX);
	if (str_eqi(t, f->name))
		cfg_report_node(node,
		    _("aliases: '%s' is the name of '%s' already (a header "
		      "name names one field in every program): head the "
		      "column '%s', %s's title"),
		    b.p, f->name, want->zh, canon);
	else if (str_eqi(t, f->zh))
		cfg_report_node(node,
		    _("aliases: '%s' is the title of '%s' already (a header "
		      "name names one field in every program): head the "
		      "column '%s', %s's title"),
		    b.p, f->name, want->zh, canon);
	else
		cfg_report_node(node,
		    _("aliases: '%s' is an alias of '%s' already (a header "
		      "name names one field in every program): head the "
		      "column '%s', %s's title"),
		    b.p, f->name, want->zh, canon);
	buf_free(&b);
	return 1;
}

static void
alias_add(size_t *cap, const char *canon, const struct cfg *node)
{
	struct str t;
	struct alias *a;
	size_t i;

	if (node->kind != CFG_SCALAR || cfg_is_null(node) ||
	    (t = str_trim((struct str) { node->s, node->n })).n == 0) {
		cfg_report_expected(node, _("a header name"));
		return;
	}
	if (taken(canon, node, t))
		return;
	if (naliases == *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		aliases = xreallocarray(aliases, *cap, sizeof *aliases);
	}
	a = &aliases[naliases++];
	a->name = xstrndup(t.p, t.n);
	a->n = t.n;
	for (i = 0; i < t.n; i++)
		if (a->name[i] >= 'A' && a->name[i] <= 'Z')
			a->name[i] += 32;
	a->canon = canon;
	a->node = node;
}

static void
alias_free(void)
{
	size_t i;

	for (i = 0; i < naliases; i++)
		free(aliases[i].name);
	free(aliases);
	aliases = NULL;
	naliases = 0;
}

static int
later(const struct cfg *a, const struct cfg *b)
{
	return a->line > b->line || (a->line == b->line && a->col > b->col);
}

/* The canonical names of every field declared, in a NULL-ended list. */
static const char **
all_names(void)
{
	static const char **names;
	const struct fld *f;
	size_t t, n = 0;

	if (names != NULL)
		return names;
	for (t = 0; t < ntables; t++)
		for (f = tables[t]; f->name != NULL; f++)
			n++;
	names = xcalloc(n + 1, sizeof *names);
	n = 0;
	for (t = 0; t < ntables; t++)
		for (f = tables[t]; f->name != NULL; f++)
			names[n++] = f->name;
	return names;
}

/* The key of aliases: entry i must be a field's canonical name: 0, or
 * -1 (said) when it is not. */
static int
alias_field(const struct cfg *sec, size_t i)
{
	const char *key = sec->keys[i], *near;
	const struct fld *f;
	struct buf b = { 0 };

	if (by_name(key) != NULL)
		return 0;
	u8_show(&b, key, strlen(key), CFG_SHOW_MAX);
	if ((f = declared(str_c(key))) != NULL)
		near = f->name; /* its title or an alias */
	else
		near = u8_nearest(key, all_names());
	if (near != NULL)
		cfg_report(sec->v[i]->file, sec->keyline[i], sec->keycol[i],
		    _("aliases: unknown field '%s' (did you mean '%s'?)"), b.p,
		    near);
	else
		cfg_report(sec->v[i]->file, sec->keyline[i], sec->keycol[i],
		    _("aliases: unknown field '%s' (a key is a field's name, "
		      "as the programs' manual pages list them)"),
		    b.p);
	buf_free(&b);
	return -1;
}

void
fld_setup(void)
{
	const struct cfg *sec, *v;
	struct buf name = { 0 };
	struct alias *a, *b;
	size_t i, j, cap = 0;

	alias_free();
	if ((sec = cfg_map(cfg_root(), "aliases")) == NULL)
		return;
	for (i = 0; i < sec->len; i++) {
		v = sec->v[i];
		if (alias_field(sec, i) != 0)
			continue;
		if (v->kind == CFG_SEQ)
			for (j = 0; j < v->len; j++)
				alias_add(&cap, sec->keys[i], v->v[j]);
		else if (v->kind == CFG_SCALAR && !cfg_is_null(v))
			alias_add(&cap, sec->keys[i], v);
		else if (v->kind == CFG_MAP)
			cfg_report_expected(v, _("a list of header names"));
	}
	if (naliases == 0)
		return;
	qsort(aliases, naliases, sizeof *aliases, alias_cmp);
	for (i = 1; i < naliases; i++) {
		a = &aliases[i - 1];
		b = &aliases[i];
		if (alias_cmp(a, b) != 0 || strcmp(a->canon, b->canon) == 0)
			continue;
		if (later(a->node, b->node)) {
			b = a;
			a = &aliases[i];
		}
		/* b is the later one */
		buf_reset(&name);
		u8_show(&name, b->node->s, b->node->n, CFG_SHOW_MAX);
		cfg_report_node(b->node,
		    _("alias '%s' is given for both '%s' and '%s'"), name.p,
		    a->canon, b->canon);
	}
	buf_free(&name);
}

static int
alias_key(const void *key, const void *elem)
{
	const struct str *s = key;
	const struct alias *a = elem;
	size_t i, n = s->n < a->n ? s->n : a->n;
	unsigned char x, y;

	for (i = 0; i < n; i++) {
		x = (unsigned char)s->p[i];
		y = (unsigned char)a->name[i];
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (x != y)
			return x < y ? -1 : 1;
	}
	return s->n < a->n ? -1 : s->n > a->n;
}

const char *
fld_alias(struct str name)
{
	const struct alias *a;

	if (naliases == 0)
		return NULL;
	name = str_trim(name);
	a = bsearch(&name, aliases, naliases, sizeof *aliases, alias_key);
	return a == NULL ? NULL : a->canon;
}
