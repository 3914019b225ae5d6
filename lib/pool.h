/*
 * pool: strings kept once each.  A string put in a pool gets an id, the
 * same id each time it is put again (0, 1, 2, ... in the order first put);
 * the pool keeps a copy that never moves while the pool lives.
 */
#ifndef POOL_H
#define POOL_H

#include <stdint.h>

#include "zl.h"

struct pool;
struct pool *pool_new(void);
/* The id of s, kept when new. */
uint32_t pool_put(struct pool *p, struct str s);
/* The string of id (NUL-terminated, valid while the pool lives). */
struct str pool_get(const struct pool *p, uint32_t id);
/* How many strings the pool holds. */
uint32_t pool_len(const struct pool *p);
/* rank[id]: the place of string id in byte order (allocated: free it). */
uint32_t *pool_ranks(const struct pool *p);
void pool_free(struct pool *p);

#endif
