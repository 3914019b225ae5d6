/*
 * utf8: strict UTF-8 (no overlongs, surrogates or values above U+10FFFF):
 * validation, decoding, display width on a terminal, and a value as a
 * message shows it.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>

#include "zl.h"

/* Length of the longest valid UTF-8 prefix of s. */
size_t u8_valid(const char *s, size_t n);
/* The same, stopping at a NUL byte too (valid, but not text): one pass. */
size_t u8_valid_text(const char *s, size_t n);
/* 1 when s[0..n) is a valid sequence cut short (more bytes may follow). */
int u8_partial(const char *s, size_t n);
/*
 * Decode the sequence at s (n > 0 bytes there): its length and *cp, or 0
 * when it is not a valid sequence (*cp is then U+FFFD).
 */
size_t u8_decode(const char *s, size_t n, unsigned *cp);
/* Columns a code point takes: 0, 1 or 2. */
int u8_cpwidth(unsigned cp);
/* Display width on a terminal: CJK wide characters count two columns (an
 * invalid byte one). */
size_t u8_width(const char *s, size_t n);
/*
 * A value as a message shows it, appended to b: \n, \r and \t as such,
 * other control characters and bytes that are not UTF-8 as \xNN; cut after
 * max characters (never inside one), with "..." when cut.
 */
void u8_show(struct buf *b, const char *s, size_t n, size_t max);
/* A value for a message: b reset, v shown in it (40 characters at most);
 * b's text ("" when v is empty). */
const char *u8_shown(struct buf *b, struct str v);
/*
 * Optimal string alignment distance between two strings in characters
 * (code points; ASCII case ignored, a byte that is not UTF-8 one
 * character); -1 when either has more than 64.
 */
int u8_distance(const char *a, const char *b);
/*
 * The word of the NULL-terminated list known nearest to word, when it is
 * close enough to be a slip (at most a third of its characters differ,
 * at least one may; or word, of 4 bytes or more, begins it: such a word
 * first), or NULL.
 */
const char *u8_nearest(const char *word, const char *const *known);

#endif
