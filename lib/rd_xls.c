/*
 * rd's .xls reader (BIFF, the binary workbooks of Excel 97-2003) through
 * libfreexl, which holds a sheet (65536 rows at most) in memory.  Dates
 * are the cells freexl reports as dates, written as it writes them.  An
 * encrypted .xlsx also comes in this container: told by its
 * EncryptedPackage stream.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <freexl.h>

#include "lib/rd_int.h"

#define ENOUGH (256u << 10)

struct xls {
	const void *h;
	unsigned rows, next;
	unsigned short cols;
};

static int
xls_more(struct book *b)
{
	struct xls *x = b->st;
	char num[64];

	for (; x->next < x->rows && b->tsv.n < ENOUGH; b->part = ++x->next) {
		unsigned short c;

		book_row(b, (long)x->next + 1);
		for (c = 0; c < x->cols; c++) {
			FreeXL_CellValue v;

			if (freexl_get_cell_value(x->h, x->next, c, &v) !=
			    FREEXL_OK)
				continue;
			switch (v.type) {
			case FREEXL_CELL_INT:
				snprintf(num, sizeof num, "%d",
				    v.value.int_value);
				book_cell(b, c, num, strlen(num));
				break;
			case FREEXL_CELL_DOUBLE:
				snprintf(num, sizeof num, "%.15g",
				    v.value.double_value);
				book_number(b, c, num, strlen(num), 0);
				break;
			case FREEXL_CELL_TEXT:
			case FREEXL_CELL_SST_TEXT:
			case FREEXL_CELL_DATE:
			case FREEXL_CELL_DATETIME:
			case FREEXL_CELL_TIME:
				book_cell(b, c, v.value.text_value,
				    strlen(v.value.text_value));
				break;
			}
		}
		book_row_end(b);
	}
	return x->next < x->rows || b->tsv.n > 0;
}

static void
xls_close(struct book *b)
{
	struct xls *x = b->st;

	if (x == NULL)
		return;
	if (x->h != NULL)
		freexl_close(x->h);
	free(x);
	b->st = NULL;
}

/* A copy of a pipe's workbook (the sample r read, then the rest) in a
 * temporary file, removed once opened: its name in path. */
static void
copy_pipe(struct rd *r, char *path, size_t n)
{
	const char *dir = getenv("TMPDIR");
	char buf[1 << 16];
	ssize_t k;
	int fd;

	snprintf(path, n, "%s/zhili-xls-XXXXXX",
	    dir != NULL && *dir != '\0' ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		zl_die(ZL_IOERR, "%s: %s", path, strerror(errno));
	if (write(fd, r->buf, r->end) != (ssize_t)r->end)
		goto fail;
	while ((k = read(r->fd, buf, sizeof buf)) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 || write(fd, buf, (size_t)k) != k)
			goto fail;
	}
	close(fd);
	return;
fail:
	unlink(path);
	zl_die_at(ZL_IOERR, r->fname, 0, "%s", strerror(errno));
}

/* An OLE2 file holding an encrypted .xlsx (a password to open it). */
static int
encrypted(const char *path)
{
	static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0"
				   "g\0e\0";
	char buf[1 << 16];
	size_t n, keep = 0, len = sizeof name - 1;
	FILE *f = fopen(path, "rb");
	int found = 0;

	if (f == NULL)
		return 0;
	while (!found && (n = fread(buf + keep, 1, sizeof buf - keep, f)) > 0) {
		n += keep;
		found = memmem(buf, n, name, len) != NULL;
		keep = n < len ? n : len;
		memmove(buf, buf + n - keep, keep);
	}
	fclose(f);
	return found;
}

/* Open path (tmp: a copy, removed once open). */
static void
open_path(struct rd *r, struct xls *x, const char *path, int tmp)
{
	unsigned pw = 0;
	int k, enc = encrypted(path);

	k = enc ? FREEXL_OK : freexl_open(path, &x->h);
	if (tmp)
		unlink(path);
	if (enc)
		zl_die_at(ZL_IOERR, r->fname, 0,
		    _("the workbook is protected by a password: save a copy "
		      "without one and read that"));
	if (k != FREEXL_OK) {
		x->h = NULL;
		zl_die_at(ZL_IOERR, r->fname, 0,
		    _("not a readable .xls workbook (freexl error %d): "
		      "truncated or corrupt? save it again"),
		    k);
	}
	if (freexl_get_info(x->h, FREEXL_BIFF_PASSWORD, &pw) == FREEXL_OK &&
	    pw == FREEXL_BIFF_OBFUSCATED)
		zl_die_at(ZL_IOERR, r->fname, 0,
		    _("the workbook is protected by a password: save a copy "
		      "without one and read that"));
}

void
rd_xls_open(struct rd *r, struct book *b)
{
	struct xls *x = xcalloc(1, sizeof *x);
	char path[4096];
	const char **names;
	unsigned n = 0, i;
	size_t k;

	b->st = x;
	b->more = xls_more;
	b->close = xls_close;
	if (strcmp(r->fname, "<stdin>") != 0)
		snprintf(path, sizeof path, "%s", r->fname);
	else if (r->seekable)
		snprintf(path, sizeof path, "/proc/self/fd/%d", r->fd);
	else
		copy_pipe(r, path, sizeof path);
	open_path(r, x, path, strcmp(r->fname, "<stdin>") == 0 && !r->seekable);
	freexl_get_info(x->h, FREEXL_BIFF_SHEET_COUNT, &n);
	names = xcalloc(n + 1, sizeof *names);
	for (i = 0; i < n; i++)
		if (freexl_get_worksheet_name(x->h, (unsigned short)i,
			&names[i]) != FREEXL_OK ||
		    names[i] == NULL)
			names[i] = "";
	k = book_pick(b, n, names);
	free(names);
	if (freexl_select_active_worksheet(x->h, (unsigned short)k) !=
		FREEXL_OK ||
	    freexl_worksheet_dimensions(x->h, &x->rows, &x->cols) != FREEXL_OK)
		zl_die_at(ZL_IOERR, r->fname, 0,
		    _("not a readable .xls workbook: the sheet cannot be "
		      "read"));
	b->whole = x->rows;
}
