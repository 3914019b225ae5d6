/*
 * wr_xlsx: the xlsx writer (-o xlsx), through libxlsxwriter in its
 * constant-memory mode (each row goes to a temporary file when the next
 * begins, so a million records take no more memory than one): one sheet,
 * the header bold and frozen, the columns as wide as their content.  The
 * values of a column the program declares numeric are numbers when they
 * are plain decimals Excel keeps exactly; dates and times are Excel dates;
 * everything else is text, so an ID number, a phone number or a case
 * number keeps every digit.  libxlsxwriter writes to a file name: the
 * workbook is made in a temporary file (0600), copied to standard output
 * at the end and removed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "lib/out.h"
#include "lib/utf8.h"
#include "lib/wr_int.h"

#define WIDTH_MAX  60	 /* no column wider than this (ASCII characters) */
#define DIGITS_MAX 15	 /* the digits a double keeps, as Excel does */
#define CELL_MAX   32767 /* the characters an xlsx cell holds */
/* The serial number of 1970-01-01 in Excel's 1900 date system. */
#define SERIAL_1970 25569

enum { K_TEXT, K_DATE, K_TIME };

struct wx {
	char *path; /* the temporary file */
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *date, *time, *rate, *dec[DIGITS_MAX + 1];
	size_t nf;
	char **names; /* the header, for messages */
	unsigned char *types;
	unsigned char *is_rate; /* a rate (_pct): always two decimals */
	size_t *width;		/* the widest value of each column */
	lxw_row_t row;		/* the last row written (0: the header) */
	struct buf cell;	/* a value NUL-terminated, for libxlsxwriter */
};

int
wr_to_terminal(int fmt, int fd)
{
	return fmt == FMT_XLSX && isatty(fd);
}

void
wr_refuse_terminal(int fmt)
{
	if (wr_to_terminal(fmt, 1))
		zl_die(ZL_USAGE,
		    _("-o xlsx writes a workbook, not text for a terminal: "
		      "redirect the output to a file (> file.xlsx)"));
}

/*
 * A value of a numeric column as Excel should hold it: an optional minus,
 * an integer part without a leading zero (or a single 0), an optional
 * fraction, at most DIGITS_MAX digits, not a negative zero.  Its number
 * in *v and its decimals, or -1 when it is to stay text.
 */
static int
plain_number(const char *s, size_t n, double *v)
{
	static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
		1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	size_t i = 0, digits = 0, point = 0;
	long long m = 0;

	if (n > 0 && s[0] == '-')
		i++;
	if (i >= n || s[i] < '0' || s[i] > '9' ||
	    (s[i] == '0' && i + 1 < n && s[i + 1] != '.'))
		return -1;
	for (; i < n; i++) {
		if (s[i] == '.' && point == 0 && i + 1 < n) {
			point = i;
			continue;
		}
		if (s[i] < '0' || s[i] > '9' || ++digits > DIGITS_MAX)
			return -1;
		m = m * 10 + (s[i] - '0');
	}
	if (m == 0 && s[0] == '-')
		return -1; /* -0: Excel would show 0 */
	/* both exact, so the quotient is the double nearest the decimal */
	i = point > 0 ? n - point - 1 : 0;
	*v = (double)m / pow10[i];
	if (s[0] == '-')
		*v = -*v;
	return (int)i;
}

/* The number of the n digits at s, or -1 when one is not a digit. */
static long
num(const char *s, size_t n)
{
	long v = 0;

	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

/* Days since 1970-01-01 of a date of the Gregorian calendar. */
static long
days_from_civil(long y, long m, long d)
{
	long era, yoe, doy;

	y -= m <= 2;
	era = y / 400; /* y >= 0 here */
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/*
 * A date (YYYY-MM-DD) or a time (YYYY-MM-DD HH:MM:SS) as zhili(7) writes
 * them, from 1900-03-01 (Excel's serial numbers before it count a
 * 1900-02-29 that never was) to 9999-12-31: its serial number in *v and
 * K_DATE or K_TIME; K_TEXT for any other value.
 */
static int
excel_date(const char *s, size_t n, double *v)
{
	static const char mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	long y, m, d, hh = 0, mm = 0, ss = 0;

	if ((n != 10 && n != 19) || s[4] != '-' || s[7] != '-')
		return K_TEXT;
	if ((y = num(s, 4)) < 1900 || (m = num(s + 5, 2)) < 1 || m > 12 ||
	    (d = num(s + 8, 2)) < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 &&
		(y % 4 != 0 || (y % 100 == 0 && y % 400 != 0))) ||
	    (y == 1900 && m < 3))
		return K_TEXT;
	if (n == 19 &&
	    (s[10] != ' ' || s[13] != ':' || s[16] != ':' ||
		(hh = num(s + 11, 2)) < 0 || hh > 23 ||
		(mm = num(s + 14, 2)) < 0 || mm > 59 ||
		(ss = num(s + 17, 2)) < 0 || ss > 59))
		return K_TEXT;
	*v = (double)(days_from_civil(y, m, d) + SERIAL_1970) +
	    (double)(hh * 3600 + mm * 60 + ss) / 86400.0;
	return n == 10 ? K_DATE : K_TIME;
}

/* A name that says it is a rate: ends in _pct, or a title with a %. */
static int
rate_name(struct str s)
{
	return (s.n >= 4 && memcmp(s.p + s.n - 4, "_pct", 4) == 0) ||
	    memchr(s.p, '%', s.n) != NULL ||
	    (s.n >= 3 && memmem(s.p, s.n, "\xEF\xBC\x85", 3) != NULL);
}

static lxw_format *
num_format(struct wx *x, const char *f)
{
	lxw_format *fmt = workbook_add_format(x->wb);

	format_set_num_format(fmt, f);
	return fmt;
}

/* The format of a number written with k decimals (0: General). */
static lxw_format *
dec_format(struct wx *x, int k)
{
	char f[DIGITS_MAX + 3] = "0.";

	if (k == 0)
		return NULL;
	if (x->dec[k] == NULL) {
		memset(f + 2, '0', (size_t)k);
		f[k + 2] = '\0';
		x->dec[k] = num_format(x, f);
	}
	return x->dec[k];
}

/* Is s (n bytes from it) an escape of OOXML text, _xHHHH_? */
static int
ooxml_escape(const char *s, size_t n)
{
	size_t i;

	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return 0;
	for (i = 2; i < 6; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
			((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f')))
			return 0;
	return 1;
}

/*
 * v NUL-terminated (in x->cell).  Excel reads _xHHHH_ in text as the
 * character U+HHHH (libxlsxwriter writes control characters so): text
 * that holds one as it is has its '_' written _x005F_.
 */
static const char *
cstr(struct wx *x, struct str v)
{
	const char *p = v.p, *end = v.p + v.n, *u;

	buf_reset(&x->cell);
	while ((u = memchr(p, '_', (size_t)(end - p))) != NULL) {
		buf_add(&x->cell, p, (size_t)(u + 1 - p));
		if (ooxml_escape(u, (size_t)(end - u)))
			buf_add(&x->cell, "x005F_", 6);
		p = u + 1;
	}
	buf_add(&x->cell, p, (size_t)(end - p));
	return x->cell.p;
}

/* libxlsxwriter refused to write the value v of column i. */
static _Noreturn void
cell_failed(struct wx *x, size_t i, struct str v, lxw_error e)
{
	size_t k, chars = 0;

	for (k = 0; k < v.n; k++)
		chars += ((unsigned char)v.p[k] & 0xC0) != 0x80;
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		zl_die(ZL_IOERR,
		    _("-o xlsx: record %lu, field '%s': a value of %zu "
		      "characters, more than an xlsx cell holds (%d): write "
		      "it with -o csv"),
		    (unsigned long)x->row, x->names[i], chars, CELL_MAX);
	zl_die(ZL_IOERR, _("-o xlsx: record %lu, field '%s': %s"),
	    (unsigned long)x->row, x->names[i], lxw_strerror(e));
}

/* The value v of column i in the current row. */
static void
put_cell(struct wx *x, size_t i, struct str v)
{
	lxw_col_t c = (lxw_col_t)i;
	lxw_error e;
	size_t w = v.n;
	double d;
	int k;

	if (v.n == 0)
		return; /* an empty cell */
	if (x->types[i] == COL_NUM && (k = plain_number(v.p, v.n, &d)) >= 0)
		e = worksheet_write_number(x->ws, x->row, c, d,
		    x->is_rate[i] ? x->rate : dec_format(x, k));
	else if (x->types[i] != COL_NUM &&
	    (k = excel_date(v.p, v.n, &d)) != K_TEXT)
		e = worksheet_write_number(x->ws, x->row, c, d,
		    k == K_DATE ? x->date : x->time);
	else {
		e = worksheet_write_string(x->ws, x->row, c, cstr(x, v), NULL);
		w = u8_width(v.p, v.n);
	}
	if (e != LXW_NO_ERROR)
		cell_failed(x, i, v, e);
	if (w > x->width[i])
		x->width[i] = w;
}

void
wx_rec(struct wx *x, const struct str *f)
{
	size_t i;

	if (x->row + 1 >= LXW_ROW_MAX)
		zl_die(ZL_IOERR,
		    _("-o xlsx: more than %d records, the most an xlsx sheet "
		      "holds under its header: write them with -o csv"),
		    LXW_ROW_MAX - 1);
	x->row++;
	for (i = 0; i < x->nf; i++)
		put_cell(x, i, f[i]);
}

/* At a fatal end of the run: the temporary file removed. */
static int
remove_tmp(int status, int fatal, void *arg)
{
	struct wx *x = arg;

	(void)fatal;
	unlink(x->path);
	return status;
}

/* The temporary file of the workbook, made empty (0600) in $TMPDIR. */
static void
make_tmp(struct wx *x)
{
	const char *dir = getenv("TMPDIR");
	struct buf b = { 0 };
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	buf_printf(&b, "%s/zhili-xlsx.XXXXXX", dir);
	if ((fd = mkstemp(b.p)) < 0)
		zl_die(ZL_IOERR,
		    _("-o xlsx: cannot make a temporary file in "
		      "%s: %s"),
		    dir, strerror(errno));
	close(fd);
	x->path = b.p;
	zl_at_end(remove_tmp, x);
}

/* The workbook, its sheet and formats, in the temporary file. */
static void
new_workbook(struct wx *x)
{
	lxw_workbook_options o = { 0 };
	char *dir = xstrdup(x->path);

	*strrchr(dir, '/') = '\0';
	o.constant_memory = LXW_TRUE;
	o.tmpdir = *dir != '\0' ? dir : NULL;
	o.use_zip64 = LXW_TRUE;
	x->wb = workbook_new_opt(x->path, &o);
	free(dir);
	if (x->wb == NULL ||
	    (x->ws = workbook_add_worksheet(x->wb, NULL)) == NULL)
		zl_die(ZL_IOERR, _("-o xlsx: cannot start a workbook in %s"),
		    x->path);
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	x->date = num_format(x, "yyyy-mm-dd");
	x->time = num_format(x, "yyyy-mm-dd hh:mm:ss");
	x->rate = num_format(x, "0.00");
}

struct wx *
wx_open(size_t nf, const struct str *names, const unsigned char *types)
{
	struct wx *x = xcalloc(1, sizeof *x);
	size_t i;

	wr_refuse_terminal(FMT_XLSX);
	if (nf > LXW_COL_MAX)
		zl_die(ZL_IOERR,
		    _("-o xlsx: %zu fields, more than the %d columns of an "
		      "xlsx sheet: write them with -o csv"),
		    nf, LXW_COL_MAX);
	x->nf = nf;
	x->types = xcalloc(nf + 1, 1);
	x->is_rate = xcalloc(nf + 1, 1);
	x->width = xcalloc(nf + 1, sizeof *x->width);
	x->names = xcalloc(nf + 1, sizeof *x->names);
	for (i = 0; i < nf; i++)
		x->names[i] = xstrndup(names[i].p, names[i].n);
	make_tmp(x);
	new_workbook(x);
	for (i = 0; i < nf; i++) {
		lxw_error e;

		x->types[i] = types != NULL ? types[i] : COL_AUTO;
		x->is_rate[i] = (unsigned char)rate_name(names[i]);
		x->width[i] = u8_width(names[i].p, names[i].n) + 1;
		e = worksheet_write_string(x->ws, 0, (lxw_col_t)i,
		    cstr(x, names[i]), x->bold);
		if (e != LXW_NO_ERROR)
			cell_failed(x, i, names[i], e);
	}
	if (nf > 0)
		worksheet_freeze_panes(x->ws, 1, 0);
	return x;
}

/* The finished workbook (at x->path) copied to standard output. */
static void
copy_out(struct wx *x)
{
	char b[1 << 16];
	ssize_t k;
	int fd = open(x->path, O_RDONLY);

	if (fd < 0)
		zl_die(ZL_IOERR, _("-o xlsx: %s: %s"), x->path,
		    strerror(errno));
	unlink(x->path);
	while ((k = read(fd, b, sizeof b)) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			zl_die(ZL_IOERR, _("-o xlsx: %s: %s"), x->path,
			    strerror(errno));
		out_write(b, (size_t)k);
	}
	close(fd);
}

void
wx_close(struct wx *x)
{
	lxw_error e;
	size_t i;

	for (i = 0; i < x->nf; i++) {
		size_t w = x->width[i] < WIDTH_MAX ? x->width[i] : WIDTH_MAX;

		worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
		    (double)w + 2, NULL);
	}
	e = workbook_close(x->wb);
	if (e != LXW_NO_ERROR)
		zl_die(ZL_IOERR,
		    _("-o xlsx: cannot write the workbook (%s): %s"), x->path,
		    lxw_strerror(e));
	copy_out(x);
	zl_at_end_cancel(remove_tmp, x);
	for (i = 0; i < x->nf; i++)
		free(x->names[i]);
	free(x->names);
	free(x->path);
	free(x->types);
	free(x->is_rate);
	free(x->width);
	buf_free(&x->cell);
	free(x);
}
