/*
 * rd: reading again.  rd_again and rd_by_pos tell whether the inputs can
 * be read again, rd_unchanged whether they have changed since, rd_reread
 * reads a record again by its position.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/rd_int.h"
#include "lib/rej.h"
#include "lib/utf8.h"

static void
stamp_of(const struct stat *st, struct stamp *s)
{
	s->size = st->st_size;
	s->mtime = st->st_mtim;
	s->dev = st->st_dev;
	s->ino = st->st_ino;
}

/*
 * A first look at a regular file, as the reader will see it: its stamp,
 * and its header line when it is UTF-8 TSV (0; else -1).
 */
static int
tsv_header(const struct rd *r, const char *path, struct buf *line,
    struct stamp *st)
{
	char *p = xmalloc(BUF_INIT);
	const char *s, *end, *nl;
	struct sniff sn;
	size_t n;
	struct stat sb;
	int fd, eof, ok = -1;

	if ((fd = open(path, O_RDONLY)) < 0)
		zl_die(ZL_IOERR, "%s: %s", path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
		goto out;
	stamp_of(&sb, st);
	n = rd_read_sample(fd, path, p, SAMPLE, BUF_INIT, &eof);
	if (rd_book_kind(p, n) != 0 ||
	    rd_sniff_enc(p, n, eof, r->o.enc, &sn) != ENC_UTF8 ||
	    rd_detect_fmt(p + sn.skip, p + n, &r->o) != FMT_TSV)
		goto out;
	/* the first line that is not blank, without its line end */
	for (s = p + sn.skip, end = p + n;
	     (nl = memchr(s, '\n', (size_t)(end - s))) != NULL; s = nl + 1) {
		size_t len = (size_t)(nl - s);

		if (len > 0 && s[len - 1] == '\r')
			len--;
		if (len == 0)
			continue;
		if (memchr(s, '\r', len) != NULL)
			break; /* old-Mac line ends: read with CRs made LFs */
		buf_reset(line);
		buf_add(line, s, len);
		ok = 0;
		break;
	}
out:
	close(fd);
	free(p);
	return ok;
}

/* Can every record be read again by position?  (All files checked at
 * once, before any record is read.) */
int
rd_check_by_pos(struct rd *r)
{
	struct buf first = { 0 }, hdr = { 0 };
	int i, ok = 1;

	if (!r->again || r->o.noheader || r->nfiles >= POS_FILES)
		return 0;
	r->stamps = xcalloc((size_t)r->nfiles, sizeof *r->stamps);
	for (i = 0; i < r->nfiles && ok; i++)
		if (tsv_header(r, r->files[i], i == 0 ? &first : &hdr,
			&r->stamps[i]) != 0)
			ok = 0;
		else if (i > 0 &&
		    (hdr.n != first.n || memcmp(hdr.p, first.p, hdr.n) != 0))
			ok = 0; /* another order of fields: the reader maps */
	buf_free(&first);
	buf_free(&hdr);
	return ok;
}

int
rd_again(const struct rd *r)
{
	return r->again;
}

int
rd_by_pos(const struct rd *r)
{
	return r->by_pos;
}

int
rd_unchanged(const struct rd *r)
{
	int i;

	for (i = 0; r->by_pos && i < r->nfiles; i++) {
		struct stat sb;
		struct stamp now;

		if (stat(r->files[i], &sb) != 0)
			return 0;
		stamp_of(&sb, &now);
		if (now.size != r->stamps[i].size ||
		    now.dev != r->stamps[i].dev ||
		    now.ino != r->stamps[i].ino ||
		    now.mtime.tv_sec != r->stamps[i].mtime.tv_sec ||
		    now.mtime.tv_nsec != r->stamps[i].mtime.tv_nsec)
			return 0;
	}
	return 1;
}

/*
 * Read the record at pos again.  Its line is read into a window of the
 * file (the next record asked for is often in it) and split as a TSV
 * line is read.
 */
int
rd_reread(struct rd *r, long long pos, struct rec **out)
{
	int fi = (int)(pos >> POS_BITS);
	unsigned long long off = (unsigned long long)pos &
	    ((1ULL << POS_BITS) - 1);
	const char *s, *nl = NULL;
	size_t n;

	if (pos < 0 || fi >= r->nfiles)
		return 0;
	if (r->refd < 0 || r->refile != fi) {
		if (r->refd >= 0)
			close(r->refd);
		r->relen = 0;
		r->refile = fi;
		if ((r->refd = open(r->files[fi], O_RDONLY)) < 0)
			zl_die(ZL_IOERR, "%s: %s", r->files[fi],
			    strerror(errno));
	}
	/* the line in the window, or read from its start */
	if (off >= r->reoff && off < r->reoff + r->relen)
		nl = memchr(r->rebuf + (off - r->reoff), '\n',
		    r->relen - (off - r->reoff));
	if (nl == NULL) {
		r->reoff = off;
		r->relen = 0;
		for (;;) {
			ssize_t got;

			if (r->relen == r->recap) {
				if (r->recap >= BUF_MAX)
					return 0;
				r->recap = r->recap ? r->recap * 4 : 16384;
				r->rebuf = xrealloc(r->rebuf, r->recap + PAD);
			}
			/* (a window's first read: a few records, not 16 KiB
			 * copied for one; the cases read again are few, or
			 * near each other) */
			got = pread(r->refd, r->rebuf + r->relen,
			    r->relen == 0 && r->recap > 4096 ?
				4096 :
				r->recap - r->relen,
			    (off_t)(off + r->relen));
			if (got < 0 && errno == EINTR)
				continue;
			if (got < 0)
				zl_die(ZL_IOERR, "%s: %s", r->files[fi],
				    strerror(errno));
			if (got == 0)
				break;
			nl = memchr(r->rebuf + r->relen, '\n', (size_t)got);
			r->relen += (size_t)got;
			if (nl != NULL)
				break;
		}
	}
	s = r->rebuf + (off - r->reoff);
	n = nl != NULL ? (size_t)(nl - s) : r->relen - (size_t)(off - r->reoff);
	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n == 0 || n > REC_MAX_RECORD || u8_valid(s, n) != n)
		return 0;
	if (rd_split_tsv(r, s, n) != RD_OK || r->fnf_rec != r->nf)
		return 0;
	r->rec.nf = r->nf;
	r->rec.f = r->ff;
	r->rec.file = r->files[fi];
	r->rec.line = 0;
	r->rec.raw.p = s;
	r->rec.raw.n = n;
	r->rec.plain = !r->escaped;
	r->rec.pos = pos;
	*out = &r->rec;
	return 1;
}

/* p kept with the reader's copies (freed by rd_close). */
static char *
kept_mem(struct rd *r, char *p)
{
	if (r->nblocks == r->capblocks)
		r->blocks = xgrow(r->blocks, &r->capblocks, 16,
		    sizeof *r->blocks);
	r->blocks[r->nblocks++] = p;
	return p;
}

long long
rd_mark(struct rd *r, const struct rec *rec)
{
	size_t n;
	char *at;

	if (r->by_pos && rec->pos >= 0)
		return rec->pos;
	n = rec_keep_size(rec);
	if (r->nkept == r->capkept)
		r->kept = xgrow(r->kept, &r->capkept, 64, sizeof *r->kept);
	if (n > KEEP_BLOCK / 4) /* a big one: memory of its own */
		at = kept_mem(r, xmalloc(n));
	else {
		if (r->kcur == NULL || r->bused + n > KEEP_BLOCK) {
			r->kcur = kept_mem(r, xhuge(KEEP_BLOCK));
			r->bused = 0;
		}
		at = r->kcur + r->bused;
		r->bused += n;
	}
	r->kept[r->nkept++] = rec_keep_at(rec, at);
	return -(long long)r->nkept;
}

const struct rec *
rd_marked(struct rd *r, long long mark, long line)
{
	struct rec *rec;

	if (mark < 0)
		return r->kept[-mark - 1];
	if (!rd_unchanged(r) || !rd_reread(r, mark, &rec))
		zl_die(ZL_IOERR,
		    _("%s: changed while it was read (run again on files "
		      "that do not change)"),
		    r->files[(int)(mark >> POS_BITS)]);
	rec->line = line;
	return rec;
}
