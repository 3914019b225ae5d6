/*
 * wr_int.h: what the files of the wr module share.  wr.c writes the text
 * formats and hands an xlsx output to wr_xlsx.c.
 */
#ifndef WR_INT_H
#define WR_INT_H

#include "lib/wr.h"

struct wx;

/*
 * An xlsx workbook of one sheet for the header names[nf] (bold, frozen)
 * and column types (NULL: all COL_AUTO), built in a temporary file and
 * copied to standard output by wx_close.  A terminal on standard output,
 * a temporary file that cannot be made, too many columns: exit with a
 * message.
 */
struct wx *wx_open(size_t nf, const struct str *names,
    const unsigned char *types);
void wx_rec(struct wx *x, const struct str *f);
void wx_close(struct wx *x);

#endif
