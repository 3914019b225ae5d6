/*
 * rd's own header: struct rd and what its files (lib/rd.c, lib/rd_*.c)
 * call of one another.  Included by those files only: everyone else sees
 * lib/rd.h.
 *
 *	rd_in.c		inputs: opening, sniffing, the buffer, encodings,
 *			progress, lines
 *	rd_tsv.c	the TSV reader
 *	rd_csv.c	the CSV reader (libcsv)
 *	rd_csvscan.c	its fast path (SIMD)
 *	rd_title.c	the header under title rows (rd_opts.need)
 *	rd.c		the header, the interface, reading again
 *	rd_part.c	a file read in parts (by threads)
 *	rd_book.c	workbooks read as TSV: rows, cells, values
 *	rd_xlsx.c	.xlsx (libzip, expat); rd_xls.c .xls (libfreexl)
 */
#ifndef RD_INT_H
#define RD_INT_H

#include <sys/stat.h>
#include <sys/types.h>

#include <iconv.h>
#include <time.h>

#include <csv.h>

#include "lib/rd.h"

#define BUF_INIT (256u << 10)
#define BUF_MAX	 (REC_MAX_RECORD + (1u << 20))
#define SAMPLE	 (64u << 10)
#define PAD	 64 /* bytes after the data that vector code may read */

#define POS_BITS  44 /* a record's pos: file index << POS_BITS | offset */
#define POS_FILES (1 << (63 - POS_BITS)) /* files it can tell apart */

enum { ENC_UTF16LE = 10, ENC_UTF16BE };
enum { RD_OK, RD_EOF, RD_BAD, RD_SLOW /* rd_csv_fast: for libcsv */ };

/* Why a record cannot be read (rd_bad). */
enum rd_why {
	WHY_FIELDS,	  /* more than REC_MAX_FIELDS fields */
	WHY_FIELD,	  /* field n (from 1) is over REC_MAX_FIELD */
	WHY_RECORD,	  /* the record is over REC_MAX_RECORD */
	WHY_UNTERMINATED, /* CSV: the input ends in a quoted field */
	WHY_CR,		  /* CSV: a CR outside quotes, not at a line end */
	WHY_QUOTE,	  /* CSV: a quote in an unquoted field (column n) */
	WHY_AFTER_QUOTE	  /* CSV: text after a closing quote (column n) */
};

#define KEEP_BLOCK  (4u << 20) /* rd_mark's copies, a block */
#define TITLE_BYTES (1u << 20) /* bytes of rows kept while looking */

/* A row read while looking for the header, kept to be read again. */
struct row {
	size_t text, nraw; /* its raw bytes in r->rtext */
	size_t f, nf;	   /* its fields: r->roff[2 * f ..] (offset, length) */
	long line;
	int k, escaped;
	const char *why;
	char err[160];
};

/* What rd_unchanged compares. */
struct stamp {
	off_t size;
	struct timespec mtime;
	dev_t dev;
	ino_t ino;
};

struct bad {
	size_t off;    /* in buf */
	unsigned byte; /* the offending byte (input encoding), or UTF-16 unit,
			  or BAD_NUL */
};
#define BAD_NUL 0x10000 /* a NUL byte (valid in every encoding, not text) */

struct rd {
	struct rd_opts o;
	char *const *files;
	int nfiles, cur;
	const char *fname; /* current file, for messages */
	int fd, is_open, eof;
	int seekable;		 /* the current file is a regular file */
	unsigned long long base; /* its offset of buf[0] (UTF-8 input) */
	int enc;		 /* of the current file */
	int cr; /* its line ends are CRs: each CR is read as LF (but CRLF) */
	int crwait; /* cr: buf[end - 1] is a CR whose next byte is to come */
	iconv_t cd;
	char *raw; /* bytes not yet converted (iconv) */
	size_t rawlen, rawcap;

	char *buf;
	size_t cap, pos, end;
	size_t valid; /* [0, valid) is checked UTF-8 */
	struct bad *bad;
	size_t nbad, hbad, capbad; /* queue: [hbad, nbad) */
	long line;		   /* line number of buf[pos] */

	int fmt;	     /* of the current file */
	struct rd_head head; /* what records tell of the stream (rej) */
	/* the stream's header (from the first file with one) */
	size_t nf;
	struct str *names;
	char *first_file;
	struct buf header_line; /* the first file's header as read */
	long hline;		/* its line */
	/* the current file's header */
	size_t fnf;
	size_t *perm; /* perm[i]: column in this file of stream field i */
	int identity;

	/* the record being read */
	unsigned *tabs; /* TSV: offsets of the TABs in the line */
	struct str *ff; /* fields in file order */
	size_t fnf_rec, capff;
	struct str *f; /* fields in stream order */
	size_t capf;
	int escaped; /* TSV: a field holds an escape, or a CR */
	struct buf scratch;
	size_t rs, re; /* the record's bytes in buf */
	long rline;
	char err[160];
	const char *why; /* the format of err: its reason */
	struct rec rec;

	/* the rows read looking for the header, after it read again
	 * (rd_title.c): rows[irow, nrows) */
	struct row *rows;
	size_t nrows, irow, caprows;
	struct buf rtext;
	size_t *roff, nroff, caproff;

	/* CSV */
	struct csv_parser csv;
	int csv_init;
	size_t *coff; /* field offsets into scratch (start, length pairs) */
	size_t ccount, ccap;
	int cdone; /* records completed during the last csv_parse */
	int cend;  /* what ended the last: '\r', '\n' or -1 (csv_fini) */
	int ctoo_many;
	size_t ctoo_long; /* the field (from 1) over REC_MAX_FIELD */
	int csv_lib;	  /* libcsv reads every record ($ZHILI_CSV_LIBCSV) */
	int csv_scan;	  /* rd_csvscan.c's scanner */
	struct str tline; /* the record made a TSV line (its fields in it,
			     in scratch, padded), or p NULL: rec.tsv */
	size_t upto;	  /* rd_fields_upto */
	size_t cut;	  /* upto, in force for this file's records (a CSV
			     file in the stream's order), or 0 */
	int cut_text;	  /* the record's fields past cut, left empty, are
			     not all empty */

	/* reading again: every input a regular file (again), of UTF-8 TSV
	 * with one header line (by_pos); the stamps of the files */
	int again, by_pos;
	int part; /* a part of a file (rd_part.c): its records not counted */
	struct stamp *stamps;
	/* rd_reread: the file open, and a window of it */
	int refd, refile;
	char *rebuf;
	size_t recap, relen;
	unsigned long long reoff;
	/* rd_mark's copies (when not by position) */
	struct rec **kept; /* each in a block of blocks */
	size_t nkept, capkept;
	char **blocks; /* of KEEP_BLOCK bytes in huge pages, or a big one's */
	size_t nblocks, capblocks;
	char *kcur; /* the block being filled, bused bytes of it */
	size_t bused;

	struct book *book; /* the current file is a workbook */

	/* counts and progress */
	unsigned long long count;
	unsigned long long total_bytes, done_bytes;
	int progress;
	struct timespec t0, tlast;
	int progress_done;
};

/* Bytes not of the encoding at or before offset upto are still to be
 * reported: a line that looks blank after conversion dropped them is not. */
static inline int
rd_bad_before(const struct rd *r, size_t upto)
{
	return r->nbad > r->hbad && r->bad[r->hbad].off <= upto;
}

/* What a file's first bytes show of its encoding (rd_sniff_enc). */
struct sniff {
	size_t skip; /* the bytes of its BOMs */
	size_t bad;  /* the offset of the first byte not UTF-8 (or n) */
	size_t nbad; /* bytes not UTF-8 */
	size_t good; /* valid UTF-8 sequences of more than one byte */
	int utf16;   /* UTF-16 told by its NUL bytes, without a BOM */
};
#define UTF8_EVIDENCE 2 /* good per bad byte that make a file UTF-8 */

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define RD_VBMI2 \
	__attribute__((target("avx512f,avx512bw,avx512vbmi2,bmi,bmi2,popcnt")))
/*
 * The offsets (base + the bit's index) of the bits of m, at tp on, with
 * AVX-512 VBMI2: the indexes compressed, widened and stored 16 at a time
 * (64 bytes written whatever their count: tp has room for 64 more than
 * the caller's limit); tp moved on by their count.
 */
static inline RD_VBMI2 unsigned *
rd_extract_vbmi2(uint64_t m, unsigned base, unsigned *tp)
{
	static const unsigned char iota[64] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
		10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
		26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41,
		42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57,
		58, 59, 60, 61, 62, 63 };
	__m512i x = _mm512_maskz_compress_epi8(m,
	    _mm512_loadu_si512((const void *)iota));
	__m512i b = _mm512_set1_epi32((int)base);
	unsigned c = (unsigned)__builtin_popcountll(m), j;

	_mm512_storeu_si512((void *)tp,
	    _mm512_add_epi32(_mm512_cvtepu8_epi32(_mm512_castsi512_si128(x)),
		b));
	for (j = 16; j < c; j += 16) { /* (rare) */
		x = _mm512_alignr_epi32(x, x, 4);
		_mm512_storeu_si512((void *)(tp + j),
		    _mm512_add_epi32(_mm512_cvtepu8_epi32(
					 _mm512_castsi512_si128(x)),
			b));
	}
	return tp + c;
}
#endif

/* rd_in.c */
void rd_stat_inputs(struct rd *r);
int rd_sniff_enc(const char *p, size_t n, int eof, int want, struct sniff *s);
int rd_detect_fmt(const char *p, const char *end, const struct rd_opts *o);
size_t rd_read_sample(int fd, const char *name, char *p, size_t want,
    size_t max, int *eof);
void rd_open_fd(struct rd *r);
void rd_close_file(struct rd *r);
void rd_progress(struct rd *r, int last);
int rd_progress_due(const struct timespec *last, const struct timespec *now);
long long rd_line_end(struct rd *r, int *nl);
void rd_skip_line(struct rd *r);
int rd_bad(struct rd *r, enum rd_why why, size_t n);
int rd_bad_bytes(struct rd *r, int k, size_t upto);

/* rd_tsv.c */
void rd_tsv_init(struct rd *r);
int rd_split_tsv(struct rd *r, const char *s, size_t n);
int rd_next_tsv(struct rd *r);

/* rd.c */
int rd_next_record(struct rd *r);

/* rd_title.c */
int rd_need_fmt(const char *p, const char *end, const struct rd_opts *o);
int rd_header_row(struct rd *r);
int rd_replay(struct rd *r);
void rd_rows_free(struct rd *r);

/* rd_pos.c */
int rd_check_by_pos(struct rd *r);

/* rd_csv.c */
void rd_csv_reset(struct rd *r);
int rd_next_csv(struct rd *r);

/* rd_csvscan.c */
void rd_csv_scan_init(struct rd *r);
int rd_csv_fast(struct rd *r);

/* rd_book.c: a workbook's sheet made TSV lines (line N: row N) */
enum { BOOK_XLSX = 1, BOOK_XLS };
enum { DATE_D = 1, DATE_DT = 2, DATE_T = 4, DATE_ELAPSED = 8 };
/* Not a date but a number shown with d decimals ("0.00"): (d + 1) << 4. */
#define NUM_DEC(d)  (((d) + 1) << 4)
#define KIND_DATE   15
#define KIND_DEC(k) (((k) >> 4) - 1)
struct book {
	const char *fname, *sheet; /* the file; --sheet, or NULL */
	struct buf tsv, tmp;	   /* lines made, [given, n) not yet read */
	size_t given;
	int done;
	long lastrow;	 /* the last row written */
	long row, col;	 /* the row being made; its next column */
	int began;	 /* a cell of it written */
	size_t rowstart; /* where it begins in tsv */
	int rowfull;	 /* it is over REC_MAX_RECORD: the rest dropped */
	int date1904;
	int warned_digits;
	/* progress: the file's bytes before it and its size; the part of
	 * the sheet read (of whole: bytes inflated, rows) */
	unsigned long long base, size, part, whole;
	/* the reader of the format: make more lines into tsv (0: no more),
	 * free its state (st) */
	int (*more)(struct book *b);
	void (*close)(struct book *b);
	void *st;
};
int rd_book_kind(const char *p, size_t n);
void rd_book_open(struct rd *r, int kind);
long rd_book_read(struct rd *r, char *dst, size_t room);
void rd_book_pad(struct rd *r);
unsigned long long rd_book_done(const struct rd *r);
void rd_book_close(struct rd *r);
void book_row(struct book *b, long row);
void book_cell(struct book *b, long col, const char *s, size_t n);
void book_number(struct book *b, long col, const char *s, size_t n, int kind);
void book_row_end(struct book *b);
int book_serial(struct book *b, struct buf *out, double v, int kind);
int book_general(struct buf *out, const char *s, size_t n);
size_t book_pick(struct book *b, size_t n, const char *const *names);
/* rd_xlsx.c, rd_xls.c: open the file r is reading; set b's reader */
void rd_xlsx_open(struct rd *r, struct book *b);
void rd_xls_open(struct rd *r, struct book *b);
/* The parts given (the fuzz target): no archive. */
void rd_xlsx_mem(struct book *b, const char *sst, size_t nsst,
    const char *styles, size_t nstyles, const char *sheet, size_t nsheet);

#endif
