/*
 * rec: the record stream (DESIGN.md section 2).  Readers turn TSV or CSV
 * files, UTF-8 or GB18030, into records of fields; writers turn records into
 * tsv, csv, json, table or md on standard output.
 *
 * A record's fields point into the reader's buffer and are valid until the
 * next rd_next(): a tool copies what it keeps.
 */
#ifndef REC_H
#define REC_H

#include <stdio.h>

#include "zl.h"

enum zl_fmt { FMT_AUTO, FMT_TSV, FMT_CSV, FMT_JSON, FMT_TABLE, FMT_MD };
enum zl_enc { ENC_AUTO, ENC_UTF8, ENC_GB18030 };

/* Limits against hostile input. */
#define REC_MAX_FIELD (1u << 20)  /* bytes in one field */
#define REC_MAX_RECORD (16u << 20) /* bytes in one record */
#define REC_MAX_FIELDS 10000	   /* fields in one record */

struct rd;

struct rec {
	size_t nf;	  /* number of fields: always rd_nfields() */
	struct str *f;	  /* the fields, in the order of the stream's header */
	const char *file; /* file name for diagnostics ("-" is "<stdin>") */
	long line;	  /* physical line the record starts on */
	struct str raw;	  /* the record as read (UTF-8), without its line end */
	int plain;	  /* raw is TSV in header order without escapes */
	long long pos;	  /* where rd_reread finds it again; -1: nowhere */
	struct rd *rd;	  /* the reader it came from */
};

struct rd_opts {
	int fmt;      /* FMT_AUTO, FMT_TSV or FMT_CSV */
	int enc;      /* ENC_AUTO, ENC_UTF8 or ENC_GB18030 */
	int progress; /* -1: when stderr is a terminal and input > 100 MB */
	int noheader; /* rows as they are: no header, any number of fields */
	int quiet;    /* a first pass: records that cannot be read are
			 skipped, not reported or counted; no notices */
	/*
	 * Key under which a header name matches across files (e.g. the
	 * canonical name of an alias); NULL: the trimmed name, ASCII case
	 * folded.  Returns NULL for "no canonical name".
	 */
	const char *(*canon)(struct str name, void *arg);
	void *canon_arg;
};

/*
 * Open the inputs (none, or "-", is standard input) and read the first
 * header.  An unreadable file is reported and ends the program (exit 3).
 */
struct rd *rd_open(int nfiles, char *const *files, const struct rd_opts *o);
/* Next record: 1, or 0 at the end of the last input. */
int rd_next(struct rd *r, struct rec **out);
size_t rd_nfields(const struct rd *r);
const struct str *rd_names(const struct rd *r);
/* Index of a header name (trimmed, case ignored) or -1. */
long rd_find(const struct rd *r, const char *name);
/* The file being read and the format it was detected as. */
const char *rd_file(const struct rd *r);
const char *rd_first_file(const struct rd *r);
int rd_fmt(const struct rd *r);
/* 1 when the current file's fields are in the stream's order. */
int rd_identity(const struct rd *r);
/* Records read so far, rejected ones included. */
unsigned long long rd_count(const struct rd *r);
void rd_close(struct rd *r);
/*
 * Read again the record at pos (a record's pos: UTF-8 TSV from a regular
 * file, its fields in the stream's order).  1 and *out (valid until the
 * next call), or 0 when it is no longer such a record there.  Its line is
 * 0: it is not counted or checked as a new record would be.
 */
int rd_reread(struct rd *r, long long pos, struct rec **out);
#define RD_POS_BITS 44 /* pos: file index << RD_POS_BITS | byte offset */
/* Close every reader still open (after a fatal error caught by
 * zl_exit_hook, as the fuzz targets do). */
void rd_close_all(void);
/* 1 when every input is a regular file (so it can be read twice). */
int rd_rereadable(int nfiles, char *const *files);

/*
 * Reject a record: "prog: FILE:LINE: message" on stderr, the record as
 * read plus an _error field into the --reject file, counted for the
 * summary; with --strict the program stops (exit 1).
 */
void rec_reject(const struct rec *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Set up by the command line (cli.c). */
void rej_open(const char *path);
void rej_strict(int on);
unsigned long long rej_count(void);
/* Close the --reject file: 0, or -1 after a message. */
int rej_close(void);
unsigned long long rec_total(void); /* records read by all readers */

/* Column types for writers: json numbers, right-aligned table columns. */
enum { COL_STR, COL_NUM, COL_AUTO };

#define WR_BOM 1u

struct wr;

/* names[nf]: the header; types: NULL (all COL_AUTO) or one per field. */
struct wr *wr_open(int fmt, size_t nf, const struct str *names,
    const unsigned char *types, unsigned flags);
void wr_rec(struct wr *w, const struct str *f);
/* Write a record read from a reader (fast path for TSV to TSV). */
void wr_rec_from(struct wr *w, const struct rec *r);
void wr_close(struct wr *w);

/* Buffered standard output (64 KiB and more); errors end the program. */
void out_write(const void *p, size_t n);
void out_putc(int c);
void out_puts(const char *s);
void out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int out_flush(void); /* 0, or -1 and errno */

/* Escape a field for TSV (the four escapes) into b, and back (another
 * backslash is kept as it is). */
void tsv_escape(struct buf *b, const char *s, size_t n);
void tsv_unescape(struct buf *b, const char *s, size_t n);

/* Display width on a terminal: CJK wide characters count two columns. */
size_t u8_width(const char *s, size_t n);
/* Length of the longest valid UTF-8 prefix of s (strict: no overlongs,
 * surrogates or values above U+10FFFF). */
size_t u8_valid(const char *s, size_t n);
/* 1 when s[0..n) is a valid sequence cut short (more bytes may follow). */
int u8_partial(const char *s, size_t n);
/* Decode the sequence at s (valid UTF-8 assumed): its length, *cp. */
size_t u8_decode(const char *s, size_t n, unsigned *cp);
/* Columns a code point takes: 0, 1 or 2. */
int u8_cpwidth(unsigned cp);

#endif
