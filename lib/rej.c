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

#include "lib/rec.h"

static FILE *rej_fp;
static char rej_buf[64 << 10];
static const char *rej_path;
static int rej_fmt; /* 0 until the first rejected record */
static int strict;
static unsigned long long nrej;

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

int
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

static void
put_field(struct buf *b, const char *s, size_t n)
{
	size_t i;
	int quote = 0;

	if (rej_fmt == FMT_TSV) {
		tsv_escape(b, s, n);
		return;
	}
	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			quote = 1;
	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		quote = 1;
	if (!quote) {
		buf_add(b, s, n);
		return;
	}
	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_addc(b, '"');
		buf_addc(b, s[i]);
	}
	buf_addc(b, '"');
}

static void
write_reject(const struct rec *r, const char *msg)
{
	static struct buf b;
	char sep;
	size_t i;

	buf_reset(&b);
	if (rej_fmt == 0) {
		const struct str *names = rd_names(r->rd);
		size_t nf = rd_nfields(r->rd);

		rej_fmt = rd_fmt(r->rd) == FMT_CSV ? FMT_CSV : FMT_TSV;
		sep = rej_fmt == FMT_CSV ? ',' : '\t';
		for (i = 0; i < nf; i++) {
			put_field(&b, names[i].p, names[i].n);
			buf_addc(&b, sep);
		}
		if (nf > 0) {
			buf_adds(&b, "_error\n");
		}
	}
	sep = rej_fmt == FMT_CSV ? ',' : '\t';
	if (r->nf > 0 && r->f != NULL &&
	    (rd_fmt(r->rd) != rej_fmt || !rd_identity(r->rd))) {
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
