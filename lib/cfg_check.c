/*
 * cfg_check: configuration errors, fatal or kept.  Outside a check an
 * error exits 2 as it is found.  During a check (cfg_check_begin, what
 * --print-config runs) every error is kept: cfg_report returns, an
 * error that cannot go on (cfg_error) ends the innermost cfg_try; and
 * cfg_check_end prints them in the order of the files and lines, each
 * once, so that one run shows everything wrong in a file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cfg.h"
#include "lib/cfg_int.h"
#include "lib/zl.h"

struct kept {
	const char *file; /* not copied: files outlive the check */
	long line, col;
	char *msg;
	size_t seq; /* the order found, for a stable sort */
};

static struct {
	int on;
	struct kept *v;
	size_t n, cap;
	jmp_buf *jb; /* the innermost cfg_try */
} chk;

void
cfg_check_begin(void)
{
	chk.on = 1;
	chk.n = 0;
}

static int
kept_cmp(const void *a, const void *b)
{
	const struct kept *x = a, *y = b;
	int r;

	if ((x->file == NULL) != (y->file == NULL))
		return x->file == NULL ? -1 : 1;
	if (x->file != NULL && (r = strcmp(x->file, y->file)) != 0)
		return r;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
same_place(const struct kept *a, const struct kept *b)
{
	return ((a->file == NULL && b->file == NULL) ||
		   (a->file != NULL && b->file != NULL &&
		       strcmp(a->file, b->file) == 0)) &&
	    a->line == b->line && a->col == b->col &&
	    strcmp(a->msg, b->msg) == 0;
}

size_t
cfg_check_end(void)
{
	size_t i, n = 0;

	if (chk.n > 0)
		qsort(chk.v, chk.n, sizeof *chk.v, kept_cmp);
	for (i = 0; i < chk.n; i++) {
		if (i == 0 || !same_place(&chk.v[i - 1], &chk.v[i])) {
			zl_warn_col(chk.v[i].file, chk.v[i].line, chk.v[i].col,
			    "%s", chk.v[i].msg);
			n++;
		}
	}
	for (i = 0; i < chk.n; i++)
		free(chk.v[i].msg);
	free(chk.v);
	memset(&chk, 0, sizeof chk);
	return n;
}

int
cfg_checking(void)
{
	return chk.on;
}

static void
vreport(const char *file, long line, long col, const char *fmt, va_list ap)
{
	struct buf b = { 0 };

	if (!chk.on) {
		zl_vwarn_col(file, line, col, fmt, ap);
		zl_exit(ZL_USAGE);
	}
	buf_vprintf(&b, fmt, ap);
	if (chk.n == chk.cap)
		chk.v = xgrow(chk.v, &chk.cap, 16, sizeof *chk.v);
	chk.v[chk.n].file = file;
	chk.v[chk.n].line = line;
	chk.v[chk.n].col = col;
	chk.v[chk.n].msg = b.p;
	chk.v[chk.n].seq = chk.n;
	chk.n++;
}

/* An error kept at node (NULL: no place). */
static void
vreport_node(const struct cfg *node, const char *fmt, va_list ap)
{
	if (node == NULL)
		vreport(NULL, 0, 0, fmt, ap);
	else
		vreport(node->file, node->line, node->col, fmt, ap);
}

void
cfg_report(const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(file, line, col, fmt, ap);
	va_end(ap);
}

void
cfg_report_node(const struct cfg *node, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport_node(node, fmt, ap);
	va_end(ap);
}

void
cfg_report_expected(const struct cfg *node, const char *what)
{
	static struct buf b; /* (static: an error may jump over it) */

	buf_reset(&b);
	buf_grow(&b, 0);
	cfg_describe(&b, node);
	cfg_report_node(node, _("expected %s, got %s"), what, b.p);
}

/* After an error kept: back to the innermost cfg_try (none: exit 2). */
static _Noreturn void
unwind(void)
{
	if (chk.jb != NULL)
		longjmp(*chk.jb, 1);
	(void)cfg_check_end();
	zl_exit(ZL_USAGE);
}

void
cfg_error_at(const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(file, line, col, fmt, ap);
	va_end(ap);
	unwind();
}

void
cfg_error(const struct cfg *node, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport_node(node, fmt, ap);
	va_end(ap);
	unwind();
}

int
cfg_try(void (*fn)(const void *arg), const void *arg)
{
	jmp_buf jb, *was = chk.jb;

	if (!chk.on) {
		fn(arg);
		return 0;
	}
	chk.jb = &jb;
	if (setjmp(jb) != 0) {
		chk.jb = was;
		return -1;
	}
	fn(arg);
	chk.jb = was;
	return 0;
}

int
cfg_builtin(const struct cfg *node)
{
	return node != NULL && node->file != NULL &&
	    strcmp(node->file, _("zhili.yaml (built-in)")) == 0;
}

void
cfg_check_words(const struct cfg *m, const char *key)
{
	const struct cfg *l = cfg_at(m, key);
	size_t i;

	if (l == NULL || cfg_is_null(l))
		return;
	if (l->kind != CFG_SEQ) {
		cfg_report_expected(l, _("a list"));
		return;
	}
	for (i = 0; i < l->len; i++)
		if (l->v[i]->kind != CFG_SCALAR || cfg_is_null(l->v[i]))
			cfg_report_expected(l->v[i], _("a string"));
}
