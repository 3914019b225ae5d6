/*
 * rd's workbooks (.xlsx, .xls): told by their first bytes, read as TSV.
 * A workbook's reader (rd_xlsx.c, rd_xls.c) makes the rows of one sheet
 * into TSV lines, line N the sheet's row N (rows without a value are
 * blank lines, which the TSV reader skips), and the TSV reader reads them
 * as it reads a file: so a workbook's records are a CSV's, title rows,
 * blank lines, limits and the --reject file alike.  Here: the lines
 * (rows, cells, escapes), the values (numbers as Excel's general format
 * shows them, serial dates), and the choice of the sheet.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/rd_int.h"
#include "lib/wr.h"

int
rd_book_kind(const char *p, size_t n)
{
	if (n >= 4 && memcmp(p, "PK\x03\x04", 4) == 0)
		return BOOK_XLSX;
	if (n >= 8 && memcmp(p, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return BOOK_XLS;
	return 0;
}

void
rd_book_open(struct rd *r, int kind)
{
	struct book *b = xcalloc(1, sizeof *b);
	struct stat st;

	r->book = b;
	b->fname = r->fname;
	b->sheet = r->o.sheet;
	r->enc = ENC_UTF8;
	/* progress: the sample was counted; the sheet's part read will be */
	b->base = r->done_bytes - r->end;
	if (r->seekable && fstat(r->fd, &st) == 0)
		b->size = (unsigned long long)st.st_size;
	if (kind == BOOK_XLSX)
		rd_xlsx_open(r, b);
	else
		rd_xls_open(r, b);
	/* the sample read was the file's: the TSV comes from the book */
	r->pos = r->end = r->valid = 0;
	r->eof = 0;
	r->buf[0] = '\0';
}

/* Give up to room bytes of TSV into dst; 0 at the end. */
long
rd_book_read(struct rd *r, char *dst, size_t room)
{
	struct book *b = r->book;
	size_t n;

	while (b->given == b->tsv.n && !b->done) {
		b->given = 0;
		buf_reset(&b->tsv);
		if (!b->more(b))
			b->done = 1;
	}
	n = b->tsv.n - b->given;
	if (n > room)
		n = room;
	memcpy(dst, b->tsv.p + b->given, n);
	b->given += n;
	return (long)n;
}

/* The input's bytes read, for the progress line: the files before the
 * workbook's, and as much of its size as the sheet's part read. */
unsigned long long
rd_book_done(const struct rd *r)
{
	const struct book *b = r->book;
	double f = b->whole > 0 ? (double)b->part / (double)b->whole : 0;

	return b->base +
	    (unsigned long long)((double)b->size * (f < 1 ? f : 1));
}

void
rd_book_close(struct rd *r)
{
	struct book *b = r->book;

	if (b == NULL)
		return;
	r->done_bytes = b->base + b->size;
	if (b->close != NULL)
		b->close(b);
	buf_free(&b->tsv);
	buf_free(&b->tmp);
	free(b);
	r->book = NULL;
}

/* A workbook's short row: its empty cells at the end, as CSV has them
 * (any other file's record is left as it is). */
void
rd_book_pad(struct rd *r)
{
	if (r->book == NULL || r->fnf_rec >= r->fnf)
		return;
	r->escaped = 1; /* so the line is not the record (rec.plain) */
	while (r->fnf_rec < r->fnf) {
		if (r->fnf_rec == r->capff)
			r->ff = xgrow(r->ff, &r->capff, 64, sizeof *r->ff);
		r->ff[r->fnf_rec].p = "";
		r->ff[r->fnf_rec].n = 0;
		r->fnf_rec++;
	}
}

/* ---- rows and cells ---- */

void
book_row(struct book *b, long row)
{
	b->row = row;
	b->col = 0;
	b->began = 0;
}

/* The cell in column col (from 0; -1: the next) holds [s, s+n). */
void
book_cell(struct book *b, long col, const char *s, size_t n)
{
	size_t i;

	if (col < b->col)
		col = b->col;
	if (n == 0 || b->rowfull)
		return;
	if (!b->began) {
		if (b->row <= b->lastrow)
			b->row = b->lastrow + 1;
		for (; b->lastrow + 1 < b->row; b->lastrow++)
			buf_addc(&b->tsv, '\n');
		b->rowstart = b->tsv.n;
		b->began = 1;
	}
	/* the empty cells before it, and a TAB after each cell */
	for (i = (size_t)(col - b->col) + (b->col > 0); i > 0; i--)
		buf_addc(&b->tsv, '\t');
	b->col = col;
	tsv_escape(&b->tsv, s, n);
	b->col++;
	/* past the limit the TSV reader rejects the line: keep no more */
	if (b->tsv.n - b->rowstart > REC_MAX_RECORD)
		b->rowfull = 1;
}

void
book_row_end(struct book *b)
{
	if (b->began) {
		buf_addc(&b->tsv, '\n');
		b->lastrow = b->row;
	}
	b->began = 0;
	b->rowfull = 0;
}

/* ---- values ---- */

/* Days since 1970-01-01 to a civil date (proleptic Gregorian). */
static void
civil(long long z, int *y, int *m, int *d)
{
	long long era, yoe, doy, mp;
	unsigned doe;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* v (>= 0) as at least w digits at p: the end. */
static char *
digits(char *p, long long v, int w)
{
	char d[24];
	int n = 0;

	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 || n < w);
	while (n > 0)
		*p++ = d[--n];
	return p;
}

/* secs (>= 0) as HH:MM:SS at p (more digits past 99 hours): the end. */
static char *
hms(char *p, long long secs)
{
	p = digits(p, secs / 3600, 2);
	*p++ = ':';
	p = digits(p, secs / 60 % 60, 2);
	*p++ = ':';
	return digits(p, secs % 60, 2);
}

/*
 * A serial date (days since the workbook's epoch, the fraction the time
 * of day) as zhili(7) writes it, in out: kind DATE_D a date, DATE_DT a
 * date and time, DATE_T a time (DATE_ELAPSED: hours past 24 kept).  The
 * 1900 system counts 1900-02-29, which was not (serial 60): written as
 * Excel shows it.  0 when the serial is no date (negative, too large).
 */
int
book_serial(struct book *b, struct buf *out, double v, int kind)
{
	long long secs, days;
	char s[48], *p = s;
	int y = 1900, m = 2, d = 29;

	if (!(v >= 0 && v < 2958466)) /* 9999-12-31 */
		return 0;
	secs = llround(v * 86400.0);
	days = secs / 86400;
	secs %= 86400;
	if (kind & DATE_T) {
		p = hms(p, secs + (kind & DATE_ELAPSED ? days * 86400 : 0));
		buf_add(out, s, (size_t)(p - s));
		return 1;
	}
	if (b->date1904) /* serial 0: 1904-01-01 */
		civil(days - 24107, &y, &m, &d);
	else if (days != 60) /* serial 1: 1900-01-01 */
		civil(days - (days < 60 ? 25568 : 25569), &y, &m, &d);
	p = digits(p, y, 4);
	*p++ = '-';
	p = digits(p, m, 2);
	*p++ = '-';
	p = digits(p, d, 2);
	if (kind & DATE_DT) {
		*p++ = ' ';
		p = hms(p, secs);
	}
	buf_add(out, s, (size_t)(p - s));
	return 1;
}

/*
 * Round the n digits of d (no leading zero) to 15 significant digits, as
 * a workbook keeps them; *p the place of the decimal point (digits before
 * it), moved when 999... rounds up.  The count of digits left.
 */
static size_t
round15(char *d, size_t n, long *p)
{
	size_t i;

	if (n <= 15)
		return n;
	n = 15;
	if (d[15] >= '5') {
		for (i = 15; i > 0 && d[i - 1] == '9'; i--)
			d[i - 1] = '0';
		if (i == 0) {
			memmove(d + 1, d, 14);
			d[0] = '1';
			(*p)++;
		} else
			d[i - 1]++;
	}
	return n;
}

/*
 * The number [s, s+n) as written in the workbook ("45356.5", "1E-3",
 * "1.30802199001011E+17") as Excel's general format shows it: plain
 * digits, no exponent, integers without ".0", fractions to 15 significant
 * digits.  1 when it is an integer of more than 15 digits (kept whole:
 * such a number has lost digits in the workbook unless it was written by
 * a program); 0; -1 when it is no number (then it is copied).
 */
int
book_general(struct buf *out, const char *s, size_t n)
{
	char d[64];
	size_t nd = 0, i = 0;
	long p = 0, e = 0;
	int neg = 0, seen = 0, point = 0;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'); i++) {
		if (s[i] == '.') {
			if (point++)
				break;
			continue;
		}
		seen = 1;
		if (nd == 0 && s[i] == '0') {
			p -= point; /* a leading zero after the point */
			continue;
		}
		if (nd < sizeof d - 1)
			d[nd++] = s[i];
		p += !point && nd <= sizeof d - 1;
	}
	if (seen && i < n && (s[i] == 'e' || s[i] == 'E')) {
		char *end;
		long x = strtol(s + i + 1, &end, 10);

		if (end > s + i + 1 && x > -300 && x < 300) {
			e = x;
			i = (size_t)(end - s);
		} else
			seen = 0;
	}
	if (!seen || i != n || point > 1 || nd >= sizeof d - 1) {
		buf_add(out, s, n);
		return -1;
	}
	while (nd > 0 && d[nd - 1] == '0')
		nd--;
	if (nd == 0) {
		buf_addc(out, '0');
		return 0;
	}
	p += e;
	if (p > 40 || p < -40) {
		buf_printf(out, "%.15g", strtod(s, NULL));
		return 0;
	}
	if (p < (long)nd) {
		nd = round15(d, nd, &p);
		while (nd > 0 && d[nd - 1] == '0')
			nd--;
	}
	if (neg)
		buf_addc(out, '-');
	if (p <= 0) {
		buf_adds(out, "0.");
		for (; p < 0; p++)
			buf_addc(out, '0');
		buf_add(out, d, nd);
		return 0;
	}
	for (i = 0; i < (size_t)p; i++)
		buf_addc(out, i < nd ? d[i] : '0');
	if ((size_t)p < nd) {
		buf_addc(out, '.');
		buf_add(out, d + p, nd - (size_t)p);
	}
	return p > 15 && (size_t)p >= nd;
}

/* A column's letters from its number (from 0): A, Z, AA... */
static void
col_name(char *s, long col)
{
	char t[8];
	int n = 0;

	for (col++; col > 0 && n < 7; col = (col - 1) / 26)
		t[n++] = (char)('A' + (col - 1) % 26);
	while (n > 0)
		*s++ = t[--n];
	*s = '\0';
}

/* A number of the general format shown with dec decimals, as its cell's
 * format "0.00" shows it: zeros added (one with more is left as it is,
 * nothing rounded away). */
static void
pad_decimals(struct buf *t, size_t dec)
{
	const char *dot = t->n > 0 ? memchr(t->p, '.', t->n) : NULL;
	size_t have = dot != NULL ? t->n - (size_t)(dot - t->p) - 1 : 0;

	if (t->n == 0 || memchr(t->p, 'E', t->n) != NULL || have > dec)
		return;
	if (dot == NULL && dec > 0)
		buf_addc(t, '.');
	for (; have < dec; have++)
		buf_addc(t, '0');
}

/*
 * The number cell in column col (-1: the next) holds [s, s+n): kind 0
 * a number, else a date of that kind (book_serial).
 */
void
book_number(struct book *b, long col, const char *s, size_t n, int kind)
{
	struct buf *t = &b->tmp;

	if (col < b->col)
		col = b->col;
	buf_reset(t);
	if ((kind & KIND_DATE) != 0 && n > 0) {
		char *end;
		double v;

		buf_add(t, s, n);
		v = strtod(t->p, &end);
		buf_reset(t);
		if (end != t->p && *end == '\0' && book_serial(b, t, v, kind)) {
			book_cell(b, col, t->p, t->n);
			return;
		}
		buf_reset(t);
	}
	if (book_general(t, s, n) == 1 && !b->warned_digits) {
		char ref[8];

		b->warned_digits = 1;
		col_name(ref, col);
		zl_warn_at(b->fname, b->row,
		    _("cell %s%ld: a number of %zu digits (%s) read as the "
		      "workbook has it, but a workbook keeps 15 significant "
		      "digits: the last may be lost already (type such "
		      "numbers, ID numbers, as text)"),
		    ref, b->row, t->n - (t->p[0] == '-'), t->p);
	}
	if ((kind & KIND_DATE) == 0 && kind != 0)
		pad_decimals(t, (size_t)KIND_DEC(kind));
	book_cell(b, col, t->p, t->n);
}

/* ---- the sheet ---- */

/*
 * The sheet --sheet names among the n sheets (names[i]): its name, else
 * its number (from 1); the first without --sheet.  Dies naming them all.
 */
size_t
book_pick(struct book *b, size_t n, const char *const *names)
{
	const char *want = b->sheet;
	struct buf all = { 0 };
	size_t i;
	char *end;
	unsigned long k;

	if (n == 0)
		zl_die_at(ZL_IOERR, b->fname, 0,
		    _("the workbook has no sheet"));
	if (want == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(names[i], want) == 0)
			return i;
	for (i = 0; i < n; i++)
		if (strcasecmp(names[i], want) == 0)
			return i;
	k = strtoul(want, &end, 10);
	if (*want >= '0' && *want <= '9' && *end == '\0' && k >= 1 && k <= n)
		return k - 1;
	for (i = 0; i < n; i++)
		buf_printf(&all, "%s%zu '%s'", i ? ", " : "", i + 1, names[i]);
	zl_die_at(ZL_IOERR, b->fname, 0,
	    _("no sheet '%s' (--sheet): its sheets by number and name: %s"),
	    want, all.p);
}
