/*
 * rd: the record reader (DESIGN.md section 2).  Turns TSV or CSV files,
 * UTF-8, GB18030 or UTF-16, into records of fields in the order of the
 * stream's header (the first file's); the other files may have their
 * fields in another order.  A record that cannot be read is rejected
 * (rej) and the reading goes on.
 *
 * A record's fields point into the reader's buffer and are valid until the
 * next rd_next(): a tool copies what it keeps.
 */
#ifndef RD_H
#define RD_H

#include "zl.h"

enum zl_enc { ENC_AUTO, ENC_UTF8, ENC_GB18030 };

/* Limits against hostile input. */
#define REC_MAX_FIELD  (1u << 20)  /* bytes in one field */
#define REC_MAX_RECORD (16u << 20) /* bytes in one record */
#define REC_MAX_FIELDS 10000	   /* fields in one record */

struct rd;

/*
 * What a record came from, for those who write it elsewhere as it was read
 * (the --reject file): the stream's header, and the format of the file and
 * whether its fields are in the stream's order (then raw is the record).
 */
struct rd_head {
	size_t nf;
	const struct str *names;
	int fmt;      /* of the file the record came from: FMT_TSV, FMT_CSV */
	int identity; /* that file's fields are in the stream's order */
};

struct rec {
	size_t nf;	  /* number of fields: always rd_nfields() (a record
			     rejected for its count: that, with f NULL) */
	struct str *f;	  /* the fields, in the order of the stream's header */
	const char *file; /* file name for diagnostics ("-" is "<stdin>") */
	long line;	  /* physical line the record starts on */
	struct str raw;	  /* the record as read (UTF-8), without its line end */
	int plain;	  /* raw is TSV in header order without escapes */
	struct str tsv;	  /* else, the record as a TSV line without escapes
			     in header order, its fields f lying in it
			     (and 64 bytes after it readable), when the
			     reader made one (CSV); or p NULL */
	long long pos;	  /* where rd_reread finds it again; -1: nowhere */
	const struct rd_head *head; /* the stream it came from */
};

struct rd_opts {
	int fmt;      /* FMT_AUTO, FMT_TSV or FMT_CSV */
	int enc;      /* ENC_AUTO, ENC_UTF8 or ENC_GB18030 */
	int progress; /* -1: when stderr is a terminal and input > 100 MB */
	int noheader; /* rows as they are: no header, any number of fields */
	int quiet;    /* a first pass: records that cannot be read are
			 skipped, not reported or counted; no notices */
	const char *sheet; /* workbooks: the sheet (name or number), or NULL
			      for the first */
	int by_pos;	   /* records will be read again by position (rd_reread)
			      when the input allows it (rd_by_pos) */
	/*
	 * Key under which a header name matches across files (e.g. the
	 * canonical name of an alias); NULL: the trimmed name, ASCII case
	 * folded.  Returns NULL for "no canonical name".
	 */
	const char *(*canon)(struct str name, void *arg);
	void *canon_arg;
	/*
	 * The fields the program needs, a NULL-ended list (NULL: none): each
	 * a canonical name (as canon gives it), "a|b" for either, or "*" for
	 * a cell naming any field canon knows (two "*": two such cells).  A
	 * file's header is then the first row of its first RD_TITLE_ROWS
	 * that names them all; the rows above it are title rows, skipped
	 * (said on stderr, once a file), neither read nor rejected.  When no
	 * row does, the header is the first row naming most of the fields
	 * named (the first row when none names one), so that the program
	 * can say what is missing; the rows below it are records.
	 */
	const char *const *need;
};

#define RD_TITLE_ROWS 20 /* rows looked at for a header naming need */

/*
 * Open the inputs (none, or "-", is standard input) and read the first
 * header.  An unreadable file is reported and ends the program (exit 3).
 */
struct rd *rd_open(int nfiles, char *const *files, const struct rd_opts *o);
/*
 * The program reads only the first n fields of a record (in the stream's
 * order; 0: all): the reader may leave the others empty in rec.f (their
 * count still checked, every record that cannot be read still rejected,
 * rec.raw whole) and make no rec.tsv.  For a program that writes no
 * record's fields past n (no --reject file).
 */
void rd_fields_upto(struct rd *r, size_t n);
/* Next record: 1, or 0 at the end of the last input. */
int rd_next(struct rd *r, struct rec **out);
size_t rd_nfields(const struct rd *r);
const struct str *rd_names(const struct rd *r);
/* Index of a header name (trimmed, case ignored) or -1. */
long rd_find(const struct rd *r, const char *name);
/* The line of the stream's header in the first file (title rows above). */
long rd_header_line(const struct rd *r);
/* The file being read, and the first (whose header is the stream's). */
const char *rd_file(const struct rd *r);
const char *rd_first_file(const struct rd *r);
/* Records read so far, rejected ones included. */
unsigned long long rd_count(const struct rd *r);
/* Bytes of the inputs that are regular files (their size at rd_open). */
unsigned long long rd_size(const struct rd *r);
/*
 * After the records: when the inputs held none, say so on stderr (the
 * input is empty, only a header, or none of several had one), so that
 * zeros are not taken for figures.
 */
void rd_say_empty(const struct rd *r);
void rd_close(struct rd *r);

/*
 * Reading again.  rd_again: 1 when every input is a regular file, so that
 * another reader can read it all again (a first pass).  rd_by_pos (opened
 * with by_pos): 1 when, besides, every record read has a pos and
 * rd_reread gives it again: every input is UTF-8 TSV with the first one's
 * header line.  Both are known at rd_open, before any record is read.
 */
int rd_again(const struct rd *r);
int rd_by_pos(const struct rd *r);
/*
 * Read again the record at pos (a record's pos).  1 and *out (valid until
 * the next call), or 0 when it is no longer such a record there.  Its line
 * is 0: it is not counted or checked as a new record would be.
 */
int rd_reread(struct rd *r, long long pos, struct rec **out);
/* 0 when an input has changed (size, time, file) since rd_open. */
int rd_unchanged(const struct rd *r);
/*
 * A record to reject after the reading (when what decides it is read
 * later: another file, every record), kept cheaply: rd_mark gives a mark
 * of the record being read (its position when the reader reads again by
 * position, else the number of a copy the reader keeps), rd_marked the
 * record again from its mark and its line, once the reading is over
 * (valid until the next call or rd_close).  An input changed since it was
 * read ends the program (exit 3).
 */
long long rd_mark(struct rd *r, const struct rec *rec);
const struct rec *rd_marked(struct rd *r, long long mark, long line);

/*
 * A file read in parts, each by a reader of its own (a thread each:
 * case-stats -j).  rd_parts: when r, just opened, can be (one input, a
 * regular file of UTF-8 TSV or CSV, LF or CRLF line ends, its header on
 * its first lines), its format (FMT_TSV, FMT_CSV), *data the offset where
 * the records begin and *line their line; else 0.  rd_open_part: a reader of
 * r's file from offset from, which must be where a record (or a blank line)
 * begins, with r's header; its lines numbered from line.  It reads to the end
 * of the file: the caller stops where the next part begins (rd_offset).  Its
 * records are not counted (rej_read): rd_add_count counts those the caller took
 * as r's.  rd_offset: where the record last read (or being rejected)
 * begins in its file.
 */
int rd_parts(const struct rd *r, unsigned long long *data, long *line);
struct rd *rd_open_part(const struct rd *r, unsigned long long from, long line);
unsigned long long rd_offset(const struct rd *r);
void rd_add_count(struct rd *r, unsigned long long n);
/*
 * Where n parts of a file of size bytes (its records from offset data on,
 * fd open on it) begin: from[0] is data, from[k] the first line after a
 * line end near data + k / n of the rest (CSV: outside quotes, as the
 * first quote after the cut tells; none within 64 KiB: not in quotes;
 * else as the number of quotes before it).  A cut told wrong (a quote out
 * of place, a quoted field of more than 64 KiB) is for the caller to
 * find and mend: part k's first record is not where part k - 1 ended.
 * rd_jobs: the threads to read with by default, the processors this
 * process may run on, at most 8.
 */
void rd_cut(int fd, int csv, unsigned long long data, unsigned long long size,
    unsigned long long *from, size_t n);
int rd_jobs(void);
/*
 * A part as its reader met the records: its first record (at or after its
 * cut) and its stop, the first record at or after the next part's cut.
 * rd_span_past: is the record r last read (or is rejecting), at line,
 * past to (rd_offset)?  The first record and the stop are noted. rd_span_again:
 * after part q, is part p to be read again from q's stop (its cut was not
 * between two records as one pass reads them), or is it nothing when q read to
 * the end? rd_span_shift: what turns p's lines into the file's, q's being
 * qshift (p read again from q's stop: its line 1 is q's stop, though it may
 * have no record of its own, inside a record longer than a part).
 */
struct rd_span {
	unsigned long long first_off, stop_off;
	long first_line, stop_line;
	int has_first, has_stop;
};
int rd_span_past(struct rd_span *s, unsigned long long to, const struct rd *r,
    long line);
int rd_span_again(const struct rd_span *q, const struct rd_span *p);
long rd_span_shift(const struct rd_span *q, long qshift,
    const struct rd_span *p);

/* Undo TSV's four escapes into b (another backslash is kept as it is). */
void tsv_unescape(struct buf *b, const char *s, size_t n);

#endif
