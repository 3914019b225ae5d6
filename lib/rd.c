/*
 * rd: the record reader (DESIGN.md section 2): the interface, and the
 * header of each file mapped onto the stream's.
 *
 * Its parts: rd_in.c reads the inputs into one buffer (encodings, lines),
 * rd_tsv.c and rd_csv.c make records of its lines, rd_pos.c reads records
 * again; lib/rd_int.h is what they share.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/rd_int.h"
#include "lib/rej.h"

/* ---- the header ---- */

static const char *
key_of(struct rd *r, struct str name, struct buf *tmp)
{
	const char *k = NULL;
	size_t i;

	name = str_trim(name);
	if (r->o.canon != NULL)
		k = r->o.canon(name, r->o.canon_arg);
	if (k != NULL)
		return k;
	buf_reset(tmp);
	for (i = 0; i < name.n; i++) {
		char c = name.p[i];

		buf_addc(tmp, c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return tmp->p ? tmp->p : "";
}

static void
set_perm(struct rd *r)
{
	struct buf a = { 0 }, b = { 0 };
	unsigned char *used;
	size_t i, j;
	struct buf missing = { 0 }, extra = { 0 };

	r->fnf = r->fnf_rec;
	r->perm = xreallocarray(r->perm, r->nf ? r->nf : 1, sizeof *r->perm);
	/* the same header line: the same order */
	if (r->rec.raw.n == r->header_line.n &&
	    memcmp(r->rec.raw.p, r->header_line.p, r->header_line.n) == 0 &&
	    r->fnf == r->nf) {
		for (i = 0; i < r->nf; i++)
			r->perm[i] = i;
		r->identity = 1;
		return;
	}
	used = xcalloc(r->fnf + 1, 1);
	r->identity = r->fnf == r->nf;
	for (i = 0; i < r->nf; i++) {
		const char *k = key_of(r, r->names[i], &a);

		for (j = 0; j < r->fnf; j++)
			if (!used[j] && strcmp(k, key_of(r, r->ff[j], &b)) == 0)
				break;
		if (j == r->fnf) {
			buf_printf(&missing, "%s'%.*s'", missing.n ? ", " : "",
			    (int)r->names[i].n, r->names[i].p);
			continue;
		}
		used[j] = 1;
		r->perm[i] = j;
		if (j != i)
			r->identity = 0;
	}
	for (j = 0; j < r->fnf; j++)
		if (!used[j])
			buf_printf(&extra, "%s'%.*s'", extra.n ? ", " : "",
			    (int)r->ff[j].n, r->ff[j].p);
	if (missing.n || extra.n) {
		struct buf msg = { 0 };

		if (missing.n)
			buf_printf(&msg, _("missing %s"), missing.p);
		if (missing.n && extra.n)
			buf_adds(&msg, "; ");
		if (extra.n)
			buf_printf(&msg, _("extra %s"), extra.p);
		zl_die_at(ZL_IOERR, r->fname, r->rline,
		    _("fields differ from %s: %s"), r->first_file, msg.p);
	}
	free(used);
	buf_free(&a);
	buf_free(&b);
}

struct named {
	char *key;
	size_t col;
};

static int
by_key(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->col > y->col) - (x->col < y->col);
}

/*
 * The first header names each field once (by name, alias or case): two
 * columns of one field would leave one unread.  Unnamed columns may
 * repeat.
 */
static void
check_names(struct rd *r)
{
	struct named *v = xcalloc(r->nf + 1, sizeof *v);
	struct buf tmp = { 0 };
	size_t i, n = 0, a = r->nf, b = 0;
	char key[256];

	for (i = 0; i < r->nf; i++)
		if (str_trim(r->names[i]).n > 0) {
			v[n].key = xstrdup(key_of(r, r->names[i], &tmp));
			v[n++].col = i;
		}
	qsort(v, n, sizeof *v, by_key);
	for (i = 1; i < n && strcmp(v[i - 1].key, v[i].key) != 0; i++)
		;
	if (i < n) {
		a = v[i - 1].col;
		b = v[i].col;
		snprintf(key, sizeof key, "%s", v[i].key);
	}
	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
	buf_free(&tmp);
	if (a < r->nf) /* all freed: a fatal error may return to a caller */
		zl_die_at(ZL_IOERR, r->fname, r->rline,
		    _("header: columns %zu ('%.*s') and %zu ('%.*s') are one "
		      "field, %s; rename or remove one"),
		    a + 1, (int)r->names[a].n, r->names[a].p, b + 1,
		    (int)r->names[b].n, r->names[b].p, key);
}

/* The next record of the current file, checked for encoding errors. */
int
rd_next_record(struct rd *r)
{
	int k = r->fmt == FMT_CSV ? rd_next_csv(r) : rd_next_tsv(r);
	size_t upto;

	if (k == RD_EOF)
		return k;
	upto = r->pos + (r->eof && r->pos == r->end);
	if (r->nbad > r->hbad && r->bad[r->hbad].off < upto)
		return rd_bad_bytes(r, k, upto);
	return k;
}

/* Open the next file that has a header; 0 when there is none. */
static int
open_next(struct rd *r)
{
	while (r->cur < (r->nfiles ? r->nfiles : 1)) {
		int k;
		size_t i;

		rd_open_fd(r);
		r->fmt = r->book != NULL ?
		    FMT_TSV :
		    rd_detect_fmt(r->buf + r->pos, r->buf + r->end, &r->o);
		r->head.fmt = r->fmt;
		r->head.identity = 0;
		r->cut = 0; /* (the header's fields all read) */
		if (r->o.noheader)
			return 1;
		k = rd_header_row(r);
		if (k == RD_EOF) {
			rd_close_file(r);
			continue;
		}
		if (k == RD_BAD)
			zl_die_at(ZL_IOERR, r->fname, r->rline, _("header: %s"),
			    r->err);
		if (r->nf == 0 && r->first_file == NULL) {
			/* the first header: the stream's fields */
			r->first_file = xstrdup(r->fname);
			r->nf = r->fnf_rec;
			r->names = xcalloc(r->nf, sizeof *r->names);
			for (i = 0; i < r->nf; i++) {
				r->names[i].p = xstrndup(r->ff[i].p,
				    r->ff[i].n);
				r->names[i].n = r->ff[i].n;
			}
			buf_add(&r->header_line, r->rec.raw.p, r->rec.raw.n);
			r->hline = r->rline;
			check_names(r);
		}
		set_perm(r);
		rd_fields_upto(r, r->upto);
		r->head.nf = r->nf;
		r->head.names = r->names;
		r->head.identity = r->identity;
		return 1;
	}
	return 0;
}

/* ---- the public interface ---- */

/* A reader still open at the end of the run is closed (after a fatal
 * error: its progress line ended first). */
static int
rd_end(int status, int fatal, void *arg)
{
	struct rd *r = arg;

	if (fatal && r->progress && !r->progress_done &&
	    r->tlast.tv_sec != r->t0.tv_sec)
		fputc('\n', stderr);
	rd_close(r);
	return status;
}

struct rd *
rd_open(int nfiles, char *const *files, const struct rd_opts *o)
{
	struct rd *r = xcalloc(1, sizeof *r);

	zl_at_end(rd_end, r);
	r->o = *o;
	r->files = files;
	r->nfiles = nfiles;
	rd_tsv_init(r);
	r->cd = (iconv_t)-1;
	r->refd = -1;
	r->rec.head = &r->head;
	rd_csv_reset(r);
	rd_stat_inputs(r);
	if (o->by_pos)
		r->by_pos = rd_check_by_pos(r);
	r->hline = 1;
	r->progress = o->progress;
	if (r->progress < 0)
		r->progress = isatty(2) && r->total_bytes > 100000000ULL;
	if ((r->progress && r->total_bytes == 0) || o->quiet)
		r->progress = 0;
	clock_gettime(CLOCK_MONOTONIC, &r->t0);
	r->tlast = r->t0;
	open_next(r);
	return r;
}

void
rd_fields_upto(struct rd *r, size_t n)
{
	r->upto = n;
	r->cut = r->identity && r->fmt == FMT_CSV && n < r->nf ? n : 0;
}

/* 1 when every field of the line just read is empty. */
static int
all_empty(const struct rd *r)
{
	size_t i;

	if (r->cut_text)
		return 0;

	for (i = 1; i < r->fnf_rec; i++)
		if (r->ff[i].n != 0)
			return 0;
	return 1;
}

/* The next row (its raw in r->rec.raw): one read looking for the header
 * again, or a new one. */
static int
next_row(struct rd *r)
{
	int k;

	r->tline.p = NULL;
	if (r->nrows > 0) {
		k = rd_replay(r);
	} else {
		k = rd_next_record(r);
		r->rec.raw.p = r->buf + r->rs;
		r->rec.raw.n = r->re - r->rs;
	}
	/* the TSV line made of it, for a file in the stream's order (its
	 * two words apart: one load of both would wait for their stores) */
	r->rec.tsv.p = r->identity ? r->tline.p : NULL;
	r->rec.tsv.n = r->tline.n;
	return k;
}

int
rd_next(struct rd *r, struct rec **out)
{
	for (;;) {
		int k;
		size_t i;

		if (!r->is_open && !open_next(r)) {
			if (r->progress && !r->progress_done) {
				r->progress_done = 1;
				rd_progress(r, 1);
			}
			return 0;
		}
		k = next_row(r);
		if (k == RD_EOF) {
			rd_close_file(r);
			continue;
		}
		if (k == RD_BAD && r->o.quiet)
			continue;
		if (k != RD_BAD && r->fnf_rec > 0 && r->ff[0].n == 0 &&
		    all_empty(r))
			continue; /* ",,,,": a blank line (Excel, below a table)
				   */
		r->count++;
		if (!r->o.quiet && !r->part)
			rej_read();
		r->rec.file = r->fname;
		r->rec.line = r->rline;
		r->rec.plain = 0;
		r->rec.pos = -1;
		if (k == RD_BAD) {
			r->rec.nf = 0;
			r->rec.f = NULL;
			rec_reject_as(&r->rec, r->why, "%s", r->err);
			continue;
		}
		if (r->o.noheader) {
			r->rec.nf = r->fnf_rec;
			r->rec.f = r->ff;
			*out = &r->rec;
			return 1;
		}
		rd_book_pad(r);
		if (r->fnf_rec != r->fnf) {
			if (r->o.quiet)
				continue;
			/* (the count only: the --reject file pads a short one)
			 */
			r->rec.nf = r->fnf_rec;
			r->rec.f = NULL;
			rec_reject(&r->rec, _("%zu fields, the header has %zu"),
			    r->fnf_rec, r->fnf);
			continue;
		}
		if (r->identity) {
			r->rec.f = r->ff;
		} else {
			if (r->capf < r->nf) {
				r->capf = r->nf;
				r->f = xreallocarray(r->f, r->capf,
				    sizeof *r->f);
			}
			for (i = 0; i < r->nf; i++)
				r->f[i] = r->ff[r->perm[i]];
			r->rec.f = r->f;
		}
		r->rec.nf = r->nf;
		r->rec.plain = r->identity && r->fmt == FMT_TSV && !r->escaped;
		if (r->by_pos && r->seekable && r->enc == ENC_UTF8 &&
		    r->fmt == FMT_TSV && r->identity && r->cur < POS_FILES &&
		    r->base + r->rs < (1ULL << POS_BITS))
			r->rec.pos = (long long)((unsigned long long)r->cur
				<< POS_BITS |
			    (r->base + r->rs));
		*out = &r->rec;
		return 1;
	}
}

size_t
rd_nfields(const struct rd *r)
{
	return r->nf;
}

const struct str *
rd_names(const struct rd *r)
{
	return r->names;
}

long
rd_find(const struct rd *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nf; i++)
		if (str_eqi(str_trim(r->names[i]), name))
			return (long)i;
	return -1;
}

long
rd_header_line(const struct rd *r)
{
	return r->hline;
}

const char *
rd_file(const struct rd *r)
{
	return r->fname ? r->fname : r->first_file ? r->first_file : "-";
}

const char *
rd_first_file(const struct rd *r)
{
	return r->first_file ? r->first_file : rd_file(r);
}

unsigned long long
rd_count(const struct rd *r)
{
	return r->count;
}

void
rd_say_empty(const struct rd *r)
{
	if (r->count > 0)
		return;
	if (r->nfiles > 1)
		zl_warn(_("no records in the %d inputs"), r->nfiles);
	else if (rd_nfields(r) == 0)
		zl_warn(_("%s: no records: the input is empty"),
		    rd_first_file(r));
	else
		zl_warn(_("%s: no records, only a header"), rd_first_file(r));
}

void
rd_close(struct rd *r)
{
	size_t i;

	if (r == NULL)
		return;
	zl_at_end_cancel(rd_end, r);
	rd_close_file(r);
	if (r->refd >= 0)
		close(r->refd);
	free(r->rebuf);
	free(r->stamps);
	for (i = 0; i < r->nblocks; i++)
		free(r->blocks[i]);
	free(r->blocks);
	free(r->kept);
	for (i = 0; i < r->nf; i++)
		free((char *)r->names[i].p);
	free(r->names);
	free(r->first_file);
	buf_free(&r->header_line);
	rd_rows_free(r);
	free(r->perm);
	free(r->ff);
	free(r->tabs);
	free(r->f);
	free(r->coff);
	buf_free(&r->scratch);
	free(r->bad);
	free(r->raw);
	free(r->buf);
	if (r->csv_init)
		csv_free(&r->csv);
	free(r);
}

unsigned long long
rd_size(const struct rd *r)
{
	return r->total_bytes;
}
