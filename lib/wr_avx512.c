/*
 * wr's AVX-512 (BW) paths, chosen at run time (wr_avx512): the lines of a
 * plain TSV record (its fields in the reader's padded line) made CSV or
 * JSON 64 bytes a step, and the check that a line has nothing TSV
 * escapes.  Each has an SSE2 one beside it in wr_line.c, for processors
 * without AVX-512 and for the tests ($ZHILI_WR_SCAN=sse2).
 *
 * The stores are of whole 64-byte blocks: the room asked for has
 * WR_SLACK (64) bytes to spare past the text (JSON: twice that, for a
 * string escaped by expansion, two blocks a step).  The loads read up
 * to 64 bytes past a field, which the reader's padding allows (PAD, 64).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/wr_int.h"

#ifdef WR_AVX512
#include <immintrin.h>
#define AVX512	__attribute__((target("avx512f,avx512bw,bmi,bmi2")))
#define AVX512V __attribute__((target("avx512f,avx512bw,avx512vbmi2,bmi,bmi2")))

/*
 * 1 when the AVX-512 paths are to be used: the processor has AVX-512 BW
 * and $ZHILI_WR_SCAN is not sse2 (lib/README).
 */
int wr_avx512_have = -1;

int
wr_avx512_check(void)
{
	const char *e = getenv("ZHILI_WR_SCAN");

	__builtin_cpu_init();
	wr_avx512_have = __builtin_cpu_supports("avx512bw") &&
	    (e == NULL || strcmp(e, "sse2") != 0);
	return wr_avx512_have;
}

/*
 * 1 when the AVX-512 paths may use VBMI2 too: the processor has it and
 * $ZHILI_WR_SCAN is not avx512 (lib/README).
 */
int
wr_avx512_vbmi2(void)
{
	static int have = -1;

	if (have < 0) {
		const char *e = getenv("ZHILI_WR_SCAN");

		have = wr_avx512() && __builtin_cpu_supports("avx512vbmi2") &&
		    (e == NULL || strcmp(e, "avx512") != 0);
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

/* The bytes of v (of kz) that cannot be part of a number, as a mask. */
static inline AVX512 __mmask64
not_num_k(__m512i v, __mmask64 kz)
{
	return _mm512_mask_cmpgt_epu8_mask(kz,
	    _mm512_sub_epi8(v, _mm512_set1_epi8('-')),
	    _mm512_set1_epi8('9' - '-'));
}

/*
 * Whether field i (s[0, k), padded; its first 64 bytes v) of a record of
 * w->jtext is a JSON number: a column that may hold numbers, a value short
 * enough to be one (looks_numeric: at most 15 digits, a point and a minus
 * sign) and made of digits, points and minus signs (and slashes), then
 * checked.
 */
static inline AVX512 int
json_isnum(const struct wr *w, const struct str *f, size_t i, __m512i v)
{
	size_t k = f[i].n;

	return k - 1 < 17 && (w->jauto >> i & 1) &&
	    _ktestz_mask64_u8(not_num_k(v,
				  _cvtu64_mask64(
				      _bzhi_u64(~UINT64_C(0), (unsigned)k))),
		~UINT64_C(0)) &&
	    wr_json_kind(w, i, &f[i]) > 0;
}

/*
 * The block s[0, 64) (v; padded), the first left bytes of a string, as
 * JSON at d when none is a control character: each quote and backslash
 * (q, a bit each) after a backslash.  The positions of the backslashes
 * made (lo and hi, 128 bits) come from q by spreading it to two bits a
 * byte (pdep: the backslash's, the byte's) and keeping the first only
 * where there is a quote (pext); the bytes are spread over two stores
 * (VBMI2 expansion), the backslashes filling the gaps.  The end of what
 * was written.
 */
static inline AVX512V char *
esc_block64(char *d, const char *s, __m512i v, uint64_t q, size_t left)
{
	const uint64_t even = UINT64_C(0x5555555555555555);
	const __m512i bs = _mm512_set1_epi8('\\');
	uint64_t a = _pdep_u64(q & 0xFFFFFFFF, even);
	uint64_t b = _pdep_u64(q >> 32, even);
	uint64_t za = _pext_u64(a, a | ~even), zb = _pext_u64(b, b | ~even);
	/* za, then zb from bit sh (32 + the first half's quotes) */
	unsigned sh = 32 + (unsigned)__builtin_popcountll(q & 0xFFFFFFFF);
	uint64_t lo = za | (sh < 64 ? zb << (sh & 63) : 0);
	uint64_t hi = sh < 64 ? zb >> (64 - sh) : zb;
	/* the bytes the first store took (no more than the string's, so
	 * that the second load stays inside the padding) */
	size_t used = 64 - (size_t)__builtin_popcountll(lo);

	store64(d, _mm512_mask_expand_epi8(bs, ~lo, v));
	store64(d + 64,
	    _mm512_mask_expand_epi8(bs, ~hi,
		load64(s + (used < left ? used : left))));
	return d + left + (size_t)__builtin_popcountll(q);
}

/*
 * s[0, k) (padded) as a JSON string's contents at d, 64 bytes a step,
 * each block escaped by esc_block64 (a block with a control character
 * byte by byte).
 */
static AVX512V char *
json_str_vbmi2(char *d, const char *s, size_t k)
{
	size_t j;

	for (j = 0; j < k; j += 64) {
		__m512i v = load64(s + j);
		size_t left = k - j < 64 ? k - j : 64;
		__mmask64 kz = _cvtu64_mask64(
		    _bzhi_u64(~UINT64_C(0), (unsigned)left));
		__mmask64 q = _kand_mask64(kz,
		    _kor_mask64(eq64(v, '"'), eq64(v, '\\')));

		if (!_ktestz_mask64_u8(le64(v, 0x1F), kz))
			d += wr_json_to(d, s + j, left);
		else if (_cvtmask64_u64(q) == 0) {
			store64(d, v);
			d += left;
		} else
			d = esc_block64(d, s + j, v, _cvtmask64_u64(q), left);
	}
	return d;
}

/* A string's contents, escaped: with VBMI2 when the processor has it. */
static inline AVX512 char *
json_str(char *d, const char *s, size_t k)
{
	return wr_avx512_vbmi2() ? json_str_vbmi2(d, s, k) :
				   json_str64(d, s, k);
}

/*
 * json_fields64 from field i on, at d (before its key), np: the field
 * before is a number: each key written with the quotes around it that
 * the values on either side need, a number as it is, a string escaped.
 */
static AVX512 char *
json_rest64(const struct wr *w, char *d, const struct str *f, size_t i,
    size_t np)
{
	const struct wr_key *tk = w->tkeys;

	for (; i < w->nf; i++) {
		const char *s = f[i].p;
		size_t k = f[i].n;
		size_t nq = (size_t)json_isnum(w, f, i, load64(s));

		copy64(d, w->qkeys.p + tk[i].off + np, tk[i].len);
		d += tk[i].len - np - nq;
		np = nq;
		d = nq ? copy64(d, s, k) : json_str(d, s, k);
	}
	if (!np)
		*d++ = '"';
	*d++ = '}';
	return d;
}

/*
 * The bytes of v that a JSON string escapes (a control character other
 * than TAB, a quote, a backslash) made nonzero, the others zero: a
 * lookup by each nibble (the classes of the high one, those allowed by
 * the low one), without mask registers.
 */
static inline AVX512 __m512i
special_nib(__m512i v)
{
	const __m512i lo_t = _mm512_broadcast_i32x4(
	    _mm_setr_epi8(3, 3, 7, 3, 3, 3, 3, 3, 3, 2, 3, 3, 11, 3, 3, 3));
	const __m512i hi_t = _mm512_broadcast_i32x4(
	    _mm_setr_epi8(1, 2, 4, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
	const __m512i nib = _mm512_set1_epi8(0x0F);

	return _mm512_and_si512(_mm512_shuffle_epi8(lo_t,
				    _mm512_and_si512(v, nib)),
	    _mm512_shuffle_epi8(hi_t,
		_mm512_and_si512(_mm512_srli_epi16(v, 4), nib)));
}

/* The offset of the first byte of the padded s[0, n) that a JSON string
 * escapes, or n. */
static inline AVX512 size_t
json_bad64(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i += 64) {
		__m512i c = special_nib(load64(s + i));
		uint64_t m = _cvtmask64_u64(_mm512_test_epi8_mask(c, c)) &
		    keep64(n - i);

		if (m != 0)
			return i + (size_t)__builtin_ctzll(m);
	}
	return n;
}

/*
 * 1 when the field s[0, k) (padded) may be a number by its length (a
 * number has at most 15 digits, a point and a minus sign: looks_numeric),
 * its first byte (a digit or a minus sign; points and slashes let
 * through) and its last (a digit); without a branch.
 */
static inline uint64_t
may_num(const char *s, size_t k)
{
	unsigned char a = (unsigned char)(s[0] - '-');
	unsigned char z = (unsigned char)(s[k - (k > 0)] - '0');

	return (uint64_t)(k - 1 < 17) & (a <= '9' - '-') & (z <= 9);
}

/*
 * A record of text and numbers (w->jtext) as JSON, its fields in the
 * padded TSV line [line, line + n): each key stored with the quotes on
 * either side of it (w->tkeys, 32 bytes a store when w->tkey32), each
 * field stored whole (64 bytes, then the rest) when it ends before the
 * line's first byte to escape (json_bad64), else escaped; from the first
 * field that may be a number (may_num, whatever its column) on, the
 * record is left to json_rest64.
 */
static AVX512 char *
json_fields64(const struct wr *w, char *d, const struct str *f,
    const char *line, size_t n)
{
	const struct wr_key *tk = w->tkeys;
	const char *qk = w->qkeys.p;
	size_t i, nf = w->nf, bad;

	*d++ = '{';
	if (!w->tkey32)
		return json_rest64(w, d, f, 0, 0);
	bad = json_bad64(line, n);
	for (i = 0; i < nf; i++) {
		const char *s = f[i].p;
		size_t k = f[i].n;

		if (k - 1 < 17 && may_num(s, k))
			break;
		_mm256_storeu_si256((__m256i *)d,
		    _mm256_loadu_si256((const __m256i *)(qk + tk[i].off)));
		d += tk[i].len;
		if ((size_t)(s - line) + k > bad) {
			d = json_str(d, s, k);
			continue;
		}
		if (k <= 32)
			_mm256_storeu_si256((__m256i *)d,
			    _mm256_loadu_si256((const __m256i *)s));
		else {
			store64(d, load64(s));
			if (k > 64)
				copy64(d + 64, s + 64, k - 64);
		}
		d += k;
	}
	if (i < nf)
		return json_rest64(w, d, f, i, 0);
	d[0] = '"';
	d[1] = '}';
	return d + 2;
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
	size_t bad;

	if (w->jtext)
		return json_fields64(w, d, f, line, n);
	bad = json_scan64(line, n, &num);
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
int wr_avx512_have = 0;

int
wr_avx512_check(void)
{
	return 0;
}
#endif
