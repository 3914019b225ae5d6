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
 * Compile; a bad pattern is a configuration error naming file:line:col and
 * the offset in the pattern (exit 2).  file may be NULL (command line).
 */
struct rx *rx_compile(const char *pat, size_t n, unsigned flags,
    const char *file, long line, long col);
/* Compile a scalar node of the configuration. */
struct rx *rx_compile_cfg(const struct cfg *node, unsigned flags);
/*
 * 1 match, 0 no match, -1 the match was stopped (match limit, invalid
 * input): rx_errmsg() says why.  On a match *so and *eo (may be NULL) get
 * the byte offsets of the whole match.
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
