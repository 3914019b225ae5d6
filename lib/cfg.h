/*
 * cfg: the YAML configuration (DESIGN.md section 5), read with libyaml's
 * event API into a small tree.  The default, etc/zhili.yaml, is compiled in;
 * -c FILE or $ZHILI_CONFIG is merged over it key by key (maps merge,
 * scalars and sequences replace, but word lists add; a value tagged
 * !replace replaces, a map too; see cfg_merge).
 *
 * Errors name file:line:column and what was expected, and exit 2.
 *
 * Null: a plain scalar written as nothing, ~, null, Null or NULL is null,
 * kept as a CFG_SCALAR with s "" (n 0) and quoted 0; cfg_is_null() tells.
 * A quoted "" is an empty string, not null.  The getters treat null as
 * absent (they return dflt), and cfg_merge() lets a null leave the value
 * below it as it was.
 */
#ifndef CFG_H
#define CFG_H

#include <stddef.h>

#include "zl.h"

#define CFG_MAX_DEPTH 64	 /* nested lists and mappings */
#define CFG_MAX_SIZE  (1 << 20)	 /* bytes of one file */
#define CFG_SHOW_MAX  60	 /* characters of a value in a message */
#define CFG_REPLACE   "!replace" /* the tag of a value that replaces */
#define CFG_WORDS     "!words"	 /* the tag of a word list, or a group */

enum cfg_kind { CFG_SCALAR, CFG_SEQ, CFG_MAP };

struct cfg {
	enum cfg_kind kind;
	const char *file; /* where it was written */
	int line, col;	  /* 1-based */
	/* CFG_SCALAR */
	char *s; /* NUL-terminated */
	size_t n;
	int quoted; /* written in quotes or as a block scalar */
	/* CFG_SEQ and CFG_MAP: len items in the order written */
	size_t len;
	struct cfg **v;
	char **keys; /* CFG_MAP only */
	int *keyline, *keycol;
	char *tag; /* the tag written before it (CFG_REPLACE, CFG_WORDS), or
		      NULL */
};

/*
 * A program's own section: its name (the program's), its keys, NULL
 * terminated (NULL: not checked here), and check, NULL or a function that
 * checks its values (sec: the section, NULL when absent), reporting each
 * bad one (cfg_report_node, or cfg_error where it cannot go on).
 * Declared before cfg_setup (CFG_SECTION in a file every program links,
 * see the Makefile: so one zhili.yaml is checked the same by every
 * program), it is a known section, and a key in it that is not one of
 * keys is an error naming the nearest known key.  Declaring one twice
 * declares it once.
 */
struct cfg_section {
	const char *name;
	const char *const *keys;
	void (*check)(const struct cfg *sec);
};
void cfg_declare(const struct cfg_section *s);
/* Declare section s before main runs: in the file that defines it. */
#define CFG_SECTION(s)                                                 \
	__attribute__((constructor)) static void cfg_declare_##s(void) \
	{                                                              \
		cfg_declare(&s);                                       \
	}
/* Run the check of every section declared (after cfg_setup). */
void cfg_check_sections(void);

/*
 * Parse YAML text into a tree.  0, or -1 with the message (with file:line:col)
 * in err.  Used by cfg_setup and by the tests.  file is not copied: it must
 * outlive the tree.  The top level is a mapping of known sections: those of
 * the built-in etc/zhili.yaml and those declared (an empty text gives an
 * empty mapping).
 */
int cfg_parse(const char *text, size_t n, const char *file, struct cfg **out,
    struct buf *err);
void cfg_free(struct cfg *c);
/*
 * Merge over into base, key by key: mappings merge recursively, scalars and
 * sequences replace, a null in over changes nothing.  But a list of base
 * tagged !words, a word list (one that maps words to what they mean,
 * DESIGN.md section 5), takes the words of over's list added to its own;
 * and a mapping of base tagged !words is a group of word lists in which a
 * word means one thing: over's lists add to its lists, and a word over
 * gives under one key leaves base's lists under the others (a word over
 * gives under two of its keys is an error, exit 2).  A value of over
 * tagged !replace replaces what is below it whatever it is (a word list is
 * not added to, a mapping is not merged, a null empties); over's !words
 * tags change nothing.  over is consumed (base takes ownership of its
 * nodes; do not use or free it afterwards).
 */
void cfg_merge(struct cfg *base, struct cfg *over);
/* 1 when node is a null scalar. */
int cfg_is_null(const struct cfg *node);
/* 1 when node is tagged !replace. */
int cfg_replaces(const struct cfg *node);
/* 1 when a and b have the same shape, keys, values and tags (quoting
 * aside). */
int cfg_equal(const struct cfg *a, const struct cfg *b);

/*
 * Load the effective configuration: the compiled-in default, then file (or
 * $ZHILI_CONFIG when file is NULL) merged over it; check the sections
 * money: and regex: and the keys of the sections declared.  Exits 2 on
 * any error.
 */
void cfg_setup(const char *file);
/*
 * Another configuration beside the effective one (worker-salary's old
 * scale): the built-in text with file merged over it as cfg_setup merges
 * -c, its sections' keys and the declared sections' values checked as
 * cfg_setup and cfg_check_sections check them (exit 2 naming
 * file:line:col).  cfg_root() is not changed.  file is not copied: it
 * must outlive the tree; cfg_free frees the tree.
 */
struct cfg *cfg_load_other(const char *file);
/* The effective configuration (after cfg_setup; NULL before). */
const struct cfg *cfg_root(void);
/* The user's file (-c or $ZHILI_CONFIG) as it was written, before the
 * merge; NULL when there is none.  Its file is the file's name. */
const struct cfg *cfg_user(void);
/*
 * Advice, for a message, on adding words to lists of the configuration,
 * worded for the user's file as it is, so that following it works.
 * cfg_advice_add notes word (n bytes) for the list at path (dotted, from
 * the top: "case-stats.statuses.closed") in adds (NULL: a new tree; the
 * tree is returned, cfg_free frees it).  cfg_advice appends the advice to
 * b: with no file, "put this line in a file given with -c: case-stats:
 * {statuses: {closed: [已结]}}"; with a file without the section, "add
 * this line to FILE: ..."; with part of the path there, "add under
 * 'statuses' (FILE:LINE): closed: [已结]"; with the list there, "add 已结
 * to the list 'closed' (FILE:LINE)"; with a null there, "write 'statuses'
 * (FILE:LINE) as: statuses: {closed: [已结]}"; clauses separated by "; ".
 * Words and keys are written as YAML reads them back (quoted when they
 * must be).
 */
struct cfg *cfg_advice_add(struct cfg *adds, const char *path, const char *word,
    size_t n);
void cfg_advice(struct buf *b, const struct cfg *adds);
/* The compiled-in etc/zhili.yaml. */
extern const char cfg_default_text[];
extern const size_t cfg_default_len;

/*
 * Node at a dotted path below map ("calendar.2025.holidays"), or NULL; the
 * empty path "" is map itself (so the getters also read items of lists).
 * map may be NULL (absent).
 */
const struct cfg *cfg_at(const struct cfg *map, const char *path);

/*
 * Typed getters: the value at path below map, dflt when absent; a value of
 * the wrong type is a configuration error (exit 2, file:line:col).
 */
const char *cfg_str(const struct cfg *map, const char *path, const char *dflt);
long long cfg_int(const struct cfg *map, const char *path, long long dflt);
/* An integer from min to max. */
long long cfg_int_range(const struct cfg *map, const char *path, long long dflt,
    long long min, long long max);
/* Index of the value in names (NULL terminated), dflt when absent. */
int cfg_enum(const struct cfg *map, const char *path, const char *const *names,
    int dflt);
int cfg_bool(const struct cfg *map, const char *path, int dflt);
/* A decimal number as written ("0.08", "12"), checked; dflt when absent. */
const char *cfg_decimal(const struct cfg *map, const char *path,
    const char *dflt);
/* A date (days since 1970-01-01); dflt when absent. */
long cfg_date(const struct cfg *map, const char *path, long dflt);
/* A sequence or map node, or NULL when absent; wrong kind: exit 2. */
const struct cfg *cfg_seq(const struct cfg *map, const char *path);
const struct cfg *cfg_map(const struct cfg *map, const char *path);
/* Scalar node checks on their own (for items of sequences); a list,
 * mapping or null is an error. */
const char *cfg_scalar_str(const struct cfg *node);
_Noreturn void cfg_error(const struct cfg *node, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void cfg_error_at(const char *file, long line, long col,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* "expected WHAT, got VALUE" (what node is): exit 2. */
_Noreturn void cfg_expected(const struct cfg *node, const char *what);

/*
 * Checking the whole configuration (--print-config).  Outside a check a
 * configuration error exits 2 as it is found.  Between cfg_check_begin
 * and cfg_check_end every error is kept instead: cfg_report and its
 * kin return (the caller goes on with the next value), and an error
 * that cannot go on (cfg_error, cfg_expected, the getters) ends the
 * innermost cfg_try, which returns -1 (outside a check cfg_try just
 * runs fn).  cfg_check_end prints the errors kept, in the order of the
 * files and lines, each once, and returns their number.  So one run
 * shows every error of a file, and a normal run stops at the first of
 * the same errors.
 */
void cfg_check_begin(void);
size_t cfg_check_end(void);
int cfg_checking(void);
int cfg_try(void (*fn)(const void *arg), const void *arg);
void cfg_report(const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void cfg_report_node(const struct cfg *node, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void cfg_report_expected(const struct cfg *node, const char *what);
/* Check that key of m, when given, is a list of strings (else reported). */
void cfg_check_words(const struct cfg *m, const char *key);
/* 1 when node was written in the built-in text, not in a user's file. */
int cfg_builtin(const struct cfg *node);

/*
 * The keys a program owns: a key in section (a map) not in known[] (NULL
 * terminated) is an error naming the nearest known key.
 */
void cfg_known(const struct cfg *section, const char *const *known);

/* The configuration as YAML that loads again to the same tree. */
void cfg_print(struct buf *b, const struct cfg *c);
/* A scalar as YAML reads it back in a list or mapping in flow style
 * ([a, b], {k: v}): plain when it can be, else double-quoted. */
void cfg_put_flow(struct buf *b, const char *s, size_t n);

#endif
