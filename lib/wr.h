/*
 * wr: record writers (DESIGN.md section 2): tsv, csv, json (JSON Lines),
 * table (aligned for a terminal), md (Markdown) and xlsx (a workbook, made
 * by lib/wr_xlsx.c), on standard output (out).
 */
#ifndef WR_H
#define WR_H

#include "rd.h"
#include "zl.h"

/*
 * Column types for writers: json numbers, right-aligned table columns,
 * xlsx numbers (only in COL_NUM columns; elsewhere text, or a date).
 */
enum { COL_STR, COL_NUM, COL_AUTO };

#define WR_BOM 1u

struct wr;

/*
 * names[nf]: the header; types: NULL (all COL_AUTO) or one per field.
 * WR_BOM: a UTF-8 byte-order mark first (not in table and xlsx).
 */
struct wr *wr_open(int fmt, size_t nf, const struct str *names,
    const unsigned char *types, unsigned flags);
void wr_rec(struct wr *w, const struct str *f);
/*
 * Write a record as rd_next gave it (fast paths for TSV to TSV, and from
 * a TSV line or a clean record): its fields come from its raw line,
 * unquoted or unescaped, and the reader's padding lets both be read past
 * their ends.
 */
void wr_rec_from(struct wr *w, const struct rec *r);
void wr_close(struct wr *w);
/*
 * For a program that writes many records of numbers, a record built as a
 * line by the program: wr_lines is 1 when w writes each record as one
 * line as it comes (tsv, csv), then the line may be written with out_room
 * and out_wrote (lib/out): its fields separated by wr_sep, each text field
 * as wr_text gives it (escaped or quoted as the format needs), a number
 * as it is (digits, a point, a minus sign: nothing to escape), and '\n'.
 */
int wr_lines(const struct wr *w);
char wr_sep(const struct wr *w);
void wr_text(const struct wr *w, struct buf *b, const char *s, size_t n);

/*
 * Would fmt write to a terminal on fd?  xlsx (a binary workbook) must not:
 * wr_refuse_terminal exits 2 with a message saying to redirect standard
 * output to a file; cli_setup and wr_open call it.
 */
int wr_to_terminal(int fmt, int fd);
void wr_refuse_terminal(int fmt);

/* A field for TSV (the four escapes), appended to b. */
void tsv_escape(struct buf *b, const char *s, size_t n);
/*
 * A field for CSV (RFC 4180), appended to b: in quotes, its quotes
 * doubled, when it holds a comma, a quote, a CR or LF, or begins or ends
 * with a space or TAB; else as it is.
 */
void csv_quote(struct buf *b, const char *s, size_t n);

#endif
