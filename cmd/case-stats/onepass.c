/*
 * case-stats: can the input be de-duplicated in one pass?  Records are
 * read again by position (rd_reread) only from regular files of UTF-8 TSV
 * whose fields are in the stream's order.  This looks at the start of each
 * file as the reader will (its encoding, its format, its header line), so
 * that the choice is made before any record is read.  Anything else (CSV,
 * another encoding, headers that differ) is read twice instead (table.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/case-stats/case-stats.h"

#define SAMPLE (64u << 10) /* as the reader sniffs */

struct stamp {
	off_t size;
	struct timespec mtime;
	dev_t dev;
	ino_t ino;
};

static struct stamp *stamps;
static int nstamps;
static char *const *stamp_files;

static void
stamp_of(const struct stat *st, struct stamp *s)
{
	s->size = st->st_size;
	s->mtime = st->st_mtim;
	s->dev = st->st_dev;
	s->ino = st->st_ino;
}

/* The header line of one file, when it is UTF-8 TSV; else -1. */
static int
header_of(const char *path, struct buf *hdr, struct stamp *st)
{
	char *buf = xmalloc(SAMPLE);
	size_t len = 0, skip = 0, v, n;
	const char *nl;
	struct stat sb;
	int fd, eof = 0, ok = -1;

	if ((fd = open(path, O_RDONLY)) < 0)
		zl_die(ZL_IOERR, "%s: %s", path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
		goto out;
	stamp_of(&sb, st);
	while (!eof && len < SAMPLE) {
		ssize_t k = read(fd, buf + len, SAMPLE - len);

		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			zl_die(ZL_IOERR, "%s: %s", path, strerror(errno));
		if (k == 0)
			eof = 1;
		len += (size_t)k;
	}
	while (len - skip >= 3 && memcmp(buf + skip, "\xEF\xBB\xBF", 3) == 0)
		skip += 3;
	if (skip == 0 && len >= 2 && (memcmp(buf, "\xFF\xFE", 2) == 0 ||
					 memcmp(buf, "\xFE\xFF", 2) == 0))
		goto out; /* UTF-16 */
	v = u8_valid(buf, len);
	if (v < len && (eof || !u8_partial(buf + v, len - v)))
		goto out; /* not UTF-8: the reader takes it for GB18030 */
	if ((nl = memchr(buf + skip, '\n', len - skip)) == NULL)
		goto out;
	n = (size_t)(nl - buf) - skip;
	if (n > 0 && buf[skip + n - 1] == '\r')
		n--;
	if (n == 0 || memchr(buf + skip, '\t', n) == NULL)
		goto out; /* not a TSV header on the first line */
	buf_reset(hdr);
	buf_add(hdr, buf + skip, n);
	ok = 0;
out:
	close(fd);
	free(buf);
	return ok;
}

int
one_pass_inputs(int nfiles, char *const *files, unsigned long long *bytes)
{
	struct buf first = { 0 }, hdr = { 0 };
	int i, ok = 1;

	*bytes = 0;
	/* (regular files only: a FIFO opened here would block or lose
	 * what it holds) */
	if (nfiles == 0 || nfiles >= (1 << (63 - RD_POS_BITS)) ||
	    cli.in_fmt == FMT_CSV || cli.enc == ENC_GB18030 ||
	    !rd_rereadable(nfiles, files))
		return 0;
	stamps = xreallocarray(stamps, (size_t)nfiles, sizeof *stamps);
	for (i = 0; i < nfiles && ok; i++) {
		if (strcmp(files[i], "-") == 0 ||
		    header_of(files[i], i == 0 ? &first : &hdr, &stamps[i]) != 0)
			ok = 0;
		else if (i > 0 && (hdr.n != first.n ||
				      memcmp(hdr.p, first.p, hdr.n) != 0))
			ok = 0; /* another order of fields: the reader maps */
		else
			*bytes += (unsigned long long)stamps[i].size;
	}
	buf_free(&first);
	buf_free(&hdr);
	nstamps = ok ? nfiles : 0;
	stamp_files = files;
	return ok;
}

int
inputs_unchanged(void)
{
	int i;

	for (i = 0; i < nstamps; i++) {
		struct stat sb;
		struct stamp now;

		if (stat(stamp_files[i], &sb) != 0)
			return 0;
		stamp_of(&sb, &now);
		if (now.size != stamps[i].size || now.dev != stamps[i].dev ||
		    now.ino != stamps[i].ino ||
		    now.mtime.tv_sec != stamps[i].mtime.tv_sec ||
		    now.mtime.tv_nsec != stamps[i].mtime.tv_nsec)
			return 0;
	}
	return 1;
}
