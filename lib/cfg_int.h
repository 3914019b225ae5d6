/*
 * cfg_int: what the files of module cfg share and no other module sees
 * (lib/cfg.c, lib/cfg_print.c).
 */
#ifndef CFG_INT_H
#define CFG_INT_H

#include <stddef.h>

/* A plain scalar that reads as null: nothing, ~, null, Null or NULL. */
int cfg_null_word(const char *s, size_t n);

#endif
