/*
 * rej: rejected records, and the count of records read.  A rejected
 * record is reported on stderr with its file and line (the first 10 of
 * each reason; then one line per reason with its count at the end, unless
 * verbose), counted for the closing summary ("3 of 3851 records
 * rejected", at zl_finish, which then returns at least ZL_REJECTED), and
 * written to the --reject file: a file of one format with one header (the
 * input's fields, _error and _raw), each record as it was read, or its
 * values in the header's columns, or when it cannot be split, in _raw.
 * With --strict the first one ends the program (exit 1).  A program that
 * computes figures calls rej_figures() before it writes them: above
 * max-rejected it writes none.
 */
#ifndef REJ_H
#define REJ_H

#include "rd.h"

/*
 * Reject a record: "prog: FILE:LINE: message" on stderr, the record as
 * read plus an _error field into the --reject file, counted for the
 * summary; with --strict the program stops (exit 1).
 */
void rec_reject(const struct rec *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same, counted under reason (a format; the summary shows it) when
 * fmt is not one ("%s"). */
void rec_reject_as(const struct rec *r, const char *reason, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));
/*
 * For a thread reading records for another (case-stats -j): the records
 * it rejects are handed to fn (the message made, the reason as above),
 * on that thread, not reported; fn NULL: reported again.  The other
 * thread reports them later, in the order it wants, with rej_report.
 */
typedef void rej_hook(void *arg, const struct rec *r, const char *reason,
    const char *msg);
void rej_capture(rej_hook *fn, void *arg);
void rej_report(const struct rec *r, const char *reason, const char *msg);
/*
 * A copy of rec (its fields and raw) that outlives the reader's buffer,
 * for a record rejected after the reading (free() it); its head is the
 * reader's, so the reader stays open until then.
 */
struct rec *rec_keep(const struct rec *rec);
/*
 * A rejection a thread reading a part holds for the main thread
 * (rej_capture's hook): rej_hold adds one to the list *v (*n of *cap; at:
 * where the caller puts it among its records); rej_held_report reports it
 * with its line moved by shift and frees what it kept; rej_held_clear
 * frees what n of them kept (not the list).
 */
struct rej_held {
	struct rec *rec; /* rec_keep's; NULL once reported */
	const char *reason;
	char *msg;
	size_t at;
};
void rej_hold(struct rej_held **v, size_t *n, size_t *cap, const struct rec *r,
    const char *reason, const char *msg, size_t at);
void rej_held_report(struct rej_held *h, long shift);
void rej_held_clear(struct rej_held *v, size_t n);
/*
 * The same in memory of the caller's (for many records, in big blocks
 * rather than a malloc each): rec_keep_size(rec) bytes, a multiple of 8,
 * at mem, aligned to 8.
 */
size_t rec_keep_size(const struct rec *rec);
struct rec *rec_keep_at(const struct rec *rec, void *mem);
/*
 * Exit 2 when the --reject file is one of the inputs (the same path, or
 * the same file; none or "-": standard input) or the standard output.
 */
void rej_check(const char *path, int nin, char *const *in);
/*
 * For a reader of sheets (rd's noheader): the header row of the sheet
 * whose rows follow.  The first one is the --reject file's header; the
 * rows of a later sheet go into the columns of the same names.
 */
void rej_header(const struct str *names, size_t n);
/*
 * The --reject file: written to a temporary file beside it (readable by
 * its owner only: rejected records may hold personal data), renamed into
 * place by zl_finish; after a fatal error an existing file is left as it
 * was.  Exit 3 when it cannot be made.
 */
void rej_open(const char *path);
void rej_strict(int on);
/* Show every rejected record's message, not the first 10 of a reason. */
void rej_verbose(int on);
/* Begin the --reject file with a byte-order mark (for Excel). */
void rej_bom(int on);

/*
 * max-rejected: more than n records rejected (bp -1), or more than bp
 * hundredths of a percent of the records read and more than 10 of them,
 * or all of them when bp is under 100% (n -1).  The default is 1%.
 */
struct rej_limit {
	int bp;
	long long n;
};
/* Parse "N" or "P%" (P up to 100, two decimals at most): 0, or -1. */
int rej_limit_parse(const char *s, struct rej_limit *l);
void rej_limit_set(const struct rej_limit *l);
/*
 * Before figures are written: when more records were rejected than
 * max-rejected allows, end the run (exit 1) with the summary, saying that
 * no figures were written.
 */
void rej_figures(void);
/* Records rejected so far. */
unsigned long long rej_count(void);
/* Where the last record rejected begins (NULL and 0 before any): for a
 * program whose rows take values from the rows above (grid-import). */
void rej_last(const char **file, long *line);

/* Records read, counted by the readers as they read them (rejected ones
 * too): the total of the summary. */
extern unsigned long long rej_nread;
static inline void
rej_read(void)
{
	rej_nread++;
}
/* What was read as a record is none (a header line repeated). */
static inline void
rej_unread(void)
{
	rej_nread--;
}

#endif
