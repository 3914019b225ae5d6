/*
 * rd: a file read in parts, each by a reader of its own (lib/rd.h): the
 * stream's header the whole file's, the reading begun at an offset, the
 * lines numbered from the line given.
 */
#include <errno.h>
#include <fcntl.h>
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
