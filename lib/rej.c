/*
 * rej: rejected records.  Each one is reported on stderr with its file and
 * line, counted for the closing summary, and written as it was read, plus
 * an _error field, to the --reject file (created readable by its owner
 * only: rejected records may hold personal data).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/rej.h"
#include "lib/wr.h"

unsigned long long rej_nread;

static FILE *rej_fp;
static char rej_buf[64 << 10];
static const char *rej_path;
static int rej_fmt; /* 0 until the first rejected record */
static int strict;
static int at_end; /* rej_end is on zl's list */
static unsigned long long nrej;

static int rej_end(int status, int fatal, void *arg);

static void
want_end(void)
{
	if (!at_end) {
		zl_at_end(rej_end, NULL);
		at_end = 1;
	}
}

void
rej_open(const char *path)
{
	int fd;

	rej_path = path;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || fchmod(fd, 0600) != 0 ||
	    (rej_fp = fdopen(fd, "w")) == NULL)
		zl_die(ZL_IOERR, "%s: %s", path, strerror(errno));
	/* glibc ignores the size unless it is given the buffer */
	setvbuf(rej_fp, rej_buf, _IOFBF, sizeof rej_buf);
	want_end();
}

void
rej_strict(int on)
{
	strict = on;
}

unsigned long long
rej_count(void)
{
	return nrej;
}

/* Close the --reject file: 0, or -1 after a message. */
static int
rej_close(void)
{
	int bad;

	if (rej_fp == NULL)
		return 0;
	bad = ferror(rej_fp) != 0;
	if (fclose(rej_fp) != 0)
		bad = 1;
	rej_fp = NULL;
	if (bad) {
		zl_warn("%s: %s", rej_path, strerror(errno ? errno : EIO));
		return -1;
	}
	return 0;
}

/* The end of the run: the file closed, the summary. */
static int
rej_end(int status, int fatal, void *arg)
{
	(void)arg;
	at_end = 0;
	if (rej_close() != 0 && status < ZL_IOERR)
		status = ZL_IOERR;
	if (fatal || nrej == 0)
		return status;
	zl_warn(_("%llu of %llu records rejected"), nrej, rej_nread);
	return status < ZL_REJECTED ? ZL_REJECTED : status;
}

static void
put_field(struct buf *b, const char *s, size_t n)
{
	if (rej_fmt == FMT_TSV)
		tsv_escape(b, s, n);
	else
		csv_quote(b, s, n);
}

static void
write_reject(const struct rec *r, const char *msg)
{
	static struct buf b;
	const struct rd_head *h = r->head;
	char sep;
	size_t i;

	buf_reset(&b);
	if (rej_fmt == 0) {
		rej_fmt = h != NULL && h->fmt == FMT_CSV ? FMT_CSV : FMT_TSV;
		sep = rej_fmt == FMT_CSV ? ',' : '\t';
		for (i = 0; h != NULL && i < h->nf; i++) {
			put_field(&b, h->names[i].p, h->names[i].n);
			buf_addc(&b, sep);
		}
		if (h != NULL && h->nf > 0)
			buf_adds(&b, "_error\n");
	}
	sep = rej_fmt == FMT_CSV ? ',' : '\t';
	if (r->nf > 0 && r->f != NULL &&
	    (h == NULL || h->fmt != rej_fmt || !h->identity)) {
		/* another file's format or order: write its fields */
		for (i = 0; i < r->nf; i++) {
			put_field(&b, r->f[i].p, r->f[i].n);
			buf_addc(&b, sep);
		}
	} else {
		buf_add(&b, r->raw.p, r->raw.n);
		buf_addc(&b, sep);
	}
	put_field(&b, msg, strlen(msg));
	buf_addc(&b, '\n');
	fwrite(b.p, 1, b.n, rej_fp);
}

void
rec_reject(const struct rec *r, const char *fmt, ...)
{
	struct buf msg = { 0 };
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	buf_grow(&msg, len > 0 ? (size_t)len : 0);
	va_start(ap, fmt);
	vsnprintf(msg.p, (size_t)len + 1, fmt, ap);
	va_end(ap);
	msg.n = (size_t)len;
	zl_warn_at(r->file, r->line, "%s", msg.p);
	nrej++;
	want_end();
	if (rej_fp != NULL) {
		struct buf loc = { 0 };

		buf_printf(&loc, "%s:%ld: %s", r->file, r->line, msg.p);
		write_reject(r, loc.p);
		buf_free(&loc);
	}
	buf_free(&msg);
	if (strict)
		zl_exit(zl_finish(ZL_REJECTED));
}
