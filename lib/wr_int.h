/*
 * wr_int.h: what the files of the wr module share.  wr.c writes the text
 * formats, building TSV, CSV and JSON lines with wr_line.c, and hands
 * an xlsx output to wr_xlsx.c.
 */
#ifndef WR_INT_H
#define WR_INT_H

#include "lib/wr.h"

struct wx;

struct wr {
	int fmt;
	size_t nf;
	struct str *names;
	unsigned char *types;
	/* table: every cell kept until the end */
	struct buf cells;
	size_t *off; /* nrows * nf offsets (+ length) into cells */
	size_t nrows, caprows;
	int header_done;
	struct wx *x; /* xlsx */
	/* json: each field's key as written, '"name":' (',' before all but
	 * the first), keys.p[koff[i], koff[i+1]); WR_SLACK zeros after them */
	struct buf keys;
	size_t *koff;
	/* the same, each in quotes: key i is qkeys.p[koff[i] + 2 * i, +
	 * its length + 2), a string's quotes on either side of it */
	struct buf qkeys;
	/* the columns (of the first 64) that may hold numbers (COL_AUTO),
	 * and whether every column is such or text (COL_STR) */
	uint64_t jauto;
	int jtext;
	/* json, a record of strings: key i with the quotes on either side
	 * of it, qkeys.p[tkeys[i].off, + len) ('"name":"' for the first) */
	struct wr_key {
		uint32_t off, len;
	} * tkeys;
	int tkey32; /* each at most 32 bytes */
};

/*
 * Lines built in the output buffer, and escaping (wr_line.c), into d with
 * room for the bytes given below: the vector code stores whole blocks (of
 * up to 64 bytes), so the room has WR_SLACK bytes to spare past the text.
 * padded: the 16 bytes after each field may be read (a plain record's
 * fields lie in the reader's line, which rd pads).
 */
#define WR_SLACK	   64
#define WR_ROOM_CSV(n)	   (2 * (n) + 2 + WR_SLACK)
#define WR_ROOM_JSON(n)	   (6 * (n) + WR_SLACK)
#define WR_ROOM_JSONREC(n) (6 * (n) + 4) /* a value, WR_SLACK not in */
/*
 * The fields f[0, nf) as TSV, separated by TABs (room: twice the sum of
 * their lengths, nf, WR_SLACK): the end of what was written.  clean:
 * NULL, or a padded line that has no byte TSV escapes, nor has any field
 * (a field inside it is copied 32 bytes at a time).
 */
char *wr_tsv_line(char *d, const struct str *f, size_t nf,
    const struct str *clean);
/* 1 when the padded s[0, n) has no byte TSV escapes; 0 when it may. */
int wr_tsv_clean(const char *s, size_t n);
/* The fields f[0, nf) as CSV, separated by commas (room: the sum of
 * WR_ROOM_CSV): the end of what was written. */
char *wr_csv_line(char *d, const struct str *f, size_t nf, int padded);
/*
 * The same for a TSV line s[0, n) (padded, without escapes) whose fields
 * are f[0, nf), in order.
 */
char *wr_csv_tsvline(char *d, const char *s, size_t n, const struct str *f,
    size_t nf);
/*
 * The JSON object of record f (room: w->keys.n + 2 + 2 * WR_SLACK + the sum
 * of WR_ROOM_JSONREC), without its line end: the end of what was
 * written.  line: NULL, or the TSV line [line, line + n) (padded, without
 * escapes) that f's fields lie in.
 */
char *wr_json_line(const struct wr *w, char *d, const struct str *f,
    const char *line, size_t n);
/* Field i of a JSON record: 1 a number, 0 a string, -1 null. */
int wr_json_kind(const struct wr *w, size_t i, const struct str *v);
/* A JSON number as RFC 8259 has it. */
int wr_json_number(const char *s, size_t n);
/* The four TSV escapes (room 2n): the length written. */
size_t wr_tsv_to(char *d, const char *s, size_t n);
/* The index of the first byte TSV escapes, or n. */
size_t wr_tsv_plain(const char *s, size_t n);
/* The CSV field, quoted when csv_quote would (room WR_ROOM_CSV). */
size_t wr_csv_to(char *d, const char *s, size_t n);
/* A JSON string's contents, without its quotes (room WR_ROOM_JSON). */
size_t wr_json_to(char *d, const char *s, size_t n);

/*
 * The AVX-512 paths (wr_avx512.c), for a plain record (its fields in the
 * padded TSV line they were read from), when wr_avx512() is 1 (the
 * processor has AVX-512 BW, $ZHILI_WR_SCAN is not sse2): as
 * wr_tsv_clean, wr_csv_tsvline and wr_json_line, 64 bytes a step.
 */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define WR_AVX512 1
#endif
int wr_avx512_check(void);
int wr_avx512_vbmi2(void);
/* (wr_avx512_check's answer, -1 until it is asked: a load a record) */
extern int wr_avx512_have;

static inline int
wr_avx512(void)
{
	return wr_avx512_have >= 0 ? wr_avx512_have : wr_avx512_check();
}
int wr_tsv_clean64(const char *s, size_t n);
char *wr_csv_tsvline64(char *d, const char *s, size_t n);
char *wr_json_line64(const struct wr *w, char *d, const struct str *f,
    const char *line, size_t n);

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
