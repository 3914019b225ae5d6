/*
 * case-stats: the first pass over regular files, which notes every case id
 * (see table.c).  It needs one field of each record; for TSV in UTF-8 it
 * finds it with memchr, where the reader would check and split every field
 * of every record: that was two fifths of the run.  Anything else (CSV,
 * another encoding, a file that does not look like it) goes through the
 * reader.  The records counted here are the lines with text; the second
 * pass must read as many (rd_count), or the input changed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/fld.h"

#define CHUNK (1u << 20)

/* The column of case_id in a TSV header line, or -1. */
static long
id_column(const char *s, size_t n)
{
	long col = 0;

	for (;;) {
		const char *tab = memchr(s, '\t', n);
		size_t k = tab ? (size_t)(tab - s) : n;
		const char *c;

		if (memchr(s, '\\', k) != NULL)
			return -1; /* an escape in the header: the reader */
		c = fld_canon((struct str){ s, k }, NULL);
		if (c != NULL && strcmp(c, "case_id") == 0)
			return col;
		if (tab == NULL)
			return -1;
		n -= k + 1;
		s = tab + 1;
		col++;
	}
}

/* The id in a line (TSV escapes undone), trimmed and folded, noted. */
static void
note(const char *s, size_t n, long col, struct buf *tmp)
{
	struct rec r;
	struct str f;
	long i;

	for (i = 0; i < col; i++) {
		const char *tab = memchr(s, '\t', n);

		if (tab == NULL) {
			n = 0;
			break;
		}
		n -= (size_t)(tab + 1 - s);
		s = tab + 1;
	}
	{
		const char *tab = memchr(s, '\t', n);

		if (tab != NULL)
			n = (size_t)(tab - s);
	}
	if (memchr(s, '\\', n) != NULL) {
		buf_reset(tmp);
		tsv_unescape(tmp, s, n);
		s = tmp->p;
		n = tmp->n;
	}
	f.p = s;
	f.n = n;
	memset(&r, 0, sizeof r);
	r.f = &f;
	r.nf = 1;
	idset_add(case_id_of(&r, 0));
}

/* One file; -1 when it is not plain UTF-8 TSV (nothing noted then). */
static long long
one_file(const char *path, struct buf *tmp)
{
	char *buf = xmalloc(CHUNK);
	size_t len = 0, start = 0;
	long long lines = 0;
	long col = -1;
	int fd, eof = 0;

	if ((fd = open(path, O_RDONLY)) < 0)
		zl_die(ZL_IOERR, "%s: %s", path, strerror(errno));
	while (!eof || start < len) {
		char *nl;
		size_t n, next;

		if (start > 0) {
			/* what is left is a line cut short: to the front */
			memmove(buf, buf + start, len - start);
			len -= start;
			start = 0;
		}
		while (!eof && len < CHUNK) {
			ssize_t k = read(fd, buf + len, CHUNK - len);

			if (k < 0 && errno == EINTR)
				continue;
			if (k < 0)
				zl_die(ZL_IOERR, "%s: %s", path, strerror(errno));
			if (k == 0)
				eof = 1;
			len += (size_t)k;
		}
		if (col < 0) {
			/* the reader's sample, and more, must be UTF-8 and
			 * the header TSV naming case_id */
			size_t v = u8_valid(buf, len);
			size_t skip = len >= 3 &&
			    memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

			if (v < len && (eof || !u8_partial(buf + v, len - v)))
				goto other;
			nl = memchr(buf + skip, '\n', len - skip);
			if (nl == NULL || memchr(buf + skip, '\t',
					      (size_t)(nl - buf) - skip) == NULL)
				goto other;
			col = id_column(buf + skip, (size_t)(nl - buf) - skip -
				(nl > buf + skip && nl[-1] == '\r'));
			if (col < 0)
				goto other;
			start = (size_t)(nl - buf) + 1;
		}
		for (;;) {
			nl = memchr(buf + start, '\n', len - start);
			if (nl == NULL) {
				if (!eof || start == len)
					break;
				n = len - start; /* a last line without LF */
				next = len;
			} else {
				n = (size_t)(nl - buf) - start;
				next = (size_t)(nl - buf) + 1;
			}
			if (n > 0 && buf[start + n - 1] == '\r')
				n--;
			if (n > 0) {
				note(buf + start, n, col, tmp);
				lines++;
			}
			start = next;
		}
		if (start == 0 && len == CHUNK)
			goto other; /* a line longer than a chunk: the reader */
		if (eof && start >= len)
			break;
	}
	close(fd);
	free(buf);
	return lines;
other:
	close(fd);
	free(buf);
	return -1;
}

long long
first_pass_fast(int nfiles, char *const *files)
{
	struct buf tmp = { 0 };
	long long total = 0;
	int i;

	if (cli.in_fmt == FMT_CSV || cli.enc == ENC_GB18030)
		return -1;
	/* every file must qualify before any id is noted */
	for (i = 0; i < nfiles; i++) {
		long long n = one_file(files[i], &tmp);

		if (n < 0) {
			idset_reset();
			buf_free(&tmp);
			return -1;
		}
		total += n;
	}
	buf_free(&tmp);
	return total;
}
