/*
 * fld: fields by canonical name and alias (DESIGN.md section 2).  The
 * toolkit's known fields, their Chinese titles and built-in aliases are one
 * table (fields.c); the configuration's aliases: section adds more.
 * Matching ignores case and surrounding spaces.  Resolve once per header.
 */
#ifndef FLD_H
#define FLD_H

#include "rec.h"

struct fld {
	const char *name;    /* canonical, English snake_case */
	const char *zh;	     /* Chinese column title (--zh) */
	const char *aliases; /* built-in aliases, '|' separated */
};

extern const struct fld fld_table[];
extern const size_t fld_ntable;

/* The known field a header name stands for, or NULL. */
const struct fld *fld_lookup(struct str name);
/* Canonical name of a header name, or NULL (for rd_opts.canon). */
const char *fld_canon(struct str name, void *arg);
/* Chinese title of a canonical name (the name itself when unknown). */
const char *fld_zh(const char *name);
/* Output names for a header: Chinese titles when zh. */
void fld_titles(const char *const *names, size_t n, int zh, struct str *out);
/*
 * Column of the reader's header that holds the field named (canonical),
 * by name or alias; -1 when there is none.
 */
long fld_col(const struct rd *r, const char *name);
/*
 * As fld_col, but a missing field is an error naming the file, the field
 * and its aliases (exit 3).
 */
long fld_need(const struct rd *r, const char *name);

#endif
