/*
 * intern: strings kept once each, numbered in the order first put (0, 1,
 * ...), found again by hash: a program keeps the number, 4 bytes, where
 * it would keep the text (ids, names, activities of millions of records).
 */
#ifndef INTERN_H
#define INTERN_H

#include <stdint.h>

#include "zl.h"

struct intern;

struct intern *intern_new(void);
void intern_free(struct intern *t);
/* The number of s, put when it is new (its bytes copied). */
uint32_t intern_put(struct intern *t, struct str s);
/* The number of s, which the caller knows is new (it keeps an index of
 * its own): numbered, kept, but not in the table (no hash, no lookup).
 * A table of strings appended is not to be put to or searched. */
uint32_t intern_append(struct intern *t, struct str s);
/* The number of s, or -1 when it was never put. */
long long intern_find(const struct intern *t, struct str s);
/* Room for n strings in all (the table made that large at once, not
 * grown step by step as they are put). */
void intern_reserve(struct intern *t, size_t n);
/* The number of s as intern_put, hv its hash, str_hash(s.p, s.n, 0)
 * (found before, by another thread). */
uint32_t intern_put_hashed(struct intern *t, struct str s,
    unsigned long long hv);
/* The place of the string of hash hv (str_hash(s.p, s.n, 0)) in the
 * table fetched into a cache, for a put soon (rows read ahead). */
void intern_prefetch(const struct intern *t, unsigned long long hv);
/* String number id (NUL-terminated; valid until intern_free). */
struct str intern_get(const struct intern *t, uint32_t id);
/* How many strings were put. */
uint32_t intern_len(const struct intern *t);
/* rank[id]: the place of string id in byte order (free() it). */
uint32_t *intern_ranks(const struct intern *t);

#endif
