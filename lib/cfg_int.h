/*
 * cfg_int: what the files of module cfg share and no other module sees
 * (lib/cfg.c, lib/cfg_parse.c, lib/cfg_get.c, lib/cfg_print.c,
 * lib/cfg_words.c).
 */
#ifndef CFG_INT_H
#define CFG_INT_H

#include <stddef.h>

#include "lib/cfg.h"

/* cfg.c */
/* What a node is, for "got ...". */
void cfg_describe(struct buf *b, const struct cfg *c);
/* Append an item (and its key, kline and kcol for a mapping) to c. */
void cfg_push(struct cfg *c, struct cfg *v, char *key, int kline, int kcol);
/* 1 when word is one of known (NULL terminated). */
int cfg_is_known(const char *word, const char *const *known);
/* The top-level sections known: built in and declared (NULL terminated). */
const char *const *cfg_known_sections(void);
/* Index of key (kn bytes) in the first n items of map c, or -1. */
long cfg_key_index(const struct cfg *c, size_t n, const char *key, size_t kn);

/* cfg_get.c */
/* As cfg_known, with the section's path for the message (NULL: none). */
void cfg_known_in(const struct cfg *sec, const char *path,
    const char *const *known);

/* cfg_parse.c */
/* A plain scalar that reads as null: nothing, ~, null, Null or NULL. */
int cfg_null_word(const char *s, size_t n);
/* Parse or exit 2 (any_section: the built-in text, any section known). */
struct cfg *cfg_load(const char *text, size_t n, const char *file,
    int any_section);

/* cfg_words.c */
/* cfg_merge of over into base (key in its mapping) when base is tagged
 * !words: 1 when done (over consumed), 0 when the merge is cfg_merge's. */
int cfg_merge_words(struct cfg *base, struct cfg *over, const char *key);

#endif
