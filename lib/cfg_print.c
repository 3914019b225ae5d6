/*
 * cfg_print: the configuration as YAML that loads again to the same tree
 * (--print-config prints the effective one): block style, lists of
 * values in flow style, a scalar plain when it was written so and reads
 * back the same, else double-quoted; a tag before its value.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/cfg.h"
#include "lib/cfg_int.h"
#include "lib/utf8.h"
#include "lib/zl.h"

#define MAX_SIMPLE_KEY 1000 /* longer keys are printed as "? key" */
#define WRAP_COL       78   /* cfg_print breaks lists of values before it */

/* A character YAML lets stand as itself in any scalar. */
static int
printable(unsigned c)
{
	return (c >= 0x20 && c <= 0x7E) ||
	    (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029) ||
	    (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) ||
	    (c >= 0x10000 && c <= 0x10FFFF);
}

/* s can be written as a plain scalar in block context and reads back. */
static int
plain_ok(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned c;
	size_t i, k;

	if (cfg_null_word(s, n) || u[0] == ' ' || u[n - 1] == ' ')
		return 0;
	if (strchr("?:,[]{}#&*!|>'\"%@`", u[0]) != NULL)
		return 0;
	if (u[0] == '-' && (n == 1 || u[1] == ' ' || strncmp(s, "---", 3) == 0))
		return 0;
	if (n >= 3 && strncmp(s, "...", 3) == 0)
		return 0;
	for (i = 0; i < n; i += k) {
		if ((k = u8_decode(s + i, n - i, &c)) == 0 || !printable(c))
			return 0;
		if (c == ':' && (i + 1 == n || u[i + 1] == ' '))
			return 0;
		if (c == '#' && u[i - 1] == ' ')
			return 0;
	}
	return 1;
}

static void
put_quoted(struct buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned c;
	size_t i, k;

	buf_addc(b, '"');
	for (i = 0; i < n; i += k) {
		if ((k = u8_decode(s + i, n - i, &c)) == 0) {
			/* Not from a parsed file: keep the byte's value. */
			buf_printf(b, "\\x%02X", u[i]);
			k = 1;
		} else if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", (int)c);
		else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c == '\r')
			buf_adds(b, "\\r");
		else if (printable(c))
			buf_add(b, s + i, k);
		else if (c <= 0xFF)
			buf_printf(b, "\\x%02X", c);
		else if (c <= 0xFFFF)
			buf_printf(b, "\\u%04X", c);
		else
			buf_printf(b, "\\U%08X", c);
	}
	buf_addc(b, '"');
}

static void
put_scalar(struct buf *b, const struct cfg *c)
{
	if (cfg_is_null(c))
		buf_addc(b, '~');
	else if (!c->quoted && plain_ok(c->s, c->n))
		buf_add(b, c->s, c->n);
	else
		put_quoted(b, c->s, c->n);
}

/* A value's tag, and a space, before it (when it has one). */
static void
put_tag(struct buf *b, const struct cfg *c)
{
	if (c->tag != NULL) {
		buf_adds(b, c->tag);
		buf_addc(b, ' ');
	}
}

static void
indent(struct buf *b, int n)
{
	while (n-- > 0)
		buf_addc(b, ' ');
}

static int
is_leaf(const struct cfg *c)
{
	return c->kind == CFG_SCALAR || c->len == 0;
}

static void
put_leaf(struct buf *b, const struct cfg *c)
{
	put_tag(b, c);
	if (c->kind == CFG_SCALAR)
		put_scalar(b, c);
	else
		buf_adds(b, c->kind == CFG_MAP ? "{}" : "[]");
	buf_addc(b, '\n');
}

/* A non-empty list of scalars, printed in flow style. */
static int
is_scalar_list(const struct cfg *c)
{
	size_t i;

	if (c->kind != CFG_SEQ || c->len == 0)
		return 0;
	for (i = 0; i < c->len; i++)
		if (c->v[i]->kind != CFG_SCALAR)
			return 0;
	return 1;
}

/*
 * "[a, b, c]" from the current column, lines broken before column
 * WRAP_COL and continued at column ind.
 */
void
cfg_put_flow(struct buf *b, const char *s, size_t n)
{
	char *t = xstrndup(s, n); /* (s need not end in a NUL) */

	if (strlen(t) == n && plain_ok(t, n) && strpbrk(t, ",[]{}:") == NULL)
		buf_add(b, t, n);
	else
		put_quoted(b, s, n);
	free(t);
}

static void
put_flow(struct buf *b, const struct cfg *c, int ind)
{
	struct buf item = { 0 };
	const char *nl;
	size_t i, col;

	put_tag(b, c);
	buf_addc(b, '[');
	nl = memrchr(b->p, '\n', b->n);
	col = nl == NULL ? b->n : b->n - (size_t)(nl - b->p) - 1;
	for (i = 0; i < c->len; i++) {
		const struct cfg *v = c->v[i];

		buf_reset(&item);
		put_tag(&item, v);
		if (cfg_is_null(v))
			buf_addc(&item, '~');
		else if (!v->quoted)
			cfg_put_flow(&item, v->s, v->n);
		else
			put_quoted(&item, v->s, v->n);
		if (i > 0 && col + 2 + item.n + 1 > WRAP_COL) {
			buf_adds(b, ",\n");
			indent(b, ind);
			col = (size_t)ind;
		} else if (i > 0) {
			buf_adds(b, ", ");
			col += 2;
		}
		buf_add(b, item.p, item.n);
		col += item.n;
	}
	buf_adds(b, "]\n");
	buf_free(&item);
}

/*
 * A non-empty list or mapping in block style, its items at column ind; the
 * first item continues the current line when inline (after "- ").
 */
static void
put_block(struct buf *b, const struct cfg *c, int ind, int inl)
{
	struct buf key = { 0 };
	size_t i;

	for (i = 0; i < c->len; i++) {
		if (i > 0 || !inl)
			indent(b, ind);
		if (c->kind == CFG_SEQ) {
			buf_addc(b, '-');
			buf_addc(b, ' ');
			if (is_leaf(c->v[i]))
				put_leaf(b, c->v[i]);
			else if (is_scalar_list(c->v[i]))
				put_flow(b, c->v[i], ind + 2);
			else if (c->v[i]->tag != NULL) {
				buf_adds(b, c->v[i]->tag);
				buf_addc(b, '\n');
				put_block(b, c->v[i], ind + 2, 0);
			} else
				put_block(b, c->v[i], ind + 2, 1);
			continue;
		}
		buf_reset(&key);
		if (plain_ok(c->keys[i], strlen(c->keys[i])))
			buf_adds(&key, c->keys[i]);
		else
			put_quoted(&key, c->keys[i], strlen(c->keys[i]));
		if (key.n > MAX_SIMPLE_KEY) {
			/* libyaml reads simple keys of 1024 characters. */
			buf_adds(b, "? ");
			buf_add(b, key.p, key.n);
			buf_addc(b, '\n');
			indent(b, ind);
		} else
			buf_add(b, key.p, key.n);
		buf_addc(b, ':');
		if (is_leaf(c->v[i])) {
			buf_addc(b, ' ');
			put_leaf(b, c->v[i]);
		} else if (is_scalar_list(c->v[i])) {
			buf_addc(b, ' ');
			put_flow(b, c->v[i], ind + 2);
		} else {
			if (c->v[i]->tag != NULL) {
				buf_addc(b, ' ');
				buf_adds(b, c->v[i]->tag);
			}
			buf_addc(b, '\n');
			put_block(b, c->v[i], ind + 2, 0);
		}
	}
	buf_free(&key);
}

void
cfg_print(struct buf *b, const struct cfg *c)
{
	if (c == NULL)
		buf_adds(b, "{}\n");
	else if (is_leaf(c))
		put_leaf(b, c);
	else
		put_block(b, c, 0, 0);
}
