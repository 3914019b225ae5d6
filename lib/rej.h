/*
 * rej: rejected records, and the count of records read.  A rejected
 * record is reported on stderr with its file and line, counted for the
 * closing summary ("3 of 3851 records rejected", at zl_finish, which then
 * returns at least ZL_REJECTED), and written as it was read, plus an
 * _error field, to the --reject file.  With --strict the first one ends
 * the program (exit 1).
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
/* The --reject file (created readable by its owner only: rejected
 * records may hold personal data); exit 3 when it cannot be. */
void rej_open(const char *path);
void rej_strict(int on);
/* Records rejected so far. */
unsigned long long rej_count(void);

/* Records read, counted by the readers as they read them (rejected ones
 * too): the total of the summary. */
extern unsigned long long rej_nread;
static inline void
rej_read(void)
{
	rej_nread++;
}

#endif
