/*
 * wr's AVX-512 (BW) paths, chosen at run time (wr_avx512): the lines of a
 * plain TSV record (its fields in the reader's padded line) made CSV or
 * JSON 64 bytes a step, and the check that a line has nothing TSV
 * escapes.  Each has an SSE2 one beside it in wr_line.c, for processors
 * without AVX-512 and for the tests ($ZHILI_WR_SCAN=sse2).
 *
 * The stores are of whole 64-byte blocks: the room asked for has
 * WR_SLACK (64) bytes to spare past the text.  The loads read up to 64
 * bytes past a field, which the reader's padding allows (PAD, 64).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/wr_int.h"

#ifdef WR_AVX512
#include <immintrin.h>
#define AVX512 __attribute__((target("avx512f,avx512bw,bmi")))

/*
 * 1 when the AVX-512 paths are to be used: the processor has AVX-512 BW
 * and $ZHILI_WR_SCAN is not sse2 (lib/README).
 */
int
wr_avx512(void)
{
	static int have = -1;

	if (have < 0) {
		const char *e = getenv("ZHILI_WR_SCAN");

		__builtin_cpu_init();
		have = __builtin_cpu_supports("avx512bw") &&
		    (e == NULL || strcmp(e, "sse2") != 0);
	}
	return have;
}

/* The bits of the first n bytes of a block (all 64 when n >= 64). */
static inline uint64_t
keep64(size_t n)
{
	return n >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << n) - 1;
}

static inline AVX512 __m512i
load64(const char *s)
{
	return _mm512_loadu_si512((const void *)s);
}

static inline AVX512 void
store64(char *d, __m512i v)
{
	_mm512_storeu_si512((void *)d, v);
}

static inline AVX512 uint64_t
eq64(__m512i v, char c)
{
	return _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(c));
}

/* The bytes of v at most c (unsigned), a bit each. */
static inline AVX512 uint64_t
le64(__m512i v, char c)
{
	return _mm512_cmple_epu8_mask(v, _mm512_set1_epi8(c));
}

/* n bytes from s (padded) to d, 64 a step. */
static inline AVX512 char *
copy64(char *d, const char *s, size_t n)
{
	size_t j;

	for (j = 0; j < n; j += 64)
		store64(d + j, load64(s + j));
	return d + n;
}

AVX512 int
wr_tsv_clean64(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i += 64) {
		__m512i v = load64(s + i);
		uint64_t bad = le64(v, 0x0D) | eq64(v, '\\');

		if ((bad & keep64(n - i)) != 0)
			return 0;
	}
	return 1;
}

/* ---- CSV from a TSV line ---- */

/*
 * Store the TSV line s[pos, n) at d with its TABs made commas, pos being
 * a field's start, up to the first byte that makes its field need quotes
 * (a comma, a quote, a space at either end of the field): its offset, or
 * n.  *fs: the start of the field it is in.  The byte after each block
 * is read too (padded).
 */
static AVX512 size_t
clean_run64(char *d, const char *s, size_t pos, size_t n, size_t *fs)
{
	uint64_t carry = 1; /* pos is a field's start */
	size_t i, start = pos;

	for (i = pos; i < n; i += 64) {
		__m512i v = load64(s + i);
		uint64_t t = eq64(v, '\t'), bad;
		/* TAB or line end next: a field's last byte */
		uint64_t last = t >> 1 | (uint64_t)(s[i + 64] == '\t') << 63;
		size_t left = n - i;

		store64(d + (i - pos),
		    _mm512_mask_mov_epi8(v, t, _mm512_set1_epi8(',')));
		if (left <= 64)
			last |= UINT64_C(1) << (left - 1);
		bad = eq64(v, ',') | eq64(v, '"') |
		    (eq64(v, ' ') & (t << 1 | carry | last));
		bad &= keep64(left);
		if (bad != 0) {
			uint64_t b = (uint64_t)__builtin_ctzll(bad);

			t &= (UINT64_C(1) << b) - 1; /* the TABs before it */
			if (t != 0)
				start = i + 64 - (size_t)__builtin_clzll(t);
			*fs = start;
			return i + b;
		}
		if (t != 0)
			start = i + 64 - (size_t)__builtin_clzll(t);
		carry = t >> 63;
	}
	return n;
}

/*
 * The field of the TSV line s[pos, n) that begins at pos, in quotes at
 * d, its quotes doubled: the offset of the TAB that ends it, or n.
 */
static AVX512 size_t
quoted64(char **dp, const char *s, size_t pos, size_t n)
{
	char *d = *dp;
	size_t i = pos;

	*d++ = '"';
	for (;;) {
		__m512i v = load64(s + i);
		uint64_t keep = keep64(n - i);
		uint64_t t = eq64(v, '\t') & keep, q = eq64(v, '"') & keep;
		uint64_t end = t != 0 ? (t & -t) - 1 : keep;
		size_t k;

		store64(d, v);
		if ((q & end) != 0) { /* up to the quote, with it */
			k = (size_t)__builtin_ctzll(q) + 1;
			d[k] = '"';
			d += k + 1;
			i += k;
			continue;
		}
		k = (size_t)__builtin_popcountll(end);
		d += k;
		i += k;
		if (end != keep || i >= n)
			break;
	}
	*d++ = '"';
	*dp = d;
	return i;
}

AVX512 char *
wr_csv_tsvline64(char *d, const char *s, size_t n)
{
	size_t pos = 0, b, fs;

	for (;;) {
		if ((b = clean_run64(d, s, pos, n, &fs)) >= n)
			return d + (n - pos);
		d += fs - pos;
		if ((pos = quoted64(&d, s, fs, n)) >= n)
			return d;
		*d++ = ','; /* for the TAB at pos */
		pos++;
	}
}

/* ---- JSON ---- */

/* JSON's special bytes: a quote, a backslash, a control character. */
static inline AVX512 uint64_t
json_special(__m512i v)
{
	return le64(v, 0x1F) | eq64(v, '"') | eq64(v, '\\');
}

/* s[0, n) (padded) as a JSON string's contents at d, 64 bytes a step. */
static AVX512 char *
json_str64(char *d, const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		__m512i v = load64(s + i);
		uint64_t m = json_special(v) & keep64(n - i);

		store64(d, v);
		if (m == 0) {
			k = n - i < 64 ? n - i : 64;
			d += k;
			i += k;
			continue;
		}
		k = (size_t)__builtin_ctzll(m);
		d += k;
		i += k;
		if (s[i] == '"' || s[i] == '\\') {
			d[0] = '\\';
			d[1] = s[i];
			d += 2;
		} else
			d += wr_json_to(d, s + i, 1);
		i++;
	}
	return d;
}

/*
 * One pass over the padded TSV line s[0, n): the offset of its first byte
 * that a JSON string escapes (n: none), and in *num the fields (of the
 * first 64) that may be numbers, made of digits, points and minus signs
 * only: each run of them from a field's start (found by adding the
 * field's first bit to the run, the carry landing on the byte after it)
 * that ends at a TAB or at the line end.
 */
static AVX512 size_t
json_scan64(const char *s, size_t n, uint64_t *num)
{
	uint64_t tcarry = 1, cand = 0;
	unsigned char acarry = 0;
	size_t i, bad = n, fld = 0;

	for (i = 0; i < n; i += 64) {
		__m512i v = load64(s + i);
		uint64_t keep = keep64(n - i), t = eq64(v, '\t') & keep;
		uint64_t dg = (_mm512_cmple_epu8_mask(_mm512_sub_epi8(v,
							  _mm512_set1_epi8(
							      '0')),
				   _mm512_set1_epi8(9)) |
				  eq64(v, '.') | eq64(v, '-')) &
		    keep;
		unsigned long long sum;
		uint64_t ends,
		    sp = (le64(v, 0x1F) & ~t) | eq64(v, '"') | eq64(v, '\\');

		acarry = _addcarry_u64(acarry, dg, (t << 1 | tcarry) & dg,
		    &sum);
		/* the byte after each run: a TAB, or the line's end */
		ends = (uint64_t)sum & ~dg & (t | ~keep);
		for (; ends != 0; ends &= ends - 1) {
			size_t k = fld +
			    (size_t)__builtin_popcountll(
				t & ((ends & -ends) - 1));

			if (k < 64)
				cand |= UINT64_C(1) << k;
		}
		if ((sp &= keep) != 0 && bad == n)
			bad = i + (size_t)__builtin_ctzll(sp);
		fld += (size_t)__builtin_popcountll(t);
		tcarry = t >> 63;
	}
	if (acarry && fld < 64) /* a run to the line's end, at a block's */
		cand |= UINT64_C(1) << fld;
	*num = cand;
	return bad;
}

/*
 * n bytes from s (padded) to d, 32 a step (keys and most values are
 * one).
 */
static inline AVX512 char *
copy32(char *d, const char *s, size_t n)
{
	size_t j;

	for (j = 0; j < n; j += 32)
		_mm256_storeu_si256((__m256i *)(d + j),
		    _mm256_loadu_si256((const __m256i *)(s + j)));
	return d + n;
}

/*
 * wr_json_line64 for a record whose fields are all strings: each key
 * with the quotes on either side of it, each field copied whole, or
 * escaped when it does not end before bad, the line's first byte that
 * needs escaping.
 */
static AVX512 char *
json_text64(const struct wr *w, char *d, const struct str *f, const char *line,
    size_t bad)
{
	const char *qk = w->qkeys.p;
	size_t i;

	*d++ = '{';
	for (i = 0; i < w->nf; i++) {
		const char *s = f[i].p;
		size_t k = f[i].n, kn = w->koff[i + 1] - w->koff[i];

		d = copy32(d, qk + w->koff[i] + 2 * i + (i == 0),
		    kn + (i > 0) + 1);
		if ((size_t)(s - line) + k <= bad)
			d = k <= 32 ? copy32(d, s, k) : copy64(d, s, k);
		else
			d = json_str64(d, s, k);
	}
	*d++ = '"';
	*d++ = '}';
	return d;
}

/*
 * The record as JSON, its fields in the padded TSV line [line, line + n):
 * each key written with the quotes around it that the strings on either
 * side need (w->qkeys), each string copied whole when no byte of it needs
 * escaping (it ends before the line's first such byte).
 */
AVX512 char *
wr_json_line64(const struct wr *w, char *d, const struct str *f,
    const char *line, size_t n)
{
	const char *qk = w->qkeys.p;
	uint64_t num;
	size_t i, str = 0; /* the field before is a string */
	size_t bad = json_scan64(line, n, &num);

	if (w->jtext && (num & w->jauto) == 0)
		return json_text64(w, d, f, line, bad);
	*d++ = '{';
	for (i = 0; i < w->nf; i++) {
		const char *s = f[i].p;
		size_t k = f[i].n, kn = w->koff[i + 1] - w->koff[i];
		int kind = 0;
		size_t q, at = w->koff[i] + 2 * i + 1 - str;

		if (w->types[i] == COL_NUM ||
		    (w->types[i] == COL_AUTO && (i >= 64 || (num >> i & 1))))
			kind = wr_json_kind(w, i, &f[i]);
		q = kind == 0;
		/* the key, the quote before it when a string ends, the one
		 * after it when one begins */
		d = copy32(d, qk + at, kn + str + q);
		str = q;
		if (kind < 0) {
			memcpy(d, "null", 4);
			d += 4;
		} else if (kind > 0 || (size_t)(s - line) + k <= bad) {
			d = k <= 32 ? copy32(d, s, k) : copy64(d, s, k);
		} else
			d = json_str64(d, s, k);
	}
	if (str)
		*d++ = '"';
	*d++ = '}';
	return d;
}

#else
int
wr_avx512(void)
{
	return 0;
}
#endif
