/*
 * utf8: strict UTF-8 validation (no overlongs, surrogates or values above
 * U+10FFFF), decoding, display width for aligned tables, and values shown
 * in messages.
 *
 * Validation is the one pass every input byte takes, so it has a vector
 * path: on x86-64 with SSSE3 each 16-byte block is checked with three
 * nibble lookups (the classification of Keiser and Lemire, "Validating
 * UTF-8 In Less Than One Instruction Per Byte", 2021).  The scalar code
 * below is the reference; the vector path only answers "all valid" for a
 * block and hands the exact position of an error back to it.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/utf8.h"
#include "lib/width_table.h"

/* Length of the valid sequence at s (n > 0 bytes available), or 0. */
static size_t
seq_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		return 2;
	}
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0) /* overlong */
			return 0;
		if (c == 0xED && s[1] >= 0xA0) /* surrogate */
			return 0;
		return 3;
	}
	if (c < 0xF5) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90) /* overlong */
			return 0;
		if (c == 0xF4 && s[1] >= 0x90) /* above U+10FFFF */
			return 0;
		return 4;
	}
	return 0;
}

static size_t
valid_scalar(const unsigned char *s, size_t i, size_t n)
{
	while (i < n) {
		size_t k;

		i = str_ascii_skip((const char *)s, i, n);
		if (i >= n)
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = seq_len(s + i, n - i)) == 0)
			return i;
		i += k;
	}
	return n;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

/* Error classes: a bit each, set when the pair of bytes shows it. */
#define TOO_SHORT      (1 << 0) /* lead byte, then no continuation */
#define TOO_LONG       (1 << 1) /* ASCII, then a continuation */
#define OVERLONG_3     (1 << 2) /* E0 80..9F */
#define TOO_LARGE      (1 << 3) /* F4 90.., F5.. */
#define SURROGATE      (1 << 4) /* ED A0..BF */
#define OVERLONG_2     (1 << 5) /* C0, C1 */
#define TOO_LARGE_1000 (1 << 6)
#define OVERLONG_4     (1 << 6) /* F0 80..8F */
#define TWO_CONTS      (-128)	/* 0x80: two continuations where one may be */
#define CARRY	       (TOO_SHORT | TOO_LONG | TWO_CONTS)

/*
 * The blocks before i are valid but for a sequence that may run on past
 * i: the scalar check from the start of the last character before i.
 */
static size_t
valid_from(const unsigned char *s, size_t i, size_t n)
{
	size_t back = i;

	while (back > 0 && i - back < 4 && (s[back - 1] & 0xC0) == 0x80)
		back--;
	if (back > 0 && i - back < 4 && s[back - 1] >= 0xC0)
		back--;
	return valid_scalar(s, back, n);
}

__attribute__((target("ssse3"))) static size_t
valid_ssse3(const unsigned char *s, size_t n)
{
	const __m128i hi1 = _mm_setr_epi8(TOO_LONG, TOO_LONG, TOO_LONG,
	    TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TWO_CONTS,
	    TWO_CONTS, TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT,
	    TOO_SHORT | OVERLONG_3 | SURROGATE,
	    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
	const __m128i lo1 = _mm_setr_epi8(CARRY | OVERLONG_3 | OVERLONG_2 |
		OVERLONG_4,
	    CARRY | OVERLONG_2, CARRY, CARRY, CARRY | TOO_LARGE,
	    CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
	    CARRY | TOO_LARGE | TOO_LARGE_1000,
	    CARRY | TOO_LARGE | TOO_LARGE_1000);
	const __m128i hi2 = _mm_setr_epi8(TOO_SHORT, TOO_SHORT, TOO_SHORT,
	    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
	    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 |
		OVERLONG_4,
	    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
	    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
	    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
	    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
	const __m128i nib = _mm_set1_epi8(0x0F);
	const __m128i hibit = _mm_set1_epi8((char)0x80);
	__m128i prev = _mm_setzero_si128();
	size_t i = 0;

	for (; i + 16 <= n; i += 16) {
		__m128i in = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i p1, p2, p3, sc, m23;

		if (_mm_movemask_epi8(in) == 0 &&
		    _mm_movemask_epi8(prev) == 0) {
			prev = in;
			continue;
		}
		p1 = _mm_alignr_epi8(in, prev, 15);
		sc = _mm_and_si128(
		    _mm_and_si128(_mm_shuffle_epi8(hi1,
				      _mm_and_si128(_mm_srli_epi16(p1, 4),
					  nib)),
			_mm_shuffle_epi8(lo1, _mm_and_si128(p1, nib))),
		    _mm_shuffle_epi8(hi2,
			_mm_and_si128(_mm_srli_epi16(in, 4), nib)));
		p2 = _mm_alignr_epi8(in, prev, 14);
		p3 = _mm_alignr_epi8(in, prev, 13);
		m23 = _mm_or_si128(_mm_subs_epu8(p2, _mm_set1_epi8(0x60)),
		    _mm_subs_epu8(p3, _mm_set1_epi8(0x70)));
		m23 = _mm_and_si128(m23, hibit);
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_xor_si128(m23, sc),
			_mm_setzero_si128())) != 0xFFFF)
			break;
		prev = in;
	}
	return valid_from(s, i, n);
}

/* The tables of valid_ssse3, a 16-byte lane each, for AVX2 and AVX-512. */
#define HI1                                                                   \
	TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, \
	    TOO_LONG, TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,             \
	    TOO_SHORT | OVERLONG_2, TOO_SHORT,                                \
	    TOO_SHORT | OVERLONG_3 | SURROGATE,                               \
	    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4
#define LO1                                                               \
	CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, \
	    CARRY, CARRY, CARRY | TOO_LARGE,                              \
	    CARRY | TOO_LARGE | TOO_LARGE_1000,                           \
	    CARRY | TOO_LARGE | TOO_LARGE_1000,                           \
	    CARRY | TOO_LARGE | TOO_LARGE_1000,                           \
	    CARRY | TOO_LARGE | TOO_LARGE_1000,                           \
	    CARRY | TOO_LARGE | TOO_LARGE_1000,                           \
	    CARRY | TOO_LARGE | TOO_LARGE_1000,                           \
	    CARRY | TOO_LARGE | TOO_LARGE_1000,                           \
	    CARRY | TOO_LARGE | TOO_LARGE_1000,                           \
	    CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,               \
	    CARRY | TOO_LARGE | TOO_LARGE_1000,                           \
	    CARRY | TOO_LARGE | TOO_LARGE_1000
#define HI2                                                                   \
	TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,     \
	    TOO_SHORT, TOO_SHORT,                                             \
	    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | \
	    OVERLONG_4,                                                       \
	    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,       \
	    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,        \
	    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,        \
	    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT

/* The same check on 32-byte blocks. */
__attribute__((target("avx2"))) static size_t
valid_avx2(const unsigned char *s, size_t n)
{
	const __m256i hi1 = _mm256_setr_epi8(HI1, HI1);
	const __m256i lo1 = _mm256_setr_epi8(LO1, LO1);
	const __m256i hi2 = _mm256_setr_epi8(HI2, HI2);
	const __m256i nib = _mm256_set1_epi8(0x0F);
	const __m256i hibit = _mm256_set1_epi8((char)0x80);
	__m256i prev = _mm256_setzero_si256();
	size_t i = 0;

	for (; i + 32 <= n; i += 32) {
		__m256i in = _mm256_loadu_si256((const __m256i *)(s + i));
		__m256i sh, p1, p2, p3, sc, m23;

		if (_mm256_movemask_epi8(in) == 0 &&
		    _mm256_movemask_epi8(prev) == 0) {
			prev = in;
			continue;
		}
		/* [prev high lane, in low lane]: the bytes before each lane */
		sh = _mm256_permute2x128_si256(prev, in, 0x21);
		p1 = _mm256_alignr_epi8(in, sh, 15);
		p2 = _mm256_alignr_epi8(in, sh, 14);
		p3 = _mm256_alignr_epi8(in, sh, 13);
		sc = _mm256_and_si256(
		    _mm256_and_si256(_mm256_shuffle_epi8(hi1,
					 _mm256_and_si256(_mm256_srli_epi16(p1,
							      4),
					     nib)),
			_mm256_shuffle_epi8(lo1, _mm256_and_si256(p1, nib))),
		    _mm256_shuffle_epi8(hi2,
			_mm256_and_si256(_mm256_srli_epi16(in, 4), nib)));
		m23 = _mm256_or_si256(_mm256_subs_epu8(p2,
					  _mm256_set1_epi8(0x60)),
		    _mm256_subs_epu8(p3, _mm256_set1_epi8(0x70)));
		m23 = _mm256_and_si256(m23, hibit);
		if (!_mm256_testz_si256(_mm256_xor_si256(m23, sc),
			_mm256_xor_si256(m23, sc)))
			break;
		prev = in;
	}
	return valid_from(s, i, n);
}

/*
 * The same check on 64-byte blocks (AVX-512 BW): the tables as for
 * AVX2, one for each 16-byte lane; the bytes before each lane from the
 * block before (its last lane) or this one.
 */
__attribute__((target("avx512f,avx512bw"))) static size_t
valid_avx512(const unsigned char *s, size_t n, int nul)
{
	const __m512i hi1 = _mm512_broadcast_i32x4(_mm_setr_epi8(HI1));
	const __m512i lo1 = _mm512_broadcast_i32x4(_mm_setr_epi8(LO1));
	const __m512i hi2 = _mm512_broadcast_i32x4(_mm_setr_epi8(HI2));
	/* lane 0: the block before's lane 3; lanes 1-3: this one's 0-2 */
	const __m512i lanes = _mm512_set_epi64(13, 12, 11, 10, 9, 8, 7, 6);
	const __m512i nib = _mm512_set1_epi8(0x0F);
	const __m512i hibit = _mm512_set1_epi8((char)0x80);
	__m512i prev = _mm512_setzero_si512();
	size_t i = 0, end = n, k;
	const void *z;

	for (; i + 64 <= n; i += 64) {
		__m512i in = _mm512_loadu_si512((const void *)(s + i));
		__m512i sh, p1, p2, p3, sc, m23;

		if (nul && _mm512_testn_epi8_mask(in, in) != 0) {
			end = i + 64; /* the scalar check to the block's end */
			break;
		}
		if (_mm512_movepi8_mask(in) == 0 &&
		    _mm512_movepi8_mask(prev) == 0) {
			prev = in;
			continue;
		}
		sh = _mm512_permutex2var_epi64(prev, lanes, in);
		p1 = _mm512_alignr_epi8(in, sh, 15);
		p2 = _mm512_alignr_epi8(in, sh, 14);
		p3 = _mm512_alignr_epi8(in, sh, 13);
		sc = _mm512_and_si512(
		    _mm512_and_si512(_mm512_shuffle_epi8(hi1,
					 _mm512_and_si512(_mm512_srli_epi16(p1,
							      4),
					     nib)),
			_mm512_shuffle_epi8(lo1, _mm512_and_si512(p1, nib))),
		    _mm512_shuffle_epi8(hi2,
			_mm512_and_si512(_mm512_srli_epi16(in, 4), nib)));
		m23 = _mm512_or_si512(_mm512_subs_epu8(p2,
					  _mm512_set1_epi8(0x60)),
		    _mm512_subs_epu8(p3, _mm512_set1_epi8(0x70)));
		m23 = _mm512_and_si512(m23, hibit);
		if (_mm512_test_epi8_mask(_mm512_xor_si512(m23, sc),
			_mm512_xor_si512(m23, sc)) != 0)
			break;
		prev = in;
	}
	/* valid to k; a NUL before k (nul) is in [i, k): the blocks before
	 * i have none */
	k = valid_from(s, i, end);
	if (nul && k > i && (z = memchr(s + i, 0, k - i)) != NULL)
		return (size_t)((const unsigned char *)z - s);
	return k;
}
#undef HI1
#undef LO1
#undef HI2
#endif

size_t
u8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	static int have = -1;

	if (have < 0) {
		__builtin_cpu_init();
		have = __builtin_cpu_supports("avx512bw") ? 3 :
		    __builtin_cpu_supports("avx2")	  ? 2 :
		    __builtin_cpu_supports("ssse3")	  ? 1 :
							    0;
	}
	if (have == 3 && n >= 128)
		return valid_avx512(s, n, 0);
	if (have >= 2 && n >= 64)
		return valid_avx2(s, n);
	if (have == 1 && n >= 64)
		return valid_ssse3(s, n);
#endif
	return valid_scalar(s, 0, n);
}

size_t
u8_valid_text(const char *str, size_t n)
{
	const char *z;
	size_t k;

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	if (n >= 128 && __builtin_cpu_supports("avx512bw"))
		return valid_avx512((const unsigned char *)str, n, 1);
#endif
	k = u8_valid(str, n);
	return (z = memchr(str, 0, k)) != NULL ? (size_t)(z - str) : k;
}

/* Is s[0..n) the start of a valid sequence cut short by the end? */
int
u8_partial(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char buf[4] = { 0 };
	size_t want, i;

	if (n == 0 || n > 3)
		return 0;
	if (s[0] >= 0xC2 && s[0] < 0xE0)
		want = 2;
	else if (s[0] >= 0xE0 && s[0] < 0xF0)
		want = 3;
	else if (s[0] >= 0xF0 && s[0] < 0xF5)
		want = 4;
	else
		return 0;
	if (n >= want)
		return 0;
	/* complete it with the smallest continuations and check */
	memcpy(buf, s, n);
	for (i = n; i < want; i++)
		buf[i] = 0x80;
	if (seq_len(buf, want) == want)
		return 1;
	/* E0 and F0 need a larger second byte */
	if (n == 1 && (s[0] == 0xE0 || s[0] == 0xF0))
		return 1;
	return 0;
}

size_t
u8_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t k = seq_len(s, n);

	switch (k) {
	case 1:
		*cp = s[0];
		break;
	case 2:
		*cp = (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		break;
	case 3:
		*cp = (unsigned)(s[0] & 0x0F) << 12 |
		    (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		break;
	case 4:
		*cp = (unsigned)(s[0] & 0x07) << 18 |
		    (unsigned)(s[1] & 0x3F) << 12 |
		    (unsigned)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		break;
	default:
		*cp = 0xFFFD;
	}
	return k;
}

static int
in_ranges(unsigned cp, const unsigned (*r)[2], size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < r[mid][0])
			hi = mid;
		else if (cp > r[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
u8_cpwidth(unsigned cp)
{
	if (cp < 0x300)
		return 1;
	if (cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F))
		return 0;
	if (in_ranges(cp, zero_ranges,
		sizeof zero_ranges / sizeof *zero_ranges))
		return 0;
	if (in_ranges(cp, wide_ranges,
		sizeof wide_ranges / sizeof *wide_ranges))
		return 2;
	return 1;
}

size_t
u8_width(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, w = 0, k;

	while (i < n) {
		unsigned cp;

		if (s[i] < 0x80) {
			w++;
			i++;
			continue;
		}
		if ((k = u8_decode(str + i, n - i, &cp)) == 0)
			k = 1;
		i += k;
		w += (size_t)u8_cpwidth(cp);
	}
	return w;
}

void
u8_show(struct buf *b, const char *s, size_t n, size_t max)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i, k, nc;

	buf_grow(b, 0);
	for (i = nc = 0; i < n; i += k, nc++) {
		unsigned char c = (unsigned char)s[i];
		unsigned cp;

		if (nc == max) {
			buf_adds(b, "...");
			return;
		}
		k = u8_decode(s + i, n - i, &cp);
		if (k > 0 && c >= 0x20 && c != 0x7F) {
			buf_add(b, s + i, k);
			continue;
		}
		k = 1;
		buf_addc(b, '\\');
		if (c == '\n' || c == '\r' || c == '\t') {
			buf_addc(b, c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
			continue;
		}
		buf_addc(b, 'x');
		buf_addc(b, hex[c >> 4]);
		buf_addc(b, hex[c & 15]);
	}
}

/* Code points of s, ASCII folded to lower case, into cp; -1 when more
 * than max. */
static int
u8_cps(const char *s, unsigned *cp, int max)
{
	size_t n = strlen(s), i = 0, k;
	int len = 0;

	while (i < n) {
		if (len == max)
			return -1;
		if ((k = u8_decode(s + i, n - i, &cp[len])) == 0) {
			cp[len] = 0x110000u + (unsigned char)s[i];
			k = 1;
		}
		if (cp[len] >= 'A' && cp[len] <= 'Z')
			cp[len] += 32;
		len++;
		i += k;
	}
	return len;
}

static int
min3(int a, int b, int c)
{
	int m = a < b ? a : b;

	return m < c ? m : c;
}

int
u8_distance(const char *a, const char *b)
{
	unsigned x[64], y[64];
	int row[3][65], *p2 = row[0], *p1 = row[1], *p0 = row[2], *t;
	int na = u8_cps(a, x, 64), nb = u8_cps(b, y, 64), i, j, d;

	if (na < 0 || nb < 0)
		return -1;
	for (j = 0; j <= nb; j++)
		p1[j] = j;
	for (i = 1; i <= na; i++) {
		p0[0] = i;
		for (j = 1; j <= nb; j++) {
			d = min3(p1[j - 1] + (x[i - 1] != y[j - 1]), p1[j] + 1,
			    p0[j - 1] + 1);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1] && p2[j - 2] + 1 < d)
				d = p2[j - 2] + 1;
			p0[j] = d;
		}
		t = p2;
		p2 = p1;
		p1 = p0;
		p0 = t;
	}
	return p1[nb];
}

const char *
u8_nearest(const char *word, const char *const *known)
{
	const char *best = NULL;
	unsigned cp[64];
	size_t n = strlen(word);
	int bestd = 0, bestprefix = 0, d, max, prefix;

	for (; *known != NULL; known++) {
		if ((d = u8_distance(word, *known)) < 0)
			continue;
		max = u8_cps(*known, cp, 64) / 3;
		if (max < 1)
			max = 1;
		/* the start of a longer name: 办结率 for 办结率(%) */
		prefix = n >= 4 && strncmp(word, *known, n) == 0;
		/* a name it begins first: 办结率(%), not 办结数 */
		if ((d <= max || prefix) &&
		    (best == NULL || prefix > bestprefix ||
			(prefix == bestprefix && d < bestd))) {
			best = *known;
			bestd = d;
			bestprefix = prefix;
		}
	}
	return best;
}

const char *
u8_shown(struct buf *b, struct str v)
{
	buf_reset(b);
	u8_show(b, v.p, v.n, 40);
	return b->p != NULL ? b->p : "";
}
