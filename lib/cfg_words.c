/*
 * cfg_words: the word lists of the configuration, tagged !words in the
 * built-in one: their merge (cfg_merge), the user's words added to the
 * built-in ones, each word leaving the other lists of its group; and the
 * advice a message gives to add words, worded for the user's file as it
 * is.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/cfg.h"
#include "lib/cfg_int.h"
#include "lib/utf8.h"
#include "lib/zl.h"

/* Are a and b the same word? */
static int
same(const struct cfg *a, const struct cfg *b)
{
	return a->kind == CFG_SCALAR && b->kind == CFG_SCALAR &&
	    !cfg_is_null(a) && !cfg_is_null(b) && a->n == b->n &&
	    memcmp(a->s, b->s, a->n) == 0;
}

/* The index of word w in list l, or -1. */
static long
index_of(const struct cfg *l, const struct cfg *w)
{
	size_t i;

	for (i = 0; l != NULL && i < l->len; i++)
		if (same(l->v[i], w))
			return (long)i;
	return -1;
}

/* Take the word w out of list l. */
static void
drop(struct cfg *l, const struct cfg *w)
{
	size_t i, j = 0;

	for (i = 0; i < l->len; i++)
		if (same(l->v[i], w))
			cfg_free(l->v[i]);
		else
			l->v[j++] = l->v[i];
	l->len = j;
}

/* The words of list over that list base has not, added to it (over
 * consumed). */
static void
join(struct cfg *base, struct cfg *over)
{
	size_t i;

	for (i = 0; i < over->len; i++)
		if (index_of(base, over->v[i]) < 0)
			cfg_push(base, over->v[i], NULL, 0, 0);
		else
			cfg_free(over->v[i]);
	over->len = 0;
	cfg_free(over);
}

/* Is node a before node b in its file? */
static int
before(const struct cfg *a, const struct cfg *b)
{
	return a->line < b->line || (a->line == b->line && a->col < b->col);
}

/* A word of the group over (key in its mapping) under two of its keys is
 * an error: the later one in the file shown, the other named. */
static void
group_check(const struct cfg *over, const char *key)
{
	const struct cfg *a, *b, *w, *x;
	struct buf s = { 0 };
	size_t i, j, k;
	long at;

	for (i = 0; i < over->len; i++)
		for (j = i + 1; j < over->len; j++) {
			a = over->v[i];
			b = over->v[j];
			if (a->kind != CFG_SEQ || b->kind != CFG_SEQ)
				continue;
			for (k = 0; k < a->len; k++) {
				if ((at = index_of(b, a->v[k])) < 0)
					continue;
				w = a->v[k];
				x = b->v[at];
				buf_reset(&s);
				u8_show(&s, w->s, w->n, CFG_SHOW_MAX);
				cfg_report_node(before(w, x) ? x : w,
				    _("'%s' is under both '%s' (line %d) and "
				      "'%s' of '%s': a word means one thing"),
				    s.p, over->keys[before(w, x) ? i : j],
				    before(w, x) ? w->line : x->line,
				    over->keys[before(w, x) ? j : i], key);
			}
		}
	buf_free(&s);
}

/* The group of word lists over merged into base (both mappings). */
static void
merge_group(struct cfg *base, struct cfg *over, const char *key)
{
	size_t i, j, k, n = 0;
	long at;

	group_check(over, key);
	/* a word of over's leaves base's lists of the other keys */
	for (i = 0; i < over->len; i++)
		for (k = 0; over->v[i]->kind == CFG_SEQ && k < over->v[i]->len;
		     k++)
			for (j = 0; j < base->len; j++)
				if (strcmp(base->keys[j], over->keys[i]) != 0 &&
				    base->v[j]->kind == CFG_SEQ)
					drop(base->v[j], over->v[i]->v[k]);
	/* lists given add to base's; the rest is merged as any mapping */
	for (i = 0; i < over->len; i++) {
		at = cfg_key_index(base, base->len, over->keys[i],
		    strlen(over->keys[i]));
		if (at >= 0 && base->v[at]->kind == CFG_SEQ &&
		    over->v[i]->kind == CFG_SEQ && !cfg_replaces(over->v[i])) {
			join(base->v[at], over->v[i]);
			free(over->keys[i]);
			continue;
		}
		over->v[n] = over->v[i];
		over->keys[n] = over->keys[i];
		over->keyline[n] = over->keyline[i];
		over->keycol[n++] = over->keycol[i];
	}
	over->len = n;
	cfg_merge(base, over);
}

int
cfg_merge_words(struct cfg *base, struct cfg *over, const char *key)
{
	if (base->tag == NULL || strcmp(base->tag, CFG_WORDS) != 0 ||
	    cfg_replaces(over) || over->kind != base->kind)
		return 0;
	if (base->kind == CFG_SEQ)
		join(base, over);
	else if (base->kind == CFG_MAP)
		merge_group(base, over, key);
	else
		return 0;
	return 1;
}

/* ---- advice ---- */

static struct cfg *
node(enum cfg_kind kind)
{
	struct cfg *c = xcalloc(1, sizeof *c);

	c->kind = kind;
	return c;
}

struct cfg *
cfg_advice_add(struct cfg *adds, const char *path, const char *word, size_t n)
{
	struct cfg *c, *w;
	const char *p = path, *dot;
	long k;

	if (adds == NULL)
		adds = node(CFG_MAP);
	for (c = adds;; p = dot + 1) {
		if ((dot = strchr(p, '.')) == NULL)
			dot = p + strlen(p);
		if ((k = cfg_key_index(c, c->len, p, (size_t)(dot - p))) < 0) {
			cfg_push(c, node(*dot == '\0' ? CFG_SEQ : CFG_MAP),
			    xstrndup(p, (size_t)(dot - p)), 0, 0);
			k = (long)c->len - 1;
		}
		c = c->v[k];
		if (*dot == '\0')
			break;
	}
	w = node(CFG_SCALAR);
	w->s = xstrndup(word, n);
	w->n = n;
	if (c->kind == CFG_SEQ && index_of(c, w) < 0)
		cfg_push(c, w, NULL, 0, 0);
	else
		cfg_free(w);
	return adds;
}

/* The additions c in YAML's flow style: [a, b] or {k: [a], ...}. */
static void
put_adds(struct buf *b, const struct cfg *c)
{
	size_t i;

	buf_addc(b, c->kind == CFG_MAP ? '{' : '[');
	for (i = 0; i < c->len; i++) {
		if (i > 0)
			buf_adds(b, ", ");
		if (c->kind == CFG_MAP) {
			cfg_put_flow(b, c->keys[i], strlen(c->keys[i]));
			buf_adds(b, ": ");
			put_adds(b, c->v[i]);
		} else
			cfg_put_flow(b, c->v[i]->s, c->v[i]->n);
	}
	buf_addc(b, c->kind == CFG_MAP ? '}' : ']');
}

/* "key: {...}", the i-th addition of c. */
static void
put_entry(struct buf *b, const struct cfg *c, size_t i)
{
	cfg_put_flow(b, c->keys[i], strlen(c->keys[i]));
	buf_adds(b, ": ");
	put_adds(b, c->v[i]);
}

/* Between two clauses. */
static void
sep(struct buf *b)
{
	if (b->n > 0)
		buf_adds(b, "; ");
}

/* The clause that adds the i-th addition of c where the user's file has
 * key at of mapping u (the top of the file: at -1; no file: u NULL). */
static void
clause_new(struct buf *b, const struct cfg *c, size_t i, const struct cfg *u,
    long at)
{
	struct buf e = { 0 }, k = { 0 };

	put_entry(&e, c, i);
	sep(b);
	if (u == NULL)
		buf_printf(b, _("put this line in a file given with -c: %s"),
		    e.p);
	else if (at < 0)
		buf_printf(b, _("add this line to %s: %s"), u->file, e.p);
	else {
		u8_show(&k, u->keys[at], strlen(u->keys[at]), CFG_SHOW_MAX);
		buf_printf(b, _("add under '%s' (%s:%d): %s"), k.p, u->file,
		    u->keyline[at], e.p);
	}
	buf_free(&e);
	buf_free(&k);
}

/* The clause for the i-th addition of c, where the user's mapping u has
 * its key at j: a list there, or a null. */
static void
clause_at(struct buf *b, const struct cfg *c, size_t i, const struct cfg *u,
    long j)
{
	struct buf e = { 0 }, k = { 0 };

	u8_show(&k, u->keys[j], strlen(u->keys[j]), CFG_SHOW_MAX);
	sep(b);
	if (c->v[i]->kind == CFG_SEQ && u->v[j]->kind == CFG_SEQ) {
		put_adds(&e, c->v[i]);
		e.p[e.n - 1] = '\0'; /* the words, without [ ] */
		buf_printf(b, _("add %s to the list '%s' (%s:%d)"), e.p + 1,
		    k.p, u->file, u->keyline[j]);
	} else {
		/* a null there (anything else is an error of its own) */
		put_entry(&e, c, i);
		buf_printf(b, _("write '%s' (%s:%d) as: %s"), k.p, u->file,
		    u->keyline[j], e.p);
	}
	buf_free(&e);
	buf_free(&k);
}

/* The clauses for the additions c below the user's mapping u (NULL: no
 * file), which is key at of up (the top: at -1). */
static void
clauses(struct buf *b, const struct cfg *c, const struct cfg *u,
    const struct cfg *up, long at)
{
	size_t i;
	long j;

	for (i = 0; i < c->len; i++) {
		j = u == NULL ?
		    -1 :
		    cfg_key_index(u, u->len, c->keys[i], strlen(c->keys[i]));
		if (j < 0)
			clause_new(b, c, i, up, at);
		else if (c->v[i]->kind == CFG_MAP && u->v[j]->kind == CFG_MAP)
			clauses(b, c->v[i], u->v[j], u, j);
		else
			clause_at(b, c, i, u, j);
	}
}

void
cfg_advice(struct buf *b, const struct cfg *adds)
{
	struct buf t = { 0 };
	const struct cfg *u = cfg_user();

	buf_grow(&t, 0);
	if (adds != NULL)
		clauses(&t, adds, u, u, -1);
	buf_add(b, t.p, t.n);
	buf_free(&t);
}
