/*
 * fld: fields by canonical name and alias (DESIGN.md section 2).  Each
 * program declares the fields it knows in its own folder (FLD_DECLARE):
 * canonical name, Chinese title (what --zh writes), the aliases district
 * spreadsheets use, numeric or not.  The configuration's aliases: section
 * adds more (fld_setup).  Matching ignores ASCII case and surrounding
 * spaces.  Resolve once per header, never per record.
 */
#ifndef FLD_H
#define FLD_H

#include "rd.h"

struct fld {
	const char *name;    /* canonical, English snake_case; NULL ends */
	const char *zh;	     /* Chinese column title (--zh) */
	const char *aliases; /* built-in aliases, '|' separated */
	int num;	     /* a number: a JSON number, right-aligned */
};

/*
 * Declare a table of fields (ended by a field whose name is NULL).  Two
 * programs may both declare a field (zhili-cat knows every program's):
 * with the same title, their aliases add up; an alias may not name two
 * fields.  Either is an internal error (abort).
 */
void fld_declare(const struct fld *table);
/* Declare table before main runs: in the file that defines it. */
#define FLD_DECLARE(table)                                                 \
	__attribute__((constructor)) static void fld_declare_##table(void) \
	{                                                                  \
		fld_declare(table);                                        \
	}

/*
 * Read and check the configuration's aliases: section (canonical name:
 * [alias, ...]); errors exit 2 naming file:line:col.  After cfg_setup.
 */
void fld_setup(void);
/* The canonical name aliases: gives a header name, or NULL. */
const char *fld_alias(struct str name);

/* The field a header name stands for (by name, title or alias), or NULL. */
const struct fld *fld_lookup(struct str name);
/* Canonical name of a header name, or NULL (for rd_opts.canon). */
const char *fld_canon(struct str name, void *arg);
/* Chinese title of a canonical name (the name itself when unknown). */
const char *fld_zh(const char *name);
/* 1 when the field named (canonical) is a number. */
int fld_num(const char *name);
/*
 * A writer's header of canonical names: names[i] the name, or with zh its
 * Chinese title; types[i] (may be NULL) COL_NUM for a number, else COL_STR.
 */
void fld_header(const char *const *cols, size_t n, int zh, struct str *names,
    unsigned char *types);
/*
 * Column of the reader's header that holds the field named (canonical),
 * by name or alias; -1 when there is none.
 */
long fld_col(const struct rd *r, const char *name);
/* The column of the first of the fields named ("a|b|c") the header has,
 * or -1. */
long fld_col_first(const struct rd *r, const char *names);
/*
 * As fld_col, but a missing field is an error naming the file, the field
 * and its aliases (exit 3), as fld_need_all.
 */
long fld_need(const struct rd *r, const char *name);
/*
 * Each field named (a NULL-ended list of canonical names) must be in the
 * reader's header: else one error (exit 3) names every one missing, with
 * its title and aliases, the header's names, and the aliases: line that
 * would map the headers nearest to them, when any are alike.
 */
void fld_need_all(const struct rd *r, const char *const *names);

#endif
