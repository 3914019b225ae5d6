/*
 * rd: a file read in parts, each by a reader of its own (lib/rd.h): the
 * stream's header the whole file's, the reading begun at an offset, the
 * lines numbered from the line given.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/rd_int.h"
#include "lib/rej.h"

int
rd_parts(const struct rd *r, unsigned long long *data, long *line)
{
	if (r->nfiles != 1 || !r->again || !r->is_open || !r->seekable ||
	    r->book != NULL || r->enc != ENC_UTF8 || r->cr || r->crwait ||
	    r->nrows != 0 || r->o.noheader || r->nf == 0 || r->pos > r->end)
		return 0;
	*data = r->base + r->pos;
	*line = r->line;
	return r->fmt;
}

/* r's stream header, copied into p (rd_close frees it). */
static void
copy_header(struct rd *p, const struct rd *r)
{
	size_t i;

	p->nf = r->nf;
	p->names = xcalloc(r->nf, sizeof *p->names);
	for (i = 0; i < r->nf; i++) {
		p->names[i].p = xstrndup(r->names[i].p, r->names[i].n);
		p->names[i].n = r->names[i].n;
	}
	p->first_file = xstrdup(r->first_file);
	buf_add(&p->header_line, r->header_line.p, r->header_line.n);
	p->hline = r->hline;
	p->fnf = r->fnf;
	p->perm = xreallocarray(NULL, r->nf, sizeof *p->perm);
	memcpy(p->perm, r->perm, r->nf * sizeof *p->perm);
	p->identity = r->identity;
	p->fmt = r->fmt;
	p->upto = r->upto;
	p->cut = r->cut;
	p->head = r->head;
	p->head.names = p->names;
}

struct rd *
rd_open_part(const struct rd *r, unsigned long long from, long line)
{
	struct rd *p = xcalloc(1, sizeof *p);
	struct stat a, b;

	p->o = r->o;
	p->o.progress = 0;
	p->by_pos = r->by_pos; /* (positions of r's: one file, r's first) */
	p->o.need = NULL;
	p->files = r->files;
	p->nfiles = 1;
	p->part = 1;
	rd_tsv_init(p);
	p->cd = (iconv_t)-1;
	p->refd = -1;
	p->rec.head = &r->head; /* (its records: r's stream's, as r's) */
	rd_csv_reset(p);
	copy_header(p, r);
	p->cap = BUF_INIT;
	p->buf = xcalloc(1, p->cap + PAD);
	p->fname = r->fname;
	p->fd = open(p->fname, O_RDONLY);
	if (p->fd < 0 || lseek(p->fd, (off_t)from, SEEK_SET) < 0)
		zl_die(ZL_IOERR, "%s: %s", p->fname, strerror(errno));
	if (fstat(p->fd, &a) != 0 || fstat(r->fd, &b) != 0 ||
	    a.st_dev != b.st_dev || a.st_ino != b.st_ino)
		zl_die_at(ZL_IOERR, p->fname, 0,
		    _("the input changed while it was read"));
	p->seekable = 1;
	p->is_open = 1;
	p->enc = ENC_UTF8;
	p->base = from;
	p->line = line;
	return p;
}

unsigned long long
rd_offset(const struct rd *r)
{
	return r->base + r->rs;
}

void
rd_add_count(struct rd *r, unsigned long long n)
{
	r->count += n;
	rej_nread += n;
}

#define WINDOW (1u << 20)
#define NEAR   (64u << 10) /* told: how far to look for a quote */

/* The bytes that are '"' in the 8 at p, each a 1 in its byte. */
static uint64_t
quote_bytes(const char *p)
{
	const uint64_t low = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t w;

	memcpy(&w, p, 8);
	w ^= 0x2222222222222222ULL;
	return ~(((w & low) + low) | w | low) >> 7;
}

/* The quotes in [from, to) of fd. */
static unsigned long long
quotes(int fd, unsigned long long from, unsigned long long to, char *b)
{
	unsigned long long n = 0;

	while (from < to) {
		size_t want = to - from < WINDOW ? (size_t)(to - from) : WINDOW;
		ssize_t got = pread(fd, b, want, (off_t)from), i = 0;

		if (got <= 0)
			break;
		while (i + 8 <= got) { /* bytes of counts, 255 words at most */
			uint64_t sum = 0;
			ssize_t end = i + 8 * 255 < got ? i + 8 * 255 : got;

			for (; i + 8 <= end; i += 8)
				sum += quote_bytes(b + i);
			n += sum * 0x0101010101010101ULL >> 56;
		}
		for (; i < got; i++)
			n += b[i] == '"';
		from += (unsigned long long)got;
	}
	return n;
}

/* After the first line end at or after at (inq: in quotes there, CSV);
 * size when none. */
static unsigned long long
cut_at(int fd, unsigned long long at, unsigned long long size, int csv, int inq,
    char *b)
{
	/* NEAR at a time, not WINDOW: a line end is near, and a read of
	 * 1 MiB faulted 256 fresh pages in (half a ms before any thread) */
	while (at < size) {
		ssize_t got = pread(fd, b, NEAR, (off_t)at), i;

		if (got <= 0)
			break;
		for (i = 0; i < got; i++)
			if (csv && b[i] == '"')
				inq = !inq;
			else if (b[i] == '\n' && !inq)
				return at + (unsigned long long)i + 1;
		at += (unsigned long long)got;
	}
	return size;
}

/* Can byte c come before a quote that opens a field (or after one that
 * closes it, or c -1: the end)? */
static int
beside(int c)
{
	return c == ',' || c == '\n' || c == '\r' || c == -1;
}

/*
 * Is offset at of a CSV file (not its first byte) in quotes?  The first
 * quote after it tells, mostly: one after a byte that cannot come before
 * an opening quote closes a field or is the first of two in one (in
 * quotes); one after a separator and before a byte that cannot follow a
 * closing quote opens a field (not in quotes).  -1 when it does not tell,
 * -2 when there is no quote near: not in quotes, most likely (only a
 * quoted field of more than NEAR bytes without a quote would be, and a
 * cut told wrong is mended by the caller), so the quotes before it are
 * not counted (a file without quotes was read up to the cut for that).
 */
static int
told(int fd, unsigned long long at, char *b)
{
	ssize_t got = pread(fd, b, NEAR, (off_t)(at - 1)), i;

	for (i = 1; i < got; i++) {
		int after = i + 1 < got ? (unsigned char)b[i + 1] : -2;

		if (b[i] != '"')
			continue;
		if (!beside((unsigned char)b[i - 1]) && b[i - 1] != '"')
			return 1;
		if (b[i - 1] != '"' && !beside(after) && after != '"' &&
		    after != -2)
			return 0;
		return -1;
	}
	return -2;
}

void
rd_cut(int fd, int csv, unsigned long long data, unsigned long long size,
    unsigned long long *from, size_t n)
{
	char *b = xmalloc(WINDOW);
	unsigned long long q = 0, before = 0, at;
	size_t k;
	int inq;

	from[0] = data;
	for (k = 1; k < n; k++) {
		at = data + (size - data) / n * k;
		if (at < from[k - 1])
			at = from[k - 1];
		inq = csv && at > 0 ? told(fd, at, b) : 0;
		if (inq == -2)
			inq = 0;
		else if (inq < 0) {
			q += quotes(fd, before, at, b);
			before = at;
			inq = (int)(q & 1);
		}
		from[k] = cut_at(fd, at, size, csv, inq, b);
	}
	free(b);
}

int
rd_jobs(void)
{
	cpu_set_t set;
	long n = 1;

	if (sched_getaffinity(0, sizeof set, &set) == 0)
		n = CPU_COUNT(&set);
	else
		n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 8 ? 8 : (int)n;
}

int
rd_span_past(struct rd_span *s, unsigned long long to, const struct rd *r,
    long line)
{
	unsigned long long off = rd_offset(r);

	if (s->has_stop)
		return 1;
	if (off >= to) {
		s->has_stop = 1;
		s->stop_off = off;
		s->stop_line = line;
		return 1;
	}
	if (!s->has_first) {
		s->has_first = 1;
		s->first_off = off;
		s->first_line = line;
	}
	return 0;
}

int
rd_span_again(const struct rd_span *q, const struct rd_span *p)
{
	return q->has_stop ? !p->has_first || p->first_off != q->stop_off :
			     p->has_first;
}

long
rd_span_shift(const struct rd_span *q, long qshift, const struct rd_span *p)
{
	if (!q->has_stop)
		return 0;
	return q->stop_line + qshift - (p->has_first ? p->first_line : 1);
}
