/*
 * zhili-cat: --partition, the records written into N files by a stable
 * hash of one field (partition.c).
 */
#ifndef ZHILI_CAT_PARTITION_H
#define ZHILI_CAT_PARTITION_H

#include "lib/rd.h"

#define PARTS_MAX 256 /* --parts: at most (each an open file) */

/*
 * The part (0 .. nparts-1) of a value: FNV-1a 64 of its UTF-8 bytes,
 * trimmed and full-width folded (b: room for that), mixed by fmix64,
 * modulo nparts.
 */
size_t part_of(struct str v, size_t nparts, struct buf *b);
/* --partition: the column of the field (-1: none, an empty input), the
 * parts, their prefix. */
struct partition {
	long col;
	size_t n;
	const char *prefix;
};
/*
 * Write the records of r into the parts, prefix00.EXT ... (-o tsv, csv or
 * json), each begun with the header names (types as wr_open takes them),
 * each record into the part of its value of the field; cols (nf of them,
 * NULL: every field) as -f picks them.  A part that is one of the inputs
 * (nin files in) is a usage error, found before any part is written.
 */
void partition_run(struct rd *r, const struct partition *pt, const long *cols,
    size_t nf, const struct str *names, const unsigned char *types, int nin,
    char *const *in);

#endif
