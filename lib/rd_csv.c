/*
 * rd's CSV reader.  Records are read by its fast path (rd_csvscan.c) when
 * it takes them, else here: CSV lines without a quote are split in place
 * as TSV lines are; lines with one go through libcsv, fed a line at a time
 * so that every record keeps its line number.  $ZHILI_CSV_LIBCSV (any
 * value) leaves every record to this, the reference (lib/README).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/rd_int.h"

static void
add_field(struct rd *r, const char *p, size_t n)
{
	if (r->fnf_rec == r->capff)
		r->ff = xgrow(r->ff, &r->capff, 64, sizeof *r->ff);
	r->ff[r->fnf_rec].p = p;
	r->ff[r->fnf_rec].n = n;
	r->fnf_rec++;
}

/* libcsv callbacks */
static void
csv_cb1(void *s, size_t n, void *arg)
{
	struct rd *r = arg;

	if (r->ccount >= REC_MAX_FIELDS) {
		r->ctoo_many = 1;
		return;
	}
	if (n > REC_MAX_FIELD) {
		r->ctoo_long = r->ccount + 1;
		n = 0;
	}
	if (r->ccap < 2 * (r->ccount + 1)) {
		r->ccap = r->ccap ? r->ccap * 2 : 128;
		r->coff = xreallocarray(r->coff, r->ccap, sizeof *r->coff);
	}
	r->coff[2 * r->ccount] = r->scratch.n;
	r->coff[2 * r->ccount + 1] = n;
	if (n > 0)
		buf_add(&r->scratch, s, n);
	r->ccount++;
}

static void
csv_cb2(int c, void *arg)
{
	struct rd *r = arg;

	r->cend = c;
	r->cdone++;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void *
capped_realloc(void *p, size_t n)
{
	/* the memory guard; the exact limit is checked field by field */
	if (n > REC_MAX_FIELD + (64u << 10))
		return NULL;
	return realloc(p, n);
}

void
rd_csv_reset(struct rd *r)
{
	if (!r->csv_init) {
		if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI) != 0)
			zl_die(ZL_IOERR, "%s", strerror(ENOMEM));
		csv_set_space_func(&r->csv, no_space);
		csv_set_realloc_func(&r->csv, capped_realloc);
		csv_set_blk_size(&r->csv, 4096);
		r->csv_init = 1;
		r->csv_lib = getenv("ZHILI_CSV_LIBCSV") != NULL;
		rd_csv_scan_init(r);
		return;
	}
	/* STRICT_FINI keeps a failed state; fini without it resets */
	csv_set_opts(&r->csv, CSV_STRICT);
	csv_fini(&r->csv, NULL, NULL, NULL);
	csv_set_opts(&r->csv, CSV_STRICT | CSV_STRICT_FINI);
}

/* Reject the record and reset the parser, which may be inside it. */
static int
csv_bad(struct rd *r, enum rd_why why, size_t n)
{
	rd_csv_reset(r);
	return rd_bad(r, why, n);
}

/* Split a quote-free CSV line on commas. */
static int
split_plain_csv(struct rd *r, const char *s, size_t n)
{
	size_t start = 0;
	const char *c;

	r->fnf_rec = 0;
	while ((c = memchr(s + start, ',', n - start)) != NULL) {
		size_t at = (size_t)(c - s);

		if (at - start > REC_MAX_FIELD)
			return rd_bad(r, WHY_FIELD, r->fnf_rec + 1);
		add_field(r, s + start, at - start);
		start = at + 1;
		if (r->fnf_rec >= REC_MAX_FIELDS) /* and one more follows */
			return rd_bad(r, WHY_FIELDS, 0);
	}
	if (n - start > REC_MAX_FIELD)
		return rd_bad(r, WHY_FIELD, r->fnf_rec + 1);
	add_field(r, s + start, n - start);
	return RD_OK;
}

/* libcsv stopped at line[at] (the line is len bytes long). */
static int
csv_error_at(struct rd *r, const char *line, size_t at, size_t len)
{
	if (csv_error(&r->csv) == CSV_ENOMEM)
		return csv_bad(r, WHY_FIELD, r->ccount + 1);
	if (at < len && line[at] == '"')
		return csv_bad(r, WHY_QUOTE, at + 1);
	return csv_bad(r, WHY_AFTER_QUOTE, at + 1);
}

/* What a line gives besides RD_OK and RD_BAD: the record goes on. */
#define MORE (-1)

/*
 * No line to read: rd_line_end's e is -1 at the end of the input, -2 when
 * the record outgrows the limit; inrec: a record has begun.
 */
static int
csv_no_line(struct rd *r, long long e, int inrec)
{
	if (e == -1) {
		if (!inrec)
			return RD_EOF;
		/* the input ends inside a quoted field */
		r->re = r->pos;
		if (r->re > r->rs && r->buf[r->re - 1] == '\n')
			r->re--;
		if (r->re > r->rs && r->buf[r->re - 1] == '\r')
			r->re--;
		return csv_bad(r, WHY_UNTERMINATED, 0);
	}
	if (!inrec)
		r->rline = r->line;
	r->re = r->pos;
	rd_csv_reset(r);
	rd_skip_line(r);
	return rd_bad(r, WHY_RECORD, 0);
}

/*
 * A line [s, s+n) with no quote, nl its line end: a record of its own, or
 * a blank line (MORE).
 */
static int
csv_plain(struct rd *r, const char *s, size_t n, int nl)
{
	size_t end = r->rs + n; /* the line end, for bytes dropped before */

	r->pos += n + (size_t)nl;
	r->line++;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	r->re = r->rs + n;
	if (n == 0 && !rd_bad_before(r, end))
		return MORE; /* a blank line */
	if (memchr(s, '\r', n) != NULL)
		return rd_bad(r, WHY_CR, 0);
	return split_plain_csv(r, s, n);
}

/*
 * The first line [s, s+n) of a record, with its first quote at q.  The
 * fields before the one holding it have no quote: split them here, and
 * leave libcsv only the rest of the line (*skip: the bytes done).
 */
static int
csv_begin(struct rd *r, const char *s, size_t n, const char *q, int nl,
    size_t *skip)
{
	const char *c, *f, *comma;

	buf_reset(&r->scratch);
	r->ccount = 0;
	r->cdone = 0;
	r->ctoo_many = 0;
	r->ctoo_long = 0;
	*skip = 0;
	c = q == s ? NULL : memrchr(s, ',', (size_t)(q - s));
	if (c == NULL)
		return RD_OK;
	*skip = (size_t)(c - s) + 1;
	/* (a CR just after the comma, too: libcsv would take it for a blank
	 * line) */
	if (memchr(s, '\r', *skip + 1) != NULL) {
		r->pos += n + (size_t)nl;
		r->line++;
		r->re = r->rs + n - (n > 0 && s[n - 1] == '\r');
		return rd_bad(r, WHY_CR, 0);
	}
	for (f = s; (comma = memchr(f, ',', (size_t)(s + *skip - f))) != NULL;
	     f = comma + 1)
		csv_cb1((void *)f, (size_t)(comma - f), r);
	return RD_OK;
}

/* The fields libcsv gave: into r->ff. */
static int
csv_fields(struct rd *r)
{
	size_t i;

	if (r->ctoo_many)
		return rd_bad(r, WHY_FIELDS, 0);
	if (r->ctoo_long)
		return rd_bad(r, WHY_FIELD, r->ctoo_long);
	r->fnf_rec = 0;
	for (i = 0; i < r->ccount; i++)
		add_field(r, r->scratch.p ? r->scratch.p + r->coff[2 * i] : "",
		    r->coff[2 * i + 1]);
	r->escaped = 1;
	return RD_OK;
}

/*
 * A record ends at the end of a line, and nowhere else; but libcsv takes
 * a CR outside quotes for a line end, and the CRs that follow it for
 * blank lines.  Given [s, s+n), what it had of a line (no '\n'), did it
 * end the record at a CR with more than CRs after it?  A byte is inside
 * quotes by the parity of the quotes before it ("" toggles twice); inq:
 * the line begins inside them (a record's next line).  CRs before a
 * record's first byte are blank lines to libcsv too.  (Asked only when
 * libcsv ended the record at a CR; the quotes are counted only when the
 * line has one before its last byte.)
 */
static int
cr_ends_early(const char *s, size_t n, int inq)
{
	const char *cr = memchr(s, '\r', n);
	size_t i;

	if (cr == NULL || cr == s + n - 1)
		return 0;
	for (i = 0; i < n && s[i] == '\r'; i++)
		;
	for (; i < n; i++)
		if (s[i] == '"')
			inq = !inq;
		else if (s[i] == '\r' && !inq)
			break;
	while (i < n && s[i] == '\r')
		i++;
	return i < n;
}

/*
 * Give libcsv the line [s, s+n) but its first skip bytes, and its line
 * end (nl): RD_OK when that ends the record, MORE when it goes on on the
 * next line, or RD_BAD.  inrec: the line is a record's next line.
 */
static int
csv_feed(struct rd *r, const char *s, size_t n, int nl, size_t skip, int inrec)
{
	size_t feed = n + (size_t)nl - skip;
	size_t k = csv_parse(&r->csv, s + skip, feed, csv_cb1, csv_cb2, r);

	r->pos += n + (size_t)nl;
	r->line++;
	r->re = (size_t)(s - r->buf) + n;
	if (k != feed)
		return csv_error_at(r, s, k + skip, n);
	/* the last line has no line end: finish */
	if (!nl && csv_fini(&r->csv, csv_cb1, csv_cb2, r) != 0)
		return csv_bad(r, WHY_UNTERMINATED, 0);
	if (r->cdone == 0)
		return nl ? MORE : csv_bad(r, WHY_UNTERMINATED, 0);
	/* a lone CR had libcsv end the record there and begin the next */
	if (r->cdone > 1 ||
	    (r->cend == '\r' && cr_ends_early(s + skip, n - skip, inrec)))
		return csv_bad(r, WHY_CR, 0);
	/* strip the line end from the raw record */
	if (r->re > r->rs && r->buf[r->re - 1] == '\r')
		r->re--;
	return csv_fields(r);
}

int
rd_next_csv(struct rd *r)
{
	int inrec = 0;

	if (!r->csv_lib) {
		int k = rd_csv_fast(r);

		if (k != RD_SLOW)
			return k;
	}
	r->escaped = 0;
	for (;;) {
		long long e;
		int nl = 0, k;
		size_t n, skip = 0;
		const char *s, *q;

		if (!inrec)
			r->rs = r->pos;
		e = rd_line_end(r, &nl);
		if (e < 0)
			return csv_no_line(r, e, inrec);
		s = r->buf + r->pos;
		n = (size_t)e - r->pos;
		if (!inrec) {
			r->rline = r->line;
			r->rs = r->pos;
			q = memchr(s, '"', n);
			if (q == NULL) {
				k = csv_plain(r, s, n, nl);
				if (k == MORE)
					continue;
				return k;
			}
			if (csv_begin(r, s, n, q, nl, &skip) != RD_OK)
				return RD_BAD;
		}
		k = csv_feed(r, s, n, nl, skip, inrec);
		if (k != MORE)
			return k;
		inrec = 1;
	}
}
