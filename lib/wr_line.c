/*
 * wr's lines: a record as a CSV or JSON line built in the output buffer,
 * and the escaping of a field for TSV (the four escapes), CSV (RFC 4180
 * quotes) and JSON (a string's contents), into room the caller has made.
 *
 * CSV and JSON look at 16 bytes at a time (SSE2, the x86-64 baseline;
 * byte by byte elsewhere): a block with nothing to escape is stored
 * whole and the next one taken; a block with something stores the bytes
 * before it, escapes that byte and goes on just after it.  Each store is
 * of a whole block, so the room asked for has WR_SLACK bytes to spare
 * past the text.  Reading past the end of a field is allowed only when it
 * lies in the reader's padded line (padded); otherwise its last bytes
 * (fewer than 16) are copied into a block of zeros first.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lib/wr_int.h"

/* The TSV escape of each byte that needs one (\t \n \r \\), else 0. */
static const char
    tsv_esc[256] = { ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\' };

size_t
wr_tsv_to(char *d, const char *s, size_t n)
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
	b->n += wr_tsv_to(b->p + b->n, s, n);
	b->p[b->n] = '\0';
}

size_t
wr_tsv_plain(const char *s, size_t n)
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

/*
 * n bytes from s to d, s not read past its end: whole 16-byte blocks, the
 * last one ending at n, or two words that overlap (d has WR_SLACK bytes
 * to spare, but this writes none of them).
 */
static inline void
copy_exact(char *d, const char *s, size_t n)
{
	uint64_t a, b;
	uint32_t x, y;
	size_t j;

	if (n >= 16) {
		for (j = 0; j + 16 < n; j += 16)
			memcpy(d + j, s + j, 16);
		memcpy(d + n - 16, s + n - 16, 16);
	} else if (n >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
		memcpy(d, &a, 8);
		memcpy(d + n - 8, &b, 8);
	} else if (n >= 4) {
		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		memcpy(d, &x, 4);
		memcpy(d + n - 4, &y, 4);
	} else if (n > 0) {
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	}
}

/* Is [s, s + n) inside the line [lo, hi)? */
static inline int
inside(const char *s, size_t n, uintptr_t lo, uintptr_t hi)
{
	return (uintptr_t)s >= lo && (uintptr_t)s + n <= hi;
}

char *
wr_tsv_line(char *d, const struct str *f, size_t nf, const struct str *clean)
{
	uintptr_t lo = 0, hi = 0;
	size_t i, j;

	if (clean != NULL) {
		lo = (uintptr_t)clean->p;
		hi = lo + clean->n;
	}
	for (i = 0; i < nf; i++) {
		const char *s = f[i].p;
		size_t n = f[i].n;

		if (i > 0)
			*d++ = '\t';
		if (clean != NULL && inside(s, n, lo, hi)) {
			/* padded: 32-byte blocks, most fields one */
			j = 0;
			do {
				memcpy(d + j, s + j, 32);
				j += 32;
			} while (j < n);
			d += n;
		} else if (clean != NULL || wr_tsv_plain(s, n) == n) {
			copy_exact(d, s, n);
			d += n;
		} else
			d += wr_tsv_to(d, s, n);
	}
	return d;
}

/* ---- the block scan ---- */

enum { ESC_CSV, ESC_JSON };

/*
 * Where a run of plain bytes stops: for CSV a comma, a quote, CR or LF;
 * for JSON a quote, a backslash or a control character (below 0x20).
 * special16 finds them 16 at a time; special, byte by byte, without SSE2.
 */
#if !defined(__SSE2__)
static inline int
special(int kind, unsigned char c)
{
	if (kind == ESC_CSV)
		return c == ',' || c == '"' || c == '\n' || c == '\r';
	return c < 0x20 || c == '"' || c == '\\';
}
#endif

#if defined(__SSE2__)
/* The special bytes of the 16 at s, a bit each. */
static inline unsigned
special16(int kind, const char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)s), m;

	if (kind == ESC_CSV)
		m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v,
						  _mm_set1_epi8(',')),
				     _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
			_mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
	else /* below 0x20: unchanged by an unsigned max with 0x1F */
		m = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v,
						    _mm_set1_epi8(0x1F)),
				     _mm_set1_epi8(0x1F)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
			_mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
	return (unsigned)_mm_movemask_epi8(m);
}

static inline void
copy16(char *d, const char *s)
{
	_mm_storeu_si128((__m128i *)d, _mm_loadu_si128((const __m128i *)s));
}
#endif

/* The escape of a special byte c into d: its length. */
static inline size_t
escape1(int kind, char *d, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	if (kind == ESC_CSV) {
		d[0] = (char)c;
		d[1] = '"'; /* doubled when it is a quote */
		return c == '"' ? 2 : 1;
	}
	d[0] = '\\';
	switch (c) {
	case '"':
	case '\\':
		d[1] = (char)c;
		return 2;
	case '\n':
		d[1] = 'n';
		return 2;
	case '\r':
		d[1] = 'r';
		return 2;
	case '\t':
		d[1] = 't';
		return 2;
	}
	memcpy(d + 1, "u00", 3);
	d[4] = hex[c >> 4];
	d[5] = hex[c & 15];
	return 6;
}

/*
 * The output so far, d[0, o): written as it was read until a CSV field
 * turns out to need quotes, then moved on one byte for the opening one.
 */
struct esc {
	char *d;
	size_t o;
	int quoted;
};

static inline void
open_quote(struct esc *e)
{
	memmove(e->d + 1, e->d, e->o);
	e->d[0] = '"';
	e->o++;
	e->quoted = 1;
}

/*
 * Escape src[*ip, len) onto e while *ip < stop (with SSE2, the 16 bytes
 * from *ip may be read while it is).
 */
static inline void
run(int kind, struct esc *e, const char *src, size_t *ip, size_t stop,
    size_t len)
{
	size_t i = *ip;

	while (i < stop) {
		unsigned char c;
#if defined(__SSE2__)
		unsigned m = special16(kind, src + i), k;

		if (len - i < 16)
			m &= (1u << (len - i)) - 1;
		copy16(e->d + e->o, src + i);
		if (m == 0) {
			k = len - i < 16 ? (unsigned)(len - i) : 16;
			e->o += k;
			i += k;
			continue;
		}
		k = (unsigned)__builtin_ctz(m);
		e->o += k;
		i += k;
#else
		(void)len;
		if (!special(kind, (unsigned char)src[i])) {
			e->d[e->o++] = src[i++];
			continue;
		}
#endif
		c = (unsigned char)src[i++];
		if (kind == ESC_CSV && !e->quoted)
			open_quote(e);
		e->o += escape1(kind, e->d + e->o, c);
	}
	*ip = i;
}

#if defined(__SSE2__)
/* The last r < 16 bytes of a field into t[0, r), zeros after them. */
static inline void
tail(char t[32], const char *s, size_t r)
{
	uint64_t a = 0, b = 0;
	uint32_t x, y;

	if (r >= 8) { /* two words, overlapping */
		memcpy(&a, s, 8);
		memcpy(&b, s + r - 8, 8);
		memcpy(t + r - 8, &b, 8);
		memcpy(t, &a, 8);
	} else if (r >= 4) {
		memcpy(&x, s, 4);
		memcpy(&y, s + r - 4, 4);
		memcpy(t + r - 4, &y, 4);
		memcpy(t, &x, 4);
	} else if (r > 0) {
		t[0] = s[0];
		t[r / 2] = s[r / 2];
		t[r - 1] = s[r - 1];
	}
}
#endif

/* s[0, n) escaped by kind onto e. */
static inline void
escape(int kind, struct esc *e, const char *s, size_t n, int padded)
{
	size_t i = 0;
#if defined(__SSE2__)
	char t[32] = { 0 };
	size_t j = 0;

	if (padded) {
		run(kind, e, s, &i, n, n);
		return;
	}
	if (n >= 16)
		run(kind, e, s, &i, n - 15, n);
	tail(t, s + i, n - i);
	run(kind, e, t, &j, n - i, n - i);
#else
	(void)padded;
	run(kind, e, s, &i, n, n);
#endif
}

static inline size_t
json_to(char *d, const char *s, size_t n, int padded)
{
	struct esc e = { d, 0, 0 };

	escape(ESC_JSON, &e, s, n, padded);
	return e.o;
}

size_t
wr_json_to(char *d, const char *s, size_t n)
{
	return json_to(d, s, n, 0);
}

static inline size_t
csv_to(char *d, const char *s, size_t n, int padded)
{
	struct esc e = { d, 0, 0 };

	if (n > 0 && (s[0] == ' ' || s[0] == '\t')) {
		d[e.o++] = '"';
		e.quoted = 1;
	}
	escape(ESC_CSV, &e, s, n, padded);
	if (!e.quoted && n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		open_quote(&e);
	if (e.quoted)
		d[e.o++] = '"';
	return e.o;
}

size_t
wr_csv_to(char *d, const char *s, size_t n)
{
	return csv_to(d, s, n, 0);
}

void
csv_quote(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, WR_ROOM_CSV(n));
	b->n += csv_to(b->p + b->n, s, n, 0);
	b->p[b->n] = '\0';
}

char *
wr_csv_line(char *d, const struct str *f, size_t nf, int padded)
{
	size_t i;

	for (i = 0; i < nf; i++) {
		if (i > 0)
			*d++ = ',';
		d += padded ? csv_to(d, f[i].p, f[i].n, 1) :
			      csv_to(d, f[i].p, f[i].n, 0);
	}
	return d;
}

#if defined(__SSE2__)
/* 32 bytes as two vectors; lines are scanned 32 bytes at a time. */
struct v32 {
	__m128i a, b;
};

static inline struct v32
load32(const char *s)
{
	struct v32 v = { _mm_loadu_si128((const __m128i *)s),
		_mm_loadu_si128((const __m128i *)(s + 16)) };

	return v;
}

static inline uint32_t
mask32(__m128i a, __m128i b)
{
	return (uint32_t)_mm_movemask_epi8(a) |
	    (uint32_t)_mm_movemask_epi8(b) << 16;
}

/* The bytes of v equal to c or e, a bit each. */
static inline uint32_t
eq32(struct v32 v, char c, char e)
{
	__m128i vc = _mm_set1_epi8(c), ve = _mm_set1_epi8(e);

	return mask32(_mm_or_si128(_mm_cmpeq_epi8(v.a, vc),
			  _mm_cmpeq_epi8(v.a, ve)),
	    _mm_or_si128(_mm_cmpeq_epi8(v.b, vc), _mm_cmpeq_epi8(v.b, ve)));
}

/* The bits of the first k < 32 bytes. */
#define FIRST(k) ((UINT32_C(1) << (k)) - 1)

/*
 * Store the TSV line s[pos, n) at d with its TABs made commas, pos being
 * a field's start, up to the first byte that makes its field need quotes
 * (a comma, a quote, a space at either end of the field): its offset, or
 * n.  The byte after each block is read too (padded).
 */
static size_t
clean_run16(char *d, const char *s, size_t pos, size_t n)
{
	const __m128i tab = _mm_set1_epi8('\t');
	const __m128i flip = _mm_set1_epi8('\t' ^ ',');
	uint32_t carry = 1; /* pos is a field's start */
	size_t i;

	for (i = pos; i < n; i += 32) {
		struct v32 v = load32(s + i);
		__m128i ta = _mm_cmpeq_epi8(v.a, tab);
		__m128i tb = _mm_cmpeq_epi8(v.b, tab);
		uint32_t t = mask32(ta, tb), sp = eq32(v, ' ', ' '), bad;
		/* TAB or line end next: a field's last byte */
		uint32_t last = t >> 1 | (uint32_t)(s[i + 32] == '\t') << 31;
		size_t left = n - i;

		_mm_storeu_si128((__m128i *)(d + (i - pos)),
		    _mm_xor_si128(v.a, _mm_and_si128(ta, flip)));
		_mm_storeu_si128((__m128i *)(d + (i - pos) + 16),
		    _mm_xor_si128(v.b, _mm_and_si128(tb, flip)));
		if (left <= 32)
			last |= UINT32_C(1) << (left - 1);
		bad = eq32(v, ',', '"') | (sp & (t << 1 | carry | last));
		if (left < 32)
			bad &= FIRST(left);
		if (bad != 0)
			return i + (size_t)__builtin_ctz(bad);
		carry = t >> 31;
	}
	return n;
}

/*
 * The offset of the first byte of the TSV line s[pos, n) that a JSON
 * string escapes (a quote, a backslash, a control character but TAB),
 * or n.
 */
static size_t
json_bad16(const char *s, size_t pos, size_t n)
{
	const __m128i c1f = _mm_set1_epi8(0x1F);
	size_t i;

	for (i = pos; i < n; i += 32) {
		struct v32 v = load32(s + i);
		uint32_t ctl = mask32(_mm_cmpeq_epi8(_mm_max_epu8(v.a, c1f),
					  c1f),
		    _mm_cmpeq_epi8(_mm_max_epu8(v.b, c1f), c1f));
		uint32_t bad = (ctl & ~eq32(v, '\t', '\t')) |
		    eq32(v, '"', '\\');

		if (n - i < 32)
			bad &= FIRST(n - i);
		if (bad != 0)
			return i + (size_t)__builtin_ctz(bad);
	}
	return n;
}

/*
 * 1 when the padded s[0, n) has no byte TSV escapes (TAB, LF, CR, a
 * backslash), 0 when it may have (any byte below 0x0E counts).
 */
static int
tsv_clean16(const char *s, size_t n)
{
	const __m128i c0d = _mm_set1_epi8(0x0D);
	size_t i;

	for (i = 0; i < n; i += 32) {
		struct v32 v = load32(s + i);
		uint32_t bad =
		    mask32(_mm_cmpeq_epi8(_mm_max_epu8(v.a, c0d), c0d),
			_mm_cmpeq_epi8(_mm_max_epu8(v.b, c0d), c0d)) |
		    eq32(v, '\\', '\\');

		if (n - i < 32)
			bad &= FIRST(n - i);
		if (bad != 0)
			return 0;
	}
	return 1;
}

/* s[0, n), padded, in quotes, its quotes doubled. */
static char *
quoted(char *d, const char *s, size_t n)
{
	const __m128i q = _mm_set1_epi8('"');
	size_t i = 0;

	*d++ = '"';
	while (i < n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, q));
		size_t k = n - i < 16 ? n - i : 16;

		_mm_storeu_si128((__m128i *)d, v);
		m &= (1u << k) - 1;
		if (m != 0) {
			k = (size_t)__builtin_ctz(m) + 1; /* with the quote */
			d[k] = '"';
			d++;
		}
		d += k;
		i += k;
	}
	*d++ = '"';
	return d;
}
#endif

char *
wr_csv_tsvline(char *d, const char *s, size_t n, const struct str *f, size_t nf)
{
#if defined(__SSE2__)
	size_t pos = 0, j = 0, b, fs;

#ifdef WR_AVX512
	if (wr_avx512())
		return wr_csv_tsvline64(d, s, n);
#endif
	for (;;) {
		if ((b = clean_run16(d, s, pos, n)) >= n)
			return d + (n - pos);
		while (j + 1 < nf && f[j + 1].p <= s + b)
			j++;
		fs = (size_t)(f[j].p - s);
		d += fs - pos;
		d = quoted(d, f[j].p, f[j].n);
		if ((pos = fs + f[j].n) >= n)
			return d;
		*d++ = ','; /* for the TAB at pos */
		pos++;
		j++;
	}
#else
	(void)s;
	(void)n;
	return wr_csv_line(d, f, nf, 1);
#endif
}

int
wr_tsv_clean(const char *s, size_t n)
{
#ifdef WR_AVX512
	if (wr_avx512())
		return wr_tsv_clean64(s, n);
#endif
#if defined(__SSE2__)
	return tsv_clean16(s, n);
#else
	return wr_tsv_plain(s, n) == n;
#endif
}

/* ---- JSON ---- */

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
int
wr_json_number(const char *s, size_t n)
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

static inline int
json_kind(const struct wr *w, size_t i, const struct str *v)
{
	unsigned char c = v->n > 0 ? (unsigned char)v->p[0] : 0;

	if (w->types[i] == COL_NUM)
		return v->n == 0 ? -1 : wr_json_number(v->p, v->n);
	if (w->types[i] == COL_STR || (c != '-' && (c < '0' || c > '9')))
		return 0;
	return looks_numeric(v->p, v->n);
}

int
wr_json_kind(const struct wr *w, size_t i, const struct str *v)
{
	return json_kind(w, i, v);
}

/* n bytes from s, read (and written) 32 at a time: one block for most
 * keys and values. */
static inline void
copy_blocks(char *d, const char *s, size_t n)
{
	size_t j;

	for (j = 0; j < n; j += 32)
		memcpy(d + j, s + j, 32);
}

/*
 * A string field v; line: the padded line it lies in, [line, line + n),
 * or NULL; *bad: the first offset there that needs escaping.
 */
static inline char *
json_field(char *d, const struct str *v, const char *line, size_t n,
    size_t *bad)
{
	size_t end;

	*d++ = '"';
	if (line == NULL) {
		d += json_to(d, v->p, v->n, 0);
	} else if ((end = (size_t)(v->p - line) + v->n) <= *bad) {
		copy_blocks(d, v->p, v->n); /* nothing to escape */
		d += v->n;
	} else {
		d += json_to(d, v->p, v->n, 1);
#if defined(__SSE2__)
		*bad = json_bad16(line, end, n);
#else
		(void)n;
#endif
	}
	*d++ = '"';
	return d;
}

char *
wr_json_line(const struct wr *w, char *d, const struct str *f, const char *line,
    size_t n)
{
	size_t i, bad = 0;

#if defined(__SSE2__)
	if (line != NULL)
		bad = json_bad16(line, 0, n);
#endif
	*d++ = '{';
	for (i = 0; i < w->nf; i++) {
		size_t kn = w->koff[i + 1] - w->koff[i];
		int kind = json_kind(w, i, &f[i]);

		copy_blocks(d, w->keys.p + w->koff[i], kn); /* zeros after */
		d += kn;
		if (kind < 0) {
			memcpy(d, "null", 4);
			d += 4;
		} else if (kind == 0) {
			d = json_field(d, &f[i], line, n, &bad);
		} else {
			if (line != NULL)
				copy_blocks(d, f[i].p, f[i].n);
			else
				memcpy(d, f[i].p, f[i].n);
			d += f[i].n;
		}
	}
	*d++ = '}';
	return d;
}
