/*
 * rx: PCRE2 regular expressions in UTF mode with Unicode properties (so \w
 * matches Chinese), JIT where available, safe on invalid UTF-8 subjects,
 * with a match limit against catastrophic backtracking.
 */
#ifndef RX_H
#define RX_H

#include <stddef.h>

#include "cfg.h"

#define RX_CASELESS 1u

struct rx;

/*
 * Compile (n bytes; no NUL needed); a bad pattern is a configuration error
 * (exit 2): "prog: FILE:LINE:COL: regex 'PAT': MESSAGE at offset N", or
 * "prog: regex 'PAT': MESSAGE at offset N" when file is NULL (command
 * line).  N counts characters from 0 (an invalid byte counts as one), as
 * PCRE2's byte offset would for an ASCII pattern; PAT is shown with
 * control characters and invalid bytes escaped (\n, \xFF) and cut after
 * 200 characters.  MESSAGE is PCRE2's own (English) text.
 *
 * Every pattern is compiled with PCRE2_UTF, PCRE2_UCP (\w, \d, \b are
 * Unicode: \d matches full-width digits, use [0-9] to validate numbers),
 * PCRE2_MATCH_INVALID_UTF (invalid UTF-8 in a subject never matches and is
 * never an error) and PCRE2_NEVER_BACKSLASH_C, at most 64 KiB long with
 * parentheses nested at most 64 deep, then JIT-compiled where possible.
 */
struct rx *rx_compile(const char *pat, size_t n, unsigned flags,
    const char *file, long line, long col);
/* Compile a scalar node of the configuration (else exit 2). */
struct rx *rx_compile_cfg(const struct cfg *node, unsigned flags);
/* Read regex.match-limit now (an error: a configuration error). */
void rx_config(void);
/*
 * Search s (n bytes; no NUL needed; may be NULL when n is 0): 1 match, 0 no
 * match, -1 the match was stopped by a limit: rx_errmsg() says why ("match
 * limit exceeded", "match depth limit exceeded").  On a match *so and *eo
 * (may be NULL) get the byte offsets of the whole match.  The match limit
 * is regex.match-limit of the configuration (default 1000000), read by
 * rx_compile (and rx_search) once cfg_setup has run.  It restarts at every
 * start position: search short subjects (a field, a line).
 */
int rx_search(const struct rx *re, const char *s, size_t n, size_t *so,
    size_t *eo);
static inline int
rx_match(const struct rx *re, const char *s, size_t n)
{
	return rx_search(re, s, n, NULL, NULL);
}
const char *rx_errmsg(void);
const char *rx_pattern(const struct rx *re);
void rx_free(struct rx *re);

#endif
