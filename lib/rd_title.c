/*
 * rd: the header under title rows.  Exports and sheets made by hand often
 * have a title row or two above the header ("双滦慧办 案件导出 2024年3月"):
 * when the program names the fields it needs (rd_opts.need), a file's
 * header is the first of its first RD_TITLE_ROWS rows that names them
 * all, whatever reader made the rows.  The rows above it are skipped and
 * said; when no row names them, the rows read while looking are read
 * again after the header chosen instead (rd_replay), so that nothing is
 * lost.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/rd_int.h"

/* Does the cell c (trimmed; k its canonical name or NULL) name one of the
 * '|'-separated names of g? */
static int
in_group(struct str c, const char *k, const char *g)
{
	while (*g != '\0') {
		size_t n = strcspn(g, "|");

		if (k != NULL ? strlen(k) == n && memcmp(k, g, n) == 0 :
				c.n == n && strncasecmp(c.p, g, n) == 0)
			return 1;
		g += n + (g[n] == '|');
	}
	return 0;
}

/*
 * How many of o->need the cells name: those naming a field (*some), and
 * with them those of "*" (each met by one cell canon knows).
 */
static size_t
need_met(const struct rd_opts *o, const struct str *cells, size_t n,
    size_t *some)
{
	unsigned long long met = 0;
	size_t i, g, stars = 0, known = 0;

	*some = 0;
	for (i = 0; i < n; i++) {
		struct str c = str_trim(cells[i]);
		const char *k = o->canon ? o->canon(c, o->canon_arg) : NULL;

		known += k != NULL;
		for (g = 0; o->need[g] != NULL && g < 64; g++)
			if (strcmp(o->need[g], "*") != 0 &&
			    in_group(c, k, o->need[g]))
				met |= 1ULL << g;
	}
	for (g = 0; o->need[g] != NULL && g < 64; g++)
		if (strcmp(o->need[g], "*") == 0)
			stars++;
		else
			*some += met >> g & 1;
	return *some + (known < stars ? known : stars);
}

static size_t
need_len(const struct rd_opts *o)
{
	size_t g = 0;

	while (o->need != NULL && o->need[g] != NULL && g < 64)
		g++;
	return g;
}

/*
 * The cells of the line [p, p+n) split on sep (a CSV cell's quotes
 * around it dropped: a header's cells seldom hold one), in *v.
 */
static size_t
split_line(const char *p, size_t n, char sep, struct str **v, size_t *cap)
{
	size_t k = 0;

	if (n > 0 && p[n - 1] == '\r')
		n--;
	for (;;) {
		const char *e = memchr(p, sep, n);
		size_t len = e ? (size_t)(e - p) : n;

		if (k == *cap)
			*v = xgrow(*v, cap, 16, sizeof **v);
		(*v)[k] = str_trim((struct str) { p, len });
		if (sep == ',' && (*v)[k].n >= 2 && (*v)[k].p[0] == '"' &&
		    (*v)[k].p[(*v)[k].n - 1] == '"') {
			(*v)[k].p++;
			(*v)[k].n -= 2;
		}
		k++;
		if (e == NULL || k == REC_MAX_FIELDS)
			return k;
		n -= len + 1;
		p = e + 1;
	}
}

/*
 * The format of the header under title rows: of the first of the first
 * RD_TITLE_ROWS lines of [p, end) that names o->need (else the first
 * naming most of its fields), split on TABs when it has one (FMT_TSV),
 * else on commas (FMT_CSV); FMT_AUTO when none names one (or need is
 * NULL).  So a title row tells nothing of the format, whatever separator
 * it holds or lacks.
 */
int
rd_need_fmt(const char *p, const char *end, const struct rd_opts *o)
{
	struct str *v = NULL;
	size_t cap = 0, some, most = 0, all, lines = 0, k;
	int fmt = FMT_AUTO;

	if ((all = need_len(o)) == 0)
		return FMT_AUTO;
	while (p < end && lines < RD_TITLE_ROWS) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		int tab = memchr(p, '\t', n) != NULL;

		k = split_line(p, n, tab ? '\t' : ',', &v, &cap);
		if (need_met(o, v, k, &some) == all || some > most) {
			fmt = tab || k == 1 ? FMT_TSV : FMT_CSV;
			if (need_met(o, v, k, &some) == all)
				break;
			most = some;
		}
		lines += n > 0;
		p += n + (nl != NULL);
	}
	free(v);
	return fmt;
}

/* Zeros past the rows kept: vector code may read PAD bytes past a field. */
static void
pad_text(struct rd *r)
{
	buf_grow(&r->rtext, PAD);
	memset(r->rtext.p + r->rtext.n, 0, PAD);
}

/* Keep the row just read (k), to be read again. */
static void
keep_row(struct rd *r, int k)
{
	struct row *w;
	size_t i;

	if (r->nrows == r->caprows)
		r->rows = xgrow(r->rows, &r->caprows, RD_TITLE_ROWS,
		    sizeof *r->rows);
	w = &r->rows[r->nrows++];
	memset(w, 0, sizeof *w);
	w->text = r->rtext.n;
	w->nraw = r->re - r->rs;
	buf_add(&r->rtext, r->buf + r->rs, w->nraw);
	w->line = r->rline;
	w->k = k;
	w->escaped = r->escaped;
	w->why = r->why;
	memcpy(w->err, r->err, sizeof w->err);
	if (k != RD_OK) {
		pad_text(r);
		return;
	}
	w->f = r->nroff / 2;
	w->nf = r->fnf_rec;
	for (i = 0; i < r->fnf_rec; i++) {
		if (r->nroff + 2 > r->caproff)
			r->roff = xgrow(r->roff, &r->caproff, 64,
			    sizeof *r->roff);
		r->roff[r->nroff++] = r->rtext.n;
		r->roff[r->nroff++] = r->ff[i].n;
		buf_add(&r->rtext, r->ff[i].p, r->ff[i].n);
	}
	pad_text(r);
}

/* Make row i of those kept the row read: 1, or RD_BAD. */
static int
load_row(struct rd *r, size_t i)
{
	const struct row *w = &r->rows[i];
	size_t j;

	r->rec.raw.p = r->rtext.p + w->text;
	r->rec.raw.n = w->nraw;
	r->rline = w->line;
	r->escaped = w->escaped;
	r->why = w->why;
	memcpy(r->err, w->err, sizeof r->err);
	if (w->k != RD_OK)
		return w->k;
	if (r->capff < w->nf + 1) {
		r->capff = w->nf + 64;
		r->ff = xreallocarray(r->ff, r->capff, sizeof *r->ff);
	}
	for (j = 0; j < w->nf; j++) {
		r->ff[j].p = r->rtext.p + r->roff[2 * (w->f + j)];
		r->ff[j].n = r->roff[2 * (w->f + j) + 1];
	}
	r->fnf_rec = w->nf;
	return RD_OK;
}

/* The next row kept, read again (its raw in r->rec.raw). */
int
rd_replay(struct rd *r)
{
	int k = load_row(r, r->irow++);

	if (r->irow == r->nrows)
		r->irow = r->nrows = 0; /* (rtext holds until the next file) */
	return k;
}

static int
blank_row(const struct rd *r)
{
	size_t i;

	for (i = 0; i < r->fnf_rec; i++)
		if (r->ff[i].n != 0)
			return 0;
	return 1;
}

static void
say_titles(const struct rd *r, size_t n)
{
	if (n > 0 && !r->o.quiet)
		zl_warn(ngettext("%s: %zu title row above the header skipped",
			    "%s: %zu title rows above the header skipped", n),
		    r->fname, n);
}

/*
 * Read the current file's header (as rd_next_record, with its raw in
 * r->rec.raw): the first row naming o.need, or else the row naming most
 * of its fields; the rows read after that one are kept for rd_replay.
 */
int
rd_header_row(struct rd *r)
{
	size_t all = need_len(&r->o), best = 0, most = 0, some;
	int k;

	r->nrows = r->irow = r->nroff = 0;
	buf_reset(&r->rtext);
	if (all == 0) {
		k = rd_next_record(r);
		r->rec.raw.p = r->buf + r->rs;
		r->rec.raw.n = r->re - r->rs;
		return k;
	}
	for (;;) {
		k = rd_next_record(r);
		if (k == RD_EOF)
			break;
		if (k == RD_OK && blank_row(r))
			continue; /* (",,,,": no title, no header) */
		if (k == RD_OK &&
		    need_met(&r->o, r->ff, r->fnf_rec, &some) == all) {
			say_titles(r, r->nrows);
			if (r->nrows > 0) /* not the line rd_check_by_pos saw */
				r->by_pos = 0;
			r->nrows = 0;
			r->rec.raw.p = r->buf + r->rs;
			r->rec.raw.n = r->re - r->rs;
			return k;
		}
		keep_row(r, k);
		if (k == RD_OK && some > most) {
			most = some;
			best = r->nrows - 1;
		}
		if (r->nrows == RD_TITLE_ROWS || r->rtext.n > TITLE_BYTES)
			break;
	}
	if (r->nrows == 0)
		return RD_EOF;
	r->by_pos = 0; /* (rows read again have no position) */
	/* no row names them all: the one naming most, the rows after it
	 * read again */
	say_titles(r, best);
	k = load_row(r, best);
	r->irow = best + 1;
	if (r->irow == r->nrows)
		r->irow = r->nrows = 0;
	return k;
}

void
rd_rows_free(struct rd *r)
{
	free(r->rows);
	free(r->roff);
	buf_free(&r->rtext);
}
