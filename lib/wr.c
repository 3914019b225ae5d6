/*
 * wr: record writers (DESIGN.md section 2): tsv, csv, json (JSON Lines),
 * table (aligned for a terminal) and md (Markdown), all on out_*();
 * xlsx handed to wr_xlsx.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lib/out.h"
#include "lib/utf8.h"
#include "lib/wr_int.h"

struct wr {
	int fmt;
	size_t nf;
	struct str *names;
	unsigned char *types;
	/* table: every cell kept until the end */
	struct buf cells;
	size_t *off; /* nrows * nf offsets (+ length) into cells */
	size_t nrows, caprows;
	int header_done;
	struct wx *x; /* xlsx */
};

/* The TSV escape of each byte that needs one (\t \n \r \\), else 0. */
static const char
    tsv_esc[256] = { ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\' };
/* The bytes that make a CSV field need quotes. */
static const unsigned char
    special_csv[256] = { [','] = 1, ['"'] = 1, ['\n'] = 1, ['\r'] = 1 };

/* s escaped for TSV into d (room for 2n bytes): its length. */
static size_t
tsv_escape_to(char *d, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		char e = tsv_esc[(unsigned char)s[i]];

		if (e != 0) {
			d[o++] = '\\';
			d[o++] = e;
		} else
			d[o++] = s[i];
	}
	return o;
}

void
tsv_escape(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, 2 * n);
	b->n += tsv_escape_to(b->p + b->n, s, n);
	b->p[b->n] = '\0';
}

/* Index of the first byte of s that TSV must escape, or n. */
static size_t
tsv_plain_len(const char *s, size_t n)
{
	size_t i = 0;

#if defined(__SSE2__)
	const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n');
	const __m128i cr = _mm_set1_epi8('\r'), bs = _mm_set1_epi8('\\');

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		unsigned m = (unsigned)_mm_movemask_epi8(
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab),
				     _mm_cmpeq_epi8(v, lf)),
			_mm_or_si128(_mm_cmpeq_epi8(v, cr),
			    _mm_cmpeq_epi8(v, bs))));

		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i < n; i++)
		if (tsv_esc[(unsigned char)s[i]] != 0)
			return i;
	return n;
}

/* Does a CSV field need quotes? */
static int
csv_needs_quotes(const char *s, size_t n)
{
	size_t i;

	if (n > 0 &&
	    (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
		s[n - 1] == '\t'))
		return 1;
	for (i = 0; i < n; i++)
		if (special_csv[(unsigned char)s[i]])
			return 1;
	return 0;
}

/* s quoted for CSV into d (room for 2n + 2 bytes): its length. */
static size_t
csv_quote_to(char *d, const char *s, size_t n)
{
	const char *q, *end = s + n;
	size_t o = 0;

	d[o++] = '"';
	while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
		memcpy(d + o, s, (size_t)(q + 1 - s));
		o += (size_t)(q + 1 - s);
		d[o++] = '"';
		s = q + 1;
	}
	memcpy(d + o, s, (size_t)(end - s));
	o += (size_t)(end - s);
	d[o++] = '"';
	return o;
}

void
csv_quote(struct buf *b, const char *s, size_t n)
{
	if (!csv_needs_quotes(s, n)) {
		buf_add(b, s, n);
		return;
	}
	buf_grow(b, 2 * n + 2);
	b->n += csv_quote_to(b->p + b->n, s, n);
	b->p[b->n] = '\0';
}

/*
 * A record of nf fields as TSV or CSV (fmt): a field that needs nothing as
 * it is, the others escaped or quoted.
 */
static void
put_line(int fmt, const struct str *f, size_t nf)
{
	static struct buf b;
	size_t i, need = nf + 1;
	char *d, *p;

	for (i = 0; i < nf; i++)
		need += 2 * f[i].n + 2;
	if ((d = out_room(need)) != NULL) { /* the line built in place */
		for (p = d, i = 0; i < nf; i++) {
			const char *s = f[i].p;
			size_t n = f[i].n;

			if (i > 0)
				*p++ = fmt == FMT_TSV ? '\t' : ',';
			if (fmt == FMT_TSV ? tsv_plain_len(s, n) == n :
					     !csv_needs_quotes(s, n)) {
				memcpy(p, s, n);
				p += n;
			} else
				p += fmt == FMT_TSV ? tsv_escape_to(p, s, n) :
						      csv_quote_to(p, s, n);
		}
		*p++ = '\n';
		out_wrote((size_t)(p - d));
		return;
	}
	for (i = 0; i < nf; i++) {
		const char *s = f[i].p;
		size_t n = f[i].n;

		if (i > 0)
			out_putc(fmt == FMT_TSV ? '\t' : ',');
		buf_reset(&b);
		if (fmt == FMT_TSV)
			tsv_escape(&b, s, n);
		else
			csv_quote(&b, s, n);
		out_write(b.p, b.n);
	}
	out_putc('\n');
}

static void
put_json_str(const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, start = 0;

	out_putc('"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char e[6];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		out_write(s + start, i - start);
		start = i + 1;
		switch (c) {
		case '"':
			out_write("\\\"", 2);
			break;
		case '\\':
			out_write("\\\\", 2);
			break;
		case '\n':
			out_write("\\n", 2);
			break;
		case '\r':
			out_write("\\r", 2);
			break;
		case '\t':
			out_write("\\t", 2);
			break;
		default:
			memcpy(e, "\\u00", 4);
			e[4] = hex[c >> 4];
			e[5] = hex[c & 15];
			out_write(e, 6);
		}
	}
	out_write(s + start, n - start);
	out_putc('"');
}

/*
 * A value written as a JSON number by inference: an optional minus, an
 * integer part without a leading zero (or a single 0), an optional
 * fraction, at most 15 digits in all (so it survives a double).
 */
static int
looks_numeric(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	if (i < n && s[i] == '-')
		i++;
	if (i >= n || s[i] < '0' || s[i] > '9')
		return 0;
	if (s[i] == '0' && i + 1 < n && s[i + 1] != '.')
		return 0;
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		i++;
		digits++;
	}
	if (i < n && s[i] == '.') {
		i++;
		if (i >= n)
			return 0;
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			i++;
			digits++;
		}
	}
	return i == n && digits <= 15;
}

/* A JSON number as RFC 8259 has it (for declared numeric columns). */
static int
json_number(const char *s, size_t n)
{
	size_t i = 0;

	if (i < n && s[i] == '-')
		i++;
	if (i >= n)
		return 0;
	if (s[i] == '0')
		i++;
	else if (s[i] >= '1' && s[i] <= '9')
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	else
		return 0;
	if (i < n && s[i] == '.') {
		if (++i >= n || s[i] < '0' || s[i] > '9')
			return 0;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= n || s[i] < '0' || s[i] > '9')
			return 0;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	return i == n;
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
	if (fmt == FMT_XLSX)
		w->x = wx_open(nf, names, w->types);
	else if ((flags & WR_BOM) && fmt != FMT_TABLE)
		out_write("\xEF\xBB\xBF", 3);
	switch (fmt) {
	case FMT_TSV:
	case FMT_CSV:
		if (nf > 0)
			put_line(fmt, names, nf);
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

void
wr_rec(struct wr *w, const struct str *f)
{
	size_t i;

	switch (w->fmt) {
	case FMT_TSV:
	case FMT_CSV:
		put_line(w->fmt, f, w->nf);
		break;
	case FMT_JSON:
		out_putc('{');
		for (i = 0; i < w->nf; i++) {
			int num;

			if (i > 0)
				out_putc(',');
			put_json_str(w->names[i].p, w->names[i].n);
			out_putc(':');
			if (w->types[i] == COL_NUM) {
				if (f[i].n == 0) {
					out_write("null", 4);
					continue;
				}
				num = json_number(f[i].p, f[i].n);
			} else if (w->types[i] == COL_AUTO)
				num = looks_numeric(f[i].p, f[i].n);
			else
				num = 0;
			if (num)
				out_write(f[i].p, f[i].n);
			else
				put_json_str(f[i].p, f[i].n);
		}
		out_write("}\n", 2);
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
wr_rec_from(struct wr *w, const struct rec *r)
{
	if (w->fmt == FMT_TSV && r->plain && r->nf == w->nf) {
		/* the line as read is already what we would write */
		if (r->raw.p[r->raw.n] == '\n') {
			out_write(r->raw.p, r->raw.n + 1);
		} else {
			out_write(r->raw.p, r->raw.n);
			out_putc('\n');
		}
		return;
	}
	wr_rec(w, r->f);
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
				if (!json_number(w->cells.p + o[i],
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
	buf_free(&w->cells);
	free(w);
}
