/*
 * wr: record writers (DESIGN.md section 2): tsv, csv, json (JSON Lines),
 * table (aligned for a terminal) and md (Markdown), all on out_*();
 * xlsx handed to wr_xlsx.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/out.h"
#include "lib/utf8.h"
#include "lib/wr_int.h"

/*
 * The line of record r when f[0, nf) are its fields, in order, lying in
 * it: a plain record's raw line (TSV without escapes), or the TSV line the
 * reader made of it (rec.tsv); both padded (wr_int.h).  NULL otherwise.
 */
static inline const struct str *
rec_line(const struct rec *r, const struct str *f, size_t nf)
{
	const struct str *l;

	if (r == NULL || r->nf != nf || nf == 0)
		return NULL;
	l = r->plain ? &r->raw : &r->tsv;
	if (l->p == NULL || f[0].p != l->p ||
	    f[nf - 1].p + f[nf - 1].n != l->p + l->n)
		return NULL;
	return l;
}

/*
 * A record of nf fields as TSV or CSV (fmt): a field that needs nothing as
 * it is, the others escaped or quoted.  r: the record read, or NULL.
 */
static void
put_line(int fmt, const struct str *f, size_t nf, const struct rec *r)
{
	static struct buf b;
	size_t i, need = nf + 1 + WR_SLACK;
	const struct str *l = rec_line(r, f, nf);
	char *d, *p;

	if (l != NULL) /* its fields: the line less its TABs */
		need += WR_ROOM_CSV(l->n) + (2 + WR_SLACK) * nf;
	else
		for (i = 0; i < nf; i++)
			need += WR_ROOM_CSV(f[i].n);
	if ((d = out_room(need)) != NULL && fmt == FMT_CSV) {
		if (l != NULL)
			p = wr_csv_tsvline(d, l->p, l->n, f, nf);
		else
			p = wr_csv_line(d, f, nf, r != NULL && r->plain);
		*p++ = '\n';
		out_wrote((size_t)(p - d));
		return;
	}
	if (d != NULL) { /* the line built in place */
		/* a record read: its fields are its raw line's, unquoted or
		 * unescaped, so none needs escaping when the line does not */
		p = wr_tsv_line(d, f, nf,
		    r != NULL && wr_tsv_clean(r->raw.p, r->raw.n) ? &r->raw :
								    NULL);
		*p++ = '\n';
		out_wrote((size_t)(p - d));
		return;
	}
	for (i = 0; i < nf; i++) {
		if (i > 0)
			out_putc(fmt == FMT_TSV ? '\t' : ',');
		buf_reset(&b);
		if (fmt == FMT_TSV)
			tsv_escape(&b, f[i].p, f[i].n);
		else
			csv_quote(&b, f[i].p, f[i].n);
		out_write(b.p, b.n);
	}
	out_putc('\n');
}

/* A JSON string, in its quotes. */
static void
put_json_str(const char *s, size_t n)
{
	static struct buf b;

	buf_reset(&b);
	buf_grow(&b, WR_ROOM_JSON(n) + 2);
	b.p[0] = '"';
	b.n = 1 + wr_json_to(b.p + 1, s, n);
	b.p[b.n++] = '"';
	out_write(b.p, b.n);
}

/* The keys of the JSON records, escaped once. */
static void
json_keys(struct wr *w)
{
	size_t i;

	w->koff = xcalloc(w->nf + 1, sizeof *w->koff);
	for (i = 0; i < w->nf; i++) {
		w->koff[i] = w->keys.n;
		if (i > 0)
			buf_addc(&w->keys, ',');
		buf_addc(&w->keys, '"');
		buf_grow(&w->keys, WR_ROOM_JSON(w->names[i].n));
		w->keys.n += wr_json_to(w->keys.p + w->keys.n, w->names[i].p,
		    w->names[i].n);
		buf_add(&w->keys, "\":", 2);
	}
	w->koff[w->nf] = w->keys.n;
	buf_grow(&w->keys, WR_SLACK);
	memset(w->keys.p + w->keys.n, 0, WR_SLACK);
	for (i = 0; i < w->nf; i++) {
		buf_addc(&w->qkeys, '"');
		buf_add(&w->qkeys, w->keys.p + w->koff[i],
		    w->koff[i + 1] - w->koff[i]);
		buf_addc(&w->qkeys, '"');
	}
	buf_grow(&w->qkeys, WR_SLACK);
	memset(w->qkeys.p + w->qkeys.n, 0, WR_SLACK);
	w->jtext = w->nf > 0 && w->nf <= 64 && w->qkeys.n < UINT32_MAX;
	w->tkeys = xcalloc(w->nf, sizeof *w->tkeys);
	w->tkey32 = 1;
	for (i = 0; i < w->nf; i++) {
		w->tkeys[i].off = (uint32_t)(w->koff[i] + 2 * i + (i == 0));
		w->tkeys[i].len = (uint32_t)(w->koff[i + 1] - w->koff[i] + 1 +
		    (i > 0));
		if (w->tkeys[i].len > 32)
			w->tkey32 = 0;
	}
	for (i = 0; i < w->nf; i++) {
		if (w->types[i] == COL_NUM)
			w->jtext = 0;
		else if (w->types[i] == COL_AUTO && i < 64)
			w->jauto |= UINT64_C(1) << i;
	}
}

/* A JSON record too long for the output buffer, a piece at a time. */
static void
put_json_long(const struct wr *w, const struct str *f)
{
	size_t i;

	out_putc('{');
	for (i = 0; i < w->nf; i++) {
		int kind = wr_json_kind(w, i, &f[i]);

		out_write(w->keys.p + w->koff[i], w->koff[i + 1] - w->koff[i]);
		if (kind < 0)
			out_write("null", 4);
		else if (kind > 0)
			out_write(f[i].p, f[i].n);
		else
			put_json_str(f[i].p, f[i].n);
	}
	out_write("}\n", 2);
}

/* A record as a line of JSON, built in the output buffer; r: the record
 * read, or NULL. */
static void
put_json(const struct wr *w, const struct str *f, const struct rec *r)
{
	size_t i, need = w->keys.n + 3 + 2 * WR_SLACK; /* esc_block64 */
	const struct str *l = rec_line(r, f, w->nf);
	char *d, *p;

	if (l != NULL) /* its fields: the line less its TABs */
		need += WR_ROOM_JSONREC(l->n) + 4 * w->nf;
	else
		for (i = 0; i < w->nf; i++)
			need += WR_ROOM_JSONREC(f[i].n);
	if ((d = out_room(need)) == NULL) {
		put_json_long(w, f);
		return;
	}
#ifdef WR_AVX512
	if (l != NULL && wr_avx512())
		p = wr_json_line64(w, d, f, l->p, l->n);
	else
#endif
	    if (l != NULL)
		p = wr_json_line(w, d, f, l->p, l->n);
	else
		p = wr_json_line(w, d, f, NULL, 0);
	*p++ = '\n';
	out_wrote((size_t)(p - d));
}

/* Markdown cell: | escaped, line breaks as <br>, controls as \xNN. */
static void
put_md(const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char e[4];

		if (c >= 0x20 && c != '|' && c != '\\' && c != 0x7F)
			continue;
		out_write(s + start, i - start);
		start = i + 1;
		if (c == '|')
			out_write("\\|", 2);
		else if (c == '\\')
			out_write("\\\\", 2);
		else if (c == '\n')
			out_write("<br>", 4);
		else if (c == '\r') {
			if (i + 1 >= n || s[i + 1] != '\n')
				out_write("<br>", 4);
		} else if (c == '\t')
			out_putc(' ');
		else {
			e[0] = '\\';
			e[1] = 'x';
			e[2] = hex[c >> 4];
			e[3] = hex[c & 15];
			out_write(e, 4);
		}
	}
	out_write(s + start, n - start);
}

/*
 * Table cell as shown: controls escaped (\t \n \r \xNN, also C1 controls
 * as \u0080..), the rest as is.  Appended to b.
 */
static void
table_cell(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, start = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t k = 1;
		unsigned cp = c;

		if (c >= 0x80 && (k = u8_decode(s + i, n - i, &cp)) == 0)
			k = 1; /* not UTF-8: shown as it is */
		if ((cp >= 0x20 && cp < 0x7F) || cp >= 0xA0) {
			i += k;
			continue;
		}
		buf_add(b, s + start, i - start);
		if (cp == '\t')
			buf_add(b, "\\t", 2);
		else if (cp == '\n')
			buf_add(b, "\\n", 2);
		else if (cp == '\r')
			buf_add(b, "\\r", 2);
		else if (cp < 0x80) {
			char e[4] = { '\\', 'x', hex[cp >> 4], hex[cp & 15] };

			buf_add(b, e, 4);
		} else {
			char e[6] = { '\\', 'u', '0', '0', hex[cp >> 4],
				hex[cp & 15] };

			buf_add(b, e, 6);
		}
		i += k;
		start = i;
	}
	buf_add(b, s + start, n - start);
}

struct wr *
wr_open(int fmt, size_t nf, const struct str *names, const unsigned char *types,
    unsigned flags)
{
	struct wr *w = xcalloc(1, sizeof *w);
	size_t i;

	w->fmt = fmt;
	w->nf = nf;
	w->names = xcalloc(nf ? nf : 1, sizeof *w->names);
	w->types = xcalloc(nf ? nf : 1, 1);
	for (i = 0; i < nf; i++) {
		w->names[i].p = xstrndup(names[i].p, names[i].n);
		w->names[i].n = names[i].n;
		w->types[i] = types ? types[i] : COL_AUTO;
	}
	if (fmt == FMT_JSON)
		json_keys(w);
	if (fmt == FMT_XLSX)
		w->x = wx_open(nf, names, w->types);
	else if ((flags & WR_BOM) && fmt != FMT_TABLE)
		out_write("\xEF\xBB\xBF", 3);
	switch (fmt) {
	case FMT_TSV:
	case FMT_CSV:
		if (nf > 0)
			put_line(fmt, names, nf, NULL);
		break;
	case FMT_MD:
		if (nf == 0)
			break;
		out_putc('|');
		for (i = 0; i < nf; i++) {
			out_putc(' ');
			put_md(names[i].p, names[i].n);
			out_write(" |", 2);
		}
		out_putc('\n');
		out_putc('|');
		for (i = 0; i < nf; i++)
			out_puts(w->types[i] == COL_NUM ? " ---: |" : " --- |");
		out_putc('\n');
		break;
	}
	return w;
}

static void
table_add(struct wr *w, const struct str *f)
{
	size_t i;

	if (w->nrows == w->caprows) {
		w->caprows = w->caprows ? w->caprows * 2 : 256;
		w->off = xreallocarray(w->off, w->caprows,
		    (w->nf + 1) * sizeof *w->off);
	}
	for (i = 0; i < w->nf; i++) {
		w->off[w->nrows * (w->nf + 1) + i] = w->cells.n;
		table_cell(&w->cells, f[i].p, f[i].n);
	}
	w->off[w->nrows * (w->nf + 1) + w->nf] = w->cells.n;
	w->nrows++;
}

/* Record f; r: the record read, or NULL. */
static void
put_rec(struct wr *w, const struct str *f, const struct rec *r)
{
	size_t i;

	switch (w->fmt) {
	case FMT_TSV:
	case FMT_CSV:
		put_line(w->fmt, f, w->nf, r);
		break;
	case FMT_JSON:
		put_json(w, f, r);
		break;
	case FMT_MD:
		out_putc('|');
		for (i = 0; i < w->nf; i++) {
			out_putc(' ');
			put_md(f[i].p, f[i].n);
			out_write(" |", 2);
		}
		out_putc('\n');
		break;
	case FMT_TABLE:
		table_add(w, f);
		break;
	case FMT_XLSX:
		wx_rec(w->x, f);
		break;
	}
}

void
wr_rec(struct wr *w, const struct str *f)
{
	put_rec(w, f, NULL);
}

void
wr_rec_from(struct wr *w, const struct rec *r)
{
	const struct str *l;

	if (w->fmt == FMT_TSV &&
	    (l = r->plain && r->nf == w->nf ?
		    &r->raw :
		    rec_line(r, r->f, w->nf)) != NULL) {
		/* the line as read (or made) is what we would write */
		if (l->p[l->n] == '\n') {
			out_write(l->p, l->n + 1);
		} else {
			out_write(l->p, l->n);
			out_putc('\n');
		}
		return;
	}
	/* a plain record's fields lie in the reader's line, padded; the
	 * formats of most records first, without put_rec's switch */
	if (w->fmt == FMT_JSON)
		put_json(w, r->f, r);
	else if (w->fmt == FMT_CSV)
		put_line(FMT_CSV, r->f, w->nf, r);
	else
		put_rec(w, r->f, r);
}

static void
pad(size_t n)
{
	static const char sp[] = "                                ";

	while (n > 0) {
		size_t k = n < sizeof sp - 1 ? n : sizeof sp - 1;

		out_write(sp, k);
		n -= k;
	}
}

static void
table_flush(struct wr *w)
{
	size_t *width = xcalloc(w->nf + 1, sizeof *width);
	unsigned char *right = xcalloc(w->nf + 1, 1);
	struct buf head = { 0 };
	size_t *hoff = xcalloc(w->nf + 1, sizeof *hoff);
	size_t r, i;

	for (i = 0; i < w->nf; i++) {
		hoff[i] = head.n;
		table_cell(&head, w->names[i].p, w->names[i].n);
	}
	hoff[w->nf] = head.n;
	for (i = 0; i < w->nf; i++) {
		int seen = 0, allnum = 1;

		width[i] = u8_width(head.p + hoff[i], hoff[i + 1] - hoff[i]);
		for (r = 0; r < w->nrows; r++) {
			size_t *o = w->off + r * (w->nf + 1);
			size_t cw = u8_width(w->cells.p + o[i],
			    o[i + 1] - o[i]);

			if (cw > width[i])
				width[i] = cw;
			if (o[i + 1] > o[i]) {
				seen = 1;
				if (!wr_json_number(w->cells.p + o[i],
					o[i + 1] - o[i]))
					allnum = 0;
			}
		}
		right[i] = w->types[i] == COL_NUM ||
		    (w->types[i] == COL_AUTO && seen && allnum);
	}
	for (r = 0; r <= w->nrows; r++) {
		const char *base = r == 0 ? head.p : w->cells.p;
		size_t *o = r == 0 ? hoff : w->off + (r - 1) * (w->nf + 1);

		for (i = 0; i < w->nf; i++) {
			size_t n = o[i + 1] - o[i];
			size_t cw = u8_width(base + o[i], n);

			if (i > 0)
				out_write("  ", 2);
			if (right[i]) {
				pad(width[i] - cw);
				out_write(base + o[i], n);
			} else {
				out_write(base + o[i], n);
				if (i + 1 < w->nf)
					pad(width[i] - cw);
			}
		}
		if (w->nf > 0)
			out_putc('\n');
	}
	buf_free(&head);
	free(hoff);
	free(width);
	free(right);
}

int
wr_lines(const struct wr *w)
{
	return w->fmt == FMT_TSV || w->fmt == FMT_CSV;
}

char
wr_sep(const struct wr *w)
{
	return w->fmt == FMT_CSV ? ',' : '\t';
}

void
wr_text(const struct wr *w, struct buf *b, const char *s, size_t n)
{
	if (w->fmt == FMT_CSV)
		csv_quote(b, s, n);
	else
		tsv_escape(b, s, n);
}

void
wr_close(struct wr *w)
{
	size_t i;

	if (w == NULL)
		return;
	if (w->fmt == FMT_TABLE)
		table_flush(w);
	if (w->fmt == FMT_XLSX)
		wx_close(w->x);
	for (i = 0; i < w->nf; i++)
		free((char *)w->names[i].p);
	free(w->names);
	free(w->types);
	free(w->off);
	free(w->koff);
	free(w->tkeys);
	buf_free(&w->keys);
	buf_free(&w->qkeys);
	buf_free(&w->cells);
	free(w);
}
