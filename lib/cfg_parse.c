/*
 * cfg_parse: YAML text to the tree, read with libyaml's event API.
 * Anchors and aliases are refused, and tags but !replace and !words (kept
 * on the node, for the merge: cfg.h), the nesting depth is checked as
 * the events arrive (before libyaml's cost grows with it), duplicate keys
 * and unknown sections are errors.  An error names the line and column as
 * libyaml counts them.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "lib/cfg.h"
#include "lib/cfg_int.h"
#include "lib/utf8.h"
#include "lib/zl.h"

/* A list or mapping being read, and the keys it has so far. */
struct frame {
	struct cfg *node;
	char *key; /* CFG_MAP: the key whose value comes next */
	int kline, kcol;
	size_t *slot; /* CFG_MAP: hash of key index + 1, 0 empty */
	size_t nslot;
};

struct parse {
	const char *text, *file;
	size_t n;
	struct frame st[CFG_MAX_DEPTH];
	int depth;
	struct cfg *root;
	int ndoc;
	int any_section; /* the built-in text: its sections are the known */
	long line, col;	 /* of the error */
	struct buf msg;
};

static struct cfg *
node_new(enum cfg_kind kind, const char *file, const yaml_mark_t *m)
{
	struct cfg *c = xcalloc(1, sizeof *c);

	c->kind = kind;
	c->file = file;
	c->line = (int)m->line + 1;
	c->col = (int)m->column + 1;
	return c;
}

static int
fail(struct parse *ps, long line, long col, const char *fmt, ...)
{
	va_list ap;

	ps->line = line;
	ps->col = col;
	buf_reset(&ps->msg);
	va_start(ap, fmt);
	buf_vprintf(&ps->msg, fmt, ap);
	va_end(ap);
	return -1;
}

static void offset_pos(const struct parse *ps, size_t off, long *line,
    long *col);

/*
 * Line and column of a mark.  libyaml puts the end of a text without a
 * last line end on the line after it (which the file does not have): the
 * end is after the last character of the last line.
 */
static void
mark_pos(const struct parse *ps, const yaml_mark_t *m, long *line, long *col)
{
	offset_pos(ps, ps->n, line, col); /* the end */
	if ((long)m->line + 1 > *line)
		return;
	*line = (long)m->line + 1;
	*col = (long)m->column + 1;
}

static int
fail_at(struct parse *ps, const yaml_mark_t *m, const char *fmt, ...)
{
	va_list ap;

	mark_pos(ps, m, &ps->line, &ps->col);
	buf_reset(&ps->msg);
	va_start(ap, fmt);
	buf_vprintf(&ps->msg, fmt, ap);
	va_end(ap);
	return -1;
}

/* Line and column (in characters, as libyaml counts) of a byte offset. */
static void
offset_pos(const struct parse *ps, size_t off, long *line, long *col)
{
	const unsigned char *t = (const unsigned char *)ps->text;
	size_t i, start = 0;

	if (off > ps->n)
		off = ps->n;
	*line = 1;
	if (ps->n >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0 && off >= 3)
		start = 3;
	for (i = start; i < off; i++)
		if (t[i] == '\n' ||
		    (t[i] == '\r' && (i + 1 >= ps->n || t[i + 1] != '\n'))) {
			++*line;
			start = i + 1;
		}
	*col = 1;
	for (i = start; i < off; i++)
		if ((t[i] & 0xC0) != 0x80)
			++*col;
}

static int
syntax_error(struct parse *ps, const yaml_parser_t *yp)
{
	const char *problem = yp->problem ? yp->problem : _("syntax error");
	const unsigned char *t = (const unsigned char *)ps->text;
	struct buf bytes = { 0 };
	size_t off, end, i;
	long line, col;

	switch (yp->error) {
	case YAML_MEMORY_ERROR:
		return fail(ps, 0, 0, _("out of memory"));
	case YAML_READER_ERROR:
		off = yp->problem_offset;
		if (yp->problem_value == 0) {
			offset_pos(ps, off, &line, &col);
			return fail(ps, line, col,
			    _("NUL bytes are not allowed"));
		}
		if (strstr(problem, "UTF-8") == NULL) {
			offset_pos(ps, off, &line, &col);
			if (yp->problem_value == -1)
				return fail(ps, line, col, "%s", problem);
			return fail(ps, line, col, "%s (U+%04X)", problem,
			    (unsigned)yp->problem_value);
		}
		/* Show the bad sequence from its first byte. */
		if (ps->n == 0)
			return fail(ps, 1, 1, "%s", problem);
		if (off >= ps->n)
			off = ps->n - 1;
		end = off + 1;
		if (strstr(problem, "trailing") != NULL) {
			while (off > 0 && (t[off - 1] & 0xC0) == 0x80)
				off--;
			if (off > 0 && t[off - 1] >= 0xC0)
				off--;
		} else if (strstr(problem, "incomplete") != NULL)
			end = ps->n;
		offset_pos(ps, off, &line, &col);
		for (i = off; i < end && i < off + 4; i++)
			buf_printf(&bytes, " %02X", t[i]);
		fail(ps, line, col,
		    _("invalid UTF-8 (bytes%s): save the file as UTF-8"),
		    bytes.p);
		buf_free(&bytes);
		return -1;
	default:
		if (yp->context == NULL)
			return fail_at(ps, &yp->problem_mark, "%s", problem);
		mark_pos(ps, &yp->context_mark, &line, &col);
		return fail_at(ps, &yp->problem_mark,
		    _("%s (%s at line %ld, column %ld)"), problem, yp->context,
		    line, col);
	}
}

static size_t
hash(const char *s, size_t n)
{
	return (size_t)str_hash(s, n, 0);
}

/* Index of a key the mapping of f already has, or -1. */
static long
key_seen(const struct frame *f, const char *k, size_t kn)
{
	size_t i, ix;

	if (f->nslot == 0)
		return -1;
	for (i = hash(k, kn) & (f->nslot - 1); f->slot[i] != 0;
	     i = (i + 1) & (f->nslot - 1)) {
		ix = f->slot[i] - 1;
		if (strncmp(f->node->keys[ix], k, kn) == 0 &&
		    f->node->keys[ix][kn] == '\0')
			return (long)ix;
	}
	return -1;
}

static void
key_add(struct frame *f, size_t ix)
{
	const char *k;
	size_t i, j;

	if ((ix + 1) * 2 > f->nslot) {
		free(f->slot);
		f->nslot = f->nslot == 0 ? 16 : f->nslot * 2;
		f->slot = xcalloc(f->nslot, sizeof *f->slot);
		for (j = 0; j < ix; j++)
			key_add(f, j);
	}
	k = f->node->keys[ix];
	for (i = hash(k, strlen(k)) & (f->nslot - 1); f->slot[i] != 0;
	     i = (i + 1) & (f->nslot - 1))
		;
	f->slot[i] = ix + 1;
}

/* A finished node: the document's root, an item, a key or a value. */
static int
add_node(struct parse *ps, struct cfg *c, const yaml_mark_t *m)
{
	struct buf b = { 0 };
	struct frame *f;
	const char *near;
	long k;

	if (ps->depth == 0) {
		ps->root = c;
		return 0;
	}
	f = &ps->st[ps->depth - 1];
	if (f->node->kind == CFG_SEQ) {
		cfg_push(f->node, c, NULL, 0, 0);
		return 0;
	}
	if (f->key != NULL) {
		cfg_push(f->node, c, f->key, f->kline, f->kcol);
		f->key = NULL;
		key_add(f, f->node->len - 1);
		return 0;
	}
	/* A key: a scalar (collections are refused at their start). */
	if (c->n == 0) {
		cfg_free(c);
		return fail_at(ps, m, _("a key must not be empty or null"));
	}
	u8_show(&b, c->s, c->n, CFG_SHOW_MAX);
	if ((k = key_seen(f, c->s, c->n)) >= 0) {
		fail_at(ps, m, _("duplicate key '%s' (first at line %d)"), b.p,
		    f->node->keyline[k]);
		buf_free(&b);
		cfg_free(c);
		return -1;
	}
	if (ps->depth == 1 && !ps->any_section &&
	    !cfg_is_known(c->s, cfg_known_sections())) {
		struct buf e = { 0 };
		long line, col;

		if ((near = u8_nearest(c->s, cfg_known_sections())) != NULL)
			buf_printf(&e,
			    _("unknown section '%s' (did you mean '%s'?)"), b.p,
			    near);
		else
			buf_printf(&e, _("unknown section '%s'"), b.p);
		if (!cfg_checking()) {
			fail_at(ps, m, "%s", e.p);
			buf_free(&e);
			buf_free(&b);
			cfg_free(c);
			return -1;
		}
		/* a check (--print-config) goes on to the rest of the file */
		mark_pos(ps, m, &line, &col);
		cfg_report(ps->file, line, col, "%s", e.p);
		buf_free(&e);
	}
	buf_free(&b);
	f->key = c->s;
	f->kline = c->line;
	f->kcol = c->col;
	c->s = NULL;
	cfg_free(c);
	return 0;
}

/* The tags known: the merge's (cfg_merge). */
static const char *const known_tags[] = { CFG_REPLACE, CFG_WORDS, NULL };

/* The tag of the node that starts with ev: 0, the tag in *out (NULL:
 * none), or -1 when it is refused. */
static int
take_tag(struct parse *ps, const yaml_event_t *ev, const yaml_char_t *tag,
    char **out)
{
	const char *t = (const char *)tag, *near;
	const struct frame *f;
	struct buf b = { 0 };

	*out = NULL;
	if (tag == NULL)
		return 0;
	u8_show(&b, t, strlen(t), CFG_SHOW_MAX);
	f = ps->depth > 0 ? &ps->st[ps->depth - 1] : NULL;
	if (!cfg_is_known(t, known_tags)) {
		if ((near = u8_nearest(t, known_tags)) != NULL)
			fail_at(ps, &ev->start_mark,
			    _("unknown tag '%s' (did you mean '%s'?)"), b.p,
			    near);
		else
			fail_at(ps, &ev->start_mark,
			    _("unknown tag '%s' (the tags are '%s' and '%s')"),
			    b.p, CFG_REPLACE, CFG_WORDS);
	} else if (f == NULL)
		fail_at(ps, &ev->start_mark,
		    _("tag '%s' on the whole file: put it on a value"), b.p);
	else if (f->node->kind == CFG_MAP && f->key == NULL)
		fail_at(ps, &ev->start_mark,
		    _("tag '%s' on a key: put it after the colon"), b.p);
	else
		*out = xstrdup(t);
	buf_free(&b);
	return *out != NULL ? 0 : -1;
}

int
cfg_null_word(const char *s, size_t n)
{
	return n == 0 || (n == 1 && s[0] == '~') ||
	    (n == 4 &&
		(memcmp(s, "null", 4) == 0 || memcmp(s, "Null", 4) == 0 ||
		    memcmp(s, "NULL", 4) == 0));
}

static int
on_scalar(struct parse *ps, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	struct cfg *c;
	char *tag;

	if (ev->data.scalar.anchor != NULL)
		return fail_at(ps, &ev->start_mark,
		    _("anchors and aliases are not supported"));
	if (memchr(v, '\0', n) != NULL)
		return fail_at(ps, &ev->start_mark,
		    _("NUL bytes are not allowed"));
	if (take_tag(ps, ev, ev->data.scalar.tag, &tag) != 0)
		return -1;
	c = node_new(CFG_SCALAR, ps->file, &ev->start_mark);
	c->tag = tag;
	c->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
	if (!c->quoted && cfg_null_word(v, n))
		n = 0;
	c->s = xstrndup(v, n);
	c->n = n;
	return add_node(ps, c, &ev->start_mark);
}

static int
on_start(struct parse *ps, const yaml_event_t *ev, enum cfg_kind kind)
{
	const yaml_char_t *anchor, *tag;
	struct frame *f;
	char *t;

	if (kind == CFG_SEQ) {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	} else {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	}
	if (anchor != NULL)
		return fail_at(ps, &ev->start_mark,
		    _("anchors and aliases are not supported"));
	if (ps->depth > 0) {
		f = &ps->st[ps->depth - 1];
		if (f->node->kind == CFG_MAP && f->key == NULL)
			return fail_at(ps, &ev->start_mark,
			    _("a key must be a plain value, "
			      "not a list or mapping"));
	}
	if (ps->depth == CFG_MAX_DEPTH)
		return fail_at(ps, &ev->start_mark,
		    _("nesting deeper than %d levels"), CFG_MAX_DEPTH);
	if (take_tag(ps, ev, tag, &t) != 0)
		return -1;
	f = &ps->st[ps->depth++];
	memset(f, 0, sizeof *f);
	f->node = node_new(kind, ps->file, &ev->start_mark);
	f->node->tag = t;
	return 0;
}

static int
on_end(struct parse *ps, const yaml_event_t *ev)
{
	struct frame *f = &ps->st[--ps->depth];
	struct cfg *c = f->node;

	free(f->slot);
	memset(f, 0, sizeof *f);
	return add_node(ps, c, &ev->start_mark);
}

static int
on_event(struct parse *ps, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (ps->ndoc++ > 0)
			return fail_at(ps, &ev->start_mark,
			    _("more than one document (only one is allowed)"));
		return 0;
	case YAML_ALIAS_EVENT:
		return fail_at(ps, &ev->start_mark,
		    _("anchors and aliases are not supported"));
	case YAML_SCALAR_EVENT:
		return on_scalar(ps, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_start(ps, ev, CFG_SEQ);
	case YAML_MAPPING_START_EVENT:
		return on_start(ps, ev, CFG_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return on_end(ps, ev);
	default:
		return 0;
	}
}

static int
parse(struct parse *ps)
{
	yaml_parser_t yp;
	yaml_event_t ev;
	int rc = 0, type = 0;
	struct cfg *r;

	if (ps->n > CFG_MAX_SIZE)
		return fail(ps, 0, 0, _("file larger than 1 MiB"));
	if (!yaml_parser_initialize(&yp))
		return fail(ps, 0, 0, _("out of memory"));
	yaml_parser_set_input_string(&yp, (const unsigned char *)ps->text,
	    ps->n);
	do {
		if (!yaml_parser_parse(&yp, &ev)) {
			rc = syntax_error(ps, &yp);
			break;
		}
		rc = on_event(ps, &ev);
		type = ev.type;
		yaml_event_delete(&ev);
	} while (rc == 0 && type != YAML_STREAM_END_EVENT);
	yaml_parser_delete(&yp);
	if (rc != 0)
		return rc;
	r = ps->root;
	if (r == NULL || cfg_is_null(r)) {
		yaml_mark_t m = { 0, 0, 0 };

		cfg_free(r);
		ps->root = node_new(CFG_MAP, ps->file, &m);
	} else if (r->kind != CFG_MAP) {
		struct buf b = { 0 };

		cfg_describe(&b, r);
		fail(ps, r->line, r->col,
		    _("expected a mapping of sections at the top level, "
		      "got %s"),
		    b.p);
		buf_free(&b);
		return -1;
	}
	return 0;
}

static void
parse_free(struct parse *ps)
{
	int i;

	for (i = 0; i < ps->depth; i++) {
		cfg_free(ps->st[i].node);
		free(ps->st[i].key);
		free(ps->st[i].slot);
	}
	ps->depth = 0;
	cfg_free(ps->root);
	ps->root = NULL;
	buf_free(&ps->msg);
}

int
cfg_parse(const char *text, size_t n, const char *file, struct cfg **out,
    struct buf *err)
{
	struct parse ps;

	memset(&ps, 0, sizeof ps);
	ps.text = text;
	ps.n = n;
	ps.file = file;
	*out = NULL;
	if (parse(&ps) == 0) {
		*out = ps.root;
		ps.root = NULL;
		parse_free(&ps);
		return 0;
	}
	if (err != NULL) {
		buf_reset(err);
		buf_adds(err, file);
		if (ps.line > 0)
			buf_printf(err, ":%ld", ps.line);
		if (ps.line > 0 && ps.col > 0)
			buf_printf(err, ":%ld", ps.col);
		buf_printf(err, ": %s", ps.msg.p);
	}
	parse_free(&ps);
	return -1;
}

/* Parse or exit 2 (any_section: the built-in text). */
struct cfg *
cfg_load(const char *text, size_t n, const char *file, int any_section)
{
	struct parse ps;
	struct cfg *c;

	memset(&ps, 0, sizeof ps);
	ps.text = text;
	ps.n = n;
	ps.file = file;
	ps.any_section = any_section;
	if (parse(&ps) != 0)
		zl_die_col(ZL_USAGE, file, ps.line, ps.col, "%s", ps.msg.p);
	c = ps.root;
	ps.root = NULL;
	parse_free(&ps);
	return c;
}
