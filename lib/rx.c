/*
 * rx: PCRE2 in UTF mode with Unicode properties, safe on invalid UTF-8
 * subjects, JIT where available, with limits against hostile patterns.
 *
 * Patterns are compiled by the main thread, with one compile context.
 * Each thread that matches (case-stats -j) has its own match context,
 * match data block and JIT stack, made on its first match from the main
 * one (the limits) and freed when the thread ends; the compiled patterns
 * are shared.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "lib/cfg.h"
#include "lib/rx.h"
#include "lib/utf8.h"
#include "lib/zl.h"

#define RX_MAX_PATTERN	 (64u << 10) /* bytes in a pattern */
#define RX_MAX_PARENS	 64	     /* nesting of parentheses */
#define RX_MATCH_LIMIT	 1000000     /* default for regex.match-limit */
#define RX_DEPTH_LIMIT	 100000	     /* backtracking depth (interpreter) */
#define RX_HEAP_LIMIT	 (64u << 10) /* KiB of backtracking frames */
#define RX_JIT_STACK_MIN (32u << 10)
#define RX_JIT_STACK_MAX (1u << 20)
#define RX_SHOW_MAX	 200 /* characters of a pattern shown in a message */

struct rx {
	pcre2_code *code;
	char *pat; /* NUL-terminated copy */
	size_t n;
	int jit; /* JIT-compiled: matched without pcre2_match's checks */
};

static pcre2_compile_context *ccx;
static pcre2_match_context *mcx; /* the limits, each thread's copied */
static uint32_t match_limit = RX_MATCH_LIMIT;
static int limit_read; /* regex.match-limit read from a configuration */
static _Thread_local char errmsg[256];

/* A thread's own: what a match writes. */
struct mine {
	pcre2_match_context *mcx;
	pcre2_match_data *md;
	pcre2_jit_stack *js; /* NULL: PCRE2 without JIT */
	uint32_t limit;	     /* match_limit when mcx was set */
};
static _Thread_local struct mine *mine;
static pthread_key_t mine_key; /* frees a thread's when it ends */
static pthread_once_t mine_once = PTHREAD_ONCE_INIT;

/*
 * Read regex.match-limit when a configuration is loaded; until then the
 * default stands.
 */
static void
read_limit(void)
{
	const struct cfg *root;

	if ((root = cfg_root()) == NULL)
		return;
	match_limit = (uint32_t)cfg_int_range(root, "regex.match-limit",
	    RX_MATCH_LIMIT, 1, UINT32_MAX);
	pcre2_set_match_limit(mcx, match_limit);
	limit_read = 1;
}

static void
setup(void)
{
	if (ccx != NULL)
		return;
	if ((ccx = pcre2_compile_context_create(NULL)) == NULL ||
	    (mcx = pcre2_match_context_create(NULL)) == NULL)
		zl_die(ZL_IOERR, _("regex: out of memory"));
	pcre2_set_max_pattern_length(ccx, RX_MAX_PATTERN);
	pcre2_set_parens_nest_limit(ccx, RX_MAX_PARENS);
	pcre2_set_match_limit(mcx, RX_MATCH_LIMIT);
	pcre2_set_depth_limit(mcx, RX_DEPTH_LIMIT);
	pcre2_set_heap_limit(mcx, RX_HEAP_LIMIT);
}

static void
mine_free(void *p)
{
	struct mine *m = p;

	pcre2_match_data_free(m->md);
	pcre2_jit_stack_free(m->js);
	pcre2_match_context_free(m->mcx);
	free(m);
}

static void
mine_key_make(void)
{
	if (pthread_key_create(&mine_key, mine_free) != 0)
		zl_die(ZL_IOERR, _("regex: out of memory"));
}

/* This thread's match context, data and JIT stack, made on first use. */
static struct mine *
mine_get(void)
{
	struct mine *m = mine;

	if (m != NULL) {
		if (m->limit != match_limit) /* (a configuration read since) */
			pcre2_set_match_limit(m->mcx, m->limit = match_limit);
		return m;
	}
	setup();
	pthread_once(&mine_once, mine_key_make);
	m = xcalloc(1, sizeof *m);
	if ((m->mcx = pcre2_match_context_copy(mcx)) == NULL ||
	    (m->md = pcre2_match_data_create(1, NULL)) == NULL)
		zl_die(ZL_IOERR, _("regex: out of memory"));
	m->limit = match_limit;
	/* NULL when PCRE2 was built without JIT: nothing to assign then. */
	m->js = pcre2_jit_stack_create(RX_JIT_STACK_MIN, RX_JIT_STACK_MAX,
	    NULL);
	if (m->js != NULL)
		pcre2_jit_stack_assign(m->mcx, NULL, m->js);
	if (pthread_setspecific(mine_key, m) != 0)
		zl_die(ZL_IOERR, _("regex: out of memory"));
	return mine = m;
}

/* Characters in the first off bytes of p; an invalid byte counts as one. */
static size_t
u8chars(const char *p, size_t n, size_t off)
{
	size_t i, len, nc;
	unsigned cp;

	if (off > n)
		off = n;
	for (i = nc = 0; i < off; i += len ? len : 1, nc++)
		len = u8_decode(p + i, n - i, &cp);
	return nc;
}

struct rx *
rx_compile(const char *pat, size_t n, unsigned flags, const char *file,
    long line, long col)
{
	struct rx *re;
	pcre2_code *code;
	PCRE2_UCHAR msg[256];
	static struct buf shown; /* (static: an error may jump over it) */
	PCRE2_SIZE off;
	uint32_t opt;
	int err;

	setup();
	read_limit();
	if (pat == NULL)
		pat = "";
	opt = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
	    PCRE2_NEVER_BACKSLASH_C;
	if (flags & RX_CASELESS)
		opt |= PCRE2_CASELESS;
	code = pcre2_compile((PCRE2_SPTR)pat, n, opt, &err, &off, ccx);
	if (code == NULL) {
		if (pcre2_get_error_message(err, msg, sizeof msg) < 0)
			snprintf((char *)msg, sizeof msg, "error %d", err);
		buf_reset(&shown);
		u8_show(&shown, pat, n, RX_SHOW_MAX);
		cfg_error_at(file, line, col, _("regex '%s': %s at offset %zu"),
		    shown.p, (char *)msg, u8chars(pat, n, off));
	}
	/* Without JIT (or with execmem denied) the interpreter runs. */
	re = xmalloc(sizeof *re);
	re->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
	re->code = code;
	re->pat = xstrndup(pat, n);
	re->n = n;
	return re;
}

void
rx_config(void)
{
	setup();
	read_limit();
}

struct rx *
rx_compile_cfg(const struct cfg *node, unsigned flags)
{
	(void)cfg_scalar_str(node);
	return rx_compile(node->s, node->n, flags, node->file, node->line,
	    node->col);
}

int
rx_search(const struct rx *re, const char *s, size_t n, size_t *so, size_t *eo)
{
	PCRE2_SIZE *ov;
	PCRE2_UCHAR msg[sizeof errmsg];
	struct mine *m;
	int rc;

	if (!limit_read)
		read_limit();
	m = mine_get();
	if (s == NULL)
		s = "";
	rc = re->jit ?
	    pcre2_jit_match(re->code, (PCRE2_SPTR)s, n, 0, 0, m->md, m->mcx) :
	    pcre2_match(re->code, (PCRE2_SPTR)s, n, 0, 0, m->md, m->mcx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		switch (rc) {
		case PCRE2_ERROR_MATCHLIMIT:
			snprintf(errmsg, sizeof errmsg, "%s",
			    _("match limit exceeded"));
			break;
		case PCRE2_ERROR_DEPTHLIMIT:
		case PCRE2_ERROR_HEAPLIMIT:
		case PCRE2_ERROR_JIT_STACKLIMIT:
			/* One message whether the JIT ran or not. */
			snprintf(errmsg, sizeof errmsg, "%s",
			    _("match depth limit exceeded"));
			break;
		default:
			if (pcre2_get_error_message(rc, msg, sizeof msg) < 0)
				snprintf((char *)msg, sizeof msg, "%d", rc);
			snprintf(errmsg, sizeof errmsg, _("match error: %s"),
			    (char *)msg);
		}
		return -1;
	}
	/* rc 0: the ovector holds only the whole match, which is enough. */
	ov = pcre2_get_ovector_pointer(m->md);
	if (so != NULL)
		*so = ov[0];
	if (eo != NULL)
		*eo = ov[1];
	return 1;
}

const char *
rx_errmsg(void)
{
	return errmsg;
}

const char *
rx_pattern(const struct rx *re)
{
	return re->pat;
}

void
rx_free(struct rx *re)
{
	if (re == NULL)
		return;
	pcre2_code_free(re->code);
	free(re->pat);
	free(re);
}
