/*
 * money: amounts in integer fen, parsed and written as yuan with two
 * decimals, rounded to fen, jiao or yuan, multiplied by decimal rates
 * exactly.  No binary floating point anywhere.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/money.h"
#include "lib/zl.h"

/* Longest folded amount we look at. */
#define MONEY_MAX 96

__extension__ typedef __int128 i128;

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static const char *
skip_spaces(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/*
 * The grammar, after folding and trimming:
 *	[sign] [¥ [spaces]] [sign] integer [. d [d]] [[spaces] 元]
 * with one sign at most, not both ¥ and 元, and integer either plain
 * digits or groups of three separated by commas after a first group of
 * one to three digits (1,234,567).
 */
int
money_parse(const char *s, size_t n, long long *fen)
{
	char b[MONEY_MAX];
	const char *p;
	struct str in = { s, n };
	unsigned long long v = 0;
	int neg = 0, sign = 0, yen = 0, k, frac;

	in = str_trim(in);
	if (str_fold_to(in.p, in.n, b, sizeof b) < 0)
		return -1;
	p = b;
	if (*p == '-' || *p == '+') {
		neg = *p++ == '-';
		sign = 1;
	}
	/* ¥ (U+00A5) or its full-width form ￥ (U+FFE5) */
	if (strncmp(p, "¥", 2) == 0 || strncmp(p, "￥", 3) == 0) {
		p = skip_spaces(p + (*p == '\xC2' ? 2 : 3));
		yen = 1;
		if (!sign && (*p == '-' || *p == '+')) {
			neg = *p++ == '-';
			sign = 1;
		}
	}
	if (!isdig(*p))
		return -1;
	for (k = 0; isdig(p[k]); k++)
		;
	if (p[k] == ',') {
		/* grouped: a first group of 1..3 digits, then ",ddd"s */
		if (k > 3 || *p == '0')
			return -1;
		for (;;) {
			while (isdig(*p)) {
				if (v > (ULLONG_MAX - 9) / 10)
					return -1;
				v = v * 10 + (unsigned)(*p++ - '0');
			}
			if (*p != ',')
				break;
			p++;
			for (k = 0; isdig(p[k]); k++)
				;
			if (k != 3)
				return -1;
		}
	} else {
		while (isdig(*p)) {
			if (v > (ULLONG_MAX - 9) / 10)
				return -1;
			v = v * 10 + (unsigned)(*p++ - '0');
		}
	}
	frac = 0;
	if (*p == '.') {
		p++;
		if (!isdig(*p))
			return -1;
		frac = (*p++ - '0') * 10;
		if (isdig(*p))
			frac += *p++ - '0';
		if (isdig(*p))
			return -1;
	}
	if (!yen) {
		const char *q = skip_spaces(p);

		if (strcmp(q, "元") == 0)
			p = q + strlen("元");
	}
	if (*p != '\0')
		return -1;
	/* v yuan and frac fen: at most LLONG_MAX fen either way */
	if (v > ((unsigned long long)LLONG_MAX - (unsigned)frac) / 100)
		return -1;
	v = v * 100 + (unsigned)frac;
	*fen = neg ? -(long long)v : (long long)v;
	return 0;
}

/* "00" to "99". */
static const char two[] = "00010203040506070809101112131415161718192021222324"
			  "25262728293031323334353637383940414243444546474849"
			  "50515253545556575859606162636465666768697071727374"
			  "75767778798081828384858687888990919293949596979899";

size_t
money_format(long long fen, char *buf)
{
	unsigned long long v, w;
	size_t n = fen < 0, k, i;
	unsigned d;

	v = fen < 0 ? 0 - (unsigned long long)fen : (unsigned long long)fen;
	if (v == 0) {
		memcpy(buf, "0.00", 5);
		return 4;
	}
	for (k = 1, w = v / 100; w >= 10; w /= 10)
		k++; /* digits before the point */
	if (fen < 0)
		buf[0] = '-';
	n += k + 3;
	buf[n] = '\0';
	d = (unsigned)(v % 100);
	v /= 100;
	buf[n - 1] = two[2 * d + 1];
	buf[n - 2] = two[2 * d];
	buf[n - 3] = '.';
	for (i = n - 3; v >= 100; i -= 2) {
		d = (unsigned)(v % 100);
		v /= 100;
		buf[i - 1] = two[2 * d + 1];
		buf[i - 2] = two[2 * d];
	}
	if (v >= 10) {
		buf[i - 1] = two[2 * v + 1];
		buf[i - 2] = two[2 * v];
	} else
		buf[i - 1] = (char)('0' + v);
	return n;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* "0000" to "9999", made by the preprocessor (TEN and TENS alike: a
 * macro is not expanded inside itself). */
#define TEN(m, a)                                                             \
	m(a "0"), m(a "1"), m(a "2"), m(a "3"), m(a "4"), m(a "5"), m(a "6"), \
	    m(a "7"), m(a "8"), m(a "9")
#define TENS(m, a)                                                            \
	m(a "0"), m(a "1"), m(a "2"), m(a "3"), m(a "4"), m(a "5"), m(a "6"), \
	    m(a "7"), m(a "8"), m(a "9")
#define FOUR1(a) \
	a "0", a "1", a "2", a "3", a "4", a "5", a "6", a "7", a "8", a "9"
#define FOUR2(a) TEN(FOUR1, a)
#define FOUR3(a) TENS(FOUR2, a)
static const char four[10000][5] = { FOUR3("0"), FOUR3("1"), FOUR3("2"),
	FOUR3("3"), FOUR3("4"), FOUR3("5"), FOUR3("6"), FOUR3("7"), FOUR3("8"),
	FOUR3("9") };

/*
 * Below a million yuan: the eight digits of the fen, two groups of four
 * from the table in one word, the first digit in its lowest byte; the
 * leading zeros (not the one before the point) shifted out, the point
 * put before the last two.
 */
static inline size_t
put(long long fen, char *o)
{
	unsigned long long v = fen < 0 ? 0 - (unsigned long long)fen :
					 (unsigned long long)fen;
	uint32_t hi, lo;
	uint64_t w;
	size_t n = fen < 0, z;

	if (v == 0) { /* many amounts of a payslip */
		memcpy(o, "0.00", 4);
		return 4;
	}
	if (v >= 100000000)
		return money_format(fen, o);
	o[0] = '-';
	memcpy(&hi, four[v / 10000], 4);
	memcpy(&lo, four[v % 10000], 4);
	w = hi | (uint64_t)lo << 32;
	z = (size_t)__builtin_ctzll((w ^ 0x3030303030303030ULL) | 1ULL << 40) /
	    8;
	w >>= 8 * z;
	memcpy(o + n, &w, 8);
	n += 6 - z;
	o[n] = '.';
	lo >>= 16;
	memcpy(o + n + 1, &lo, 2);
	return n + 3;
}
#else
static size_t
put(long long fen, char *o)
{
	return money_format(fen, o);
}
#endif

size_t
money_put(long long fen, char *o)
{
	return put(fen, o);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

#define MONEY_AVX512           \
	__attribute__((target( \
	    "avx512f,avx512bw,avx512dq,avx512vbmi,avx512vbmi2,bmi2,popcnt")))

/* 1 when the processor has what put8 needs (and $ZHILI_MONEY_PUT is not
 * "scalar": for the tests, lib/README). */
static int
have_avx512(void)
{
	static int have = -1; /* (threads may ask at once) */
	int h = __atomic_load_n(&have, __ATOMIC_RELAXED);
	const char *e;

	if (h < 0) {
		__builtin_cpu_init();
		e = getenv("ZHILI_MONEY_PUT");
		h = __builtin_cpu_supports("avx512bw") &&
		    __builtin_cpu_supports("avx512dq") &&
		    __builtin_cpu_supports("avx512vbmi") &&
		    __builtin_cpu_supports("avx512vbmi2") &&
		    __builtin_cpu_supports("bmi2") &&
		    (e == NULL || strcmp(e, "scalar") != 0);
		__atomic_store_n(&have, h, __ATOMIC_RELAXED);
	}
	return h;
}

/*
 * Four amounts' text, 16 bytes each, from their digits (bytes 0-31, 8 an
 * amount, the first digit first; text_hi: bytes 32-63) and sep, '-' and
 * '.' (bytes 64-66): sep, '-', six digits, '.', two digits, and five
 * bytes never kept.
 */
static const uint8_t text_lo[64] = { 64, 65, 0, 1, 2, 3, 4, 5, 66, 6, 7, 64, 64,
	64, 64, 64, 64, 65, 8, 9, 10, 11, 12, 13, 66, 14, 15, 64, 64, 64, 64,
	64, 64, 65, 16, 17, 18, 19, 20, 21, 66, 22, 23, 64, 64, 64, 64, 64, 64,
	65, 24, 25, 26, 27, 28, 29, 66, 30, 31, 64, 64, 64, 64, 64 };
static const uint8_t text_hi[64] = { 64, 65, 32, 33, 34, 35, 36, 37, 66, 38, 39,
	64, 64, 64, 64, 64, 64, 65, 40, 41, 42, 43, 44, 45, 66, 46, 47, 64, 64,
	64, 64, 64, 64, 65, 48, 49, 50, 51, 52, 53, 66, 54, 55, 64, 64, 64, 64,
	64, 64, 65, 56, 57, 58, 59, 60, 61, 66, 62, 63, 64, 64, 64, 64, 64 };

/*
 * The first n (0 to 4) amounts of four at o, their text (text_lo's or
 * text_hi's of dig and cst) packed: the bytes of each to keep from keep
 * (8 bits an amount, a digit's: from the first one not 0) and neg (a
 * bit an amount): its length.  64 bytes are stored.
 */
static inline MONEY_AVX512 size_t
put4(__m512i dig, const uint8_t *idx, __m512i cst, uint64_t keep, uint64_t neg,
    int n, char *o)
{
	__m512i t = _mm512_permutex2var_epi8(dig,
	    _mm512_loadu_si512((const void *)idx), cst);
	uint64_t m = _pdep_u64(keep, 0x06FC06FC06FC06FCULL) |
	    _pdep_u64(neg, 0x0002000200020002ULL) | 0x0101010101010101ULL;

	if (n < 4)
		m &= (1ULL << 16 * n) - 1;
	_mm512_storeu_si512((void *)o,
	    _mm512_maskz_compress_epi8((__mmask64)m, t));
	return (size_t)__builtin_popcountll(m);
}

/*
 * The n8 (1 to 8) amounts of v at o as money_put_list writes them, when
 * each is below a million yuan: their length, or 0 (none written) when
 * one is not.  The
 * digits of each: its fen split into two groups of four (÷ 10000 as a
 * multiplication), each group into two of two (÷ 100), each of those
 * into two digits (÷ 10), one byte each, in a 64-bit lane; then bytes
 * put in place and the leading zeros left out (put4).  At most 108
 * bytes are stored.
 */
static inline MONEY_AVX512 size_t
put8(const long long *v, int n8, char sep, char *o)
{
	__m512i x = _mm512_maskz_loadu_epi64((__mmask8)((1u << n8) - 1), v);
	__m512i a, hi, lo, t, q, d, cst;
	uint64_t neg = _mm512_cmplt_epi64_mask(x, _mm512_setzero_si512()), nz;
	size_t n;

	a = _mm512_abs_epi64(x);
	if (_mm512_cmpge_epu64_mask(a, _mm512_set1_epi64(100000000)) != 0)
		return 0;
	hi = _mm512_srli_epi64(_mm512_mul_epu32(a,
				   _mm512_set1_epi64(3518437209LL)),
	    45);
	lo = _mm512_sub_epi64(a,
	    _mm512_mul_epu32(hi, _mm512_set1_epi64(10000)));
	t = _mm512_or_si512(hi, _mm512_slli_epi64(lo, 32));
	q = _mm512_srli_epi16(_mm512_mulhi_epu16(t, _mm512_set1_epi32(5243)),
	    3);
	d = _mm512_sub_epi16(t, _mm512_mullo_epi16(q, _mm512_set1_epi32(100)));
	t = _mm512_or_si512(q, _mm512_slli_epi32(d, 16));
	q = _mm512_mulhi_epu16(t, _mm512_set1_epi16(6554));
	d = _mm512_sub_epi16(t, _mm512_mullo_epi16(q, _mm512_set1_epi16(10)));
	t = _mm512_or_si512(q, _mm512_slli_epi16(d, 8));
	/* a bit a digit not 0 (the last three always), then in each byte
	 * every bit from its lowest one up (x | ~(x - 1): no borrow, each
	 * byte has one) */
	nz = _mm512_test_epi8_mask(t, t) | 0xE0E0E0E0E0E0E0E0ULL;
	nz |= ~(nz - 0x0101010101010101ULL);
	t = _mm512_add_epi8(t, _mm512_set1_epi8('0'));
	cst = _mm512_set1_epi32(
	    (int)((unsigned char)sep | '-' << 8 | '.' << 16));
	n = put4(t, text_lo, cst, nz, neg, n8, o);
	if (n8 <= 4)
		return n;
	return n + put4(t, text_hi, cst, nz >> 32, neg >> 4, n8 - 4, o + n);
}

/* The amounts of v from *i at o, eight at a time, until one is not
 * below a million yuan: the length written (*i: the next one). */
static MONEY_AVX512 size_t
put_avx512(const long long *v, size_t n, size_t *i, char sep, char *o)
{
	size_t k = 0, w;

	for (; *i < n; *i += 8) {
		if ((w = put8(v + *i, n - *i < 8 ? (int)(n - *i) : 8, sep,
			 o + k)) == 0)
			break;
		k += w;
	}
	return k;
}
#else
static int
have_avx512(void)
{
	return 0;
}

static size_t
put_avx512(const long long *v, size_t n, size_t *i, char sep, char *o)
{
	(void)v;
	(void)n;
	(void)i;
	(void)sep;
	(void)o;
	return 0;
}
#endif

size_t
money_put_list(const long long *v, size_t n, char sep, char *o)
{
	size_t i = 0, k = 0;

	if (have_avx512())
		k = put_avx512(v, n, &i, sep, o);
	for (; i < n; i++) {
		o[k++] = sep;
		k += put(v[i], o + k);
	}
	return k;
}

/*
 * a / d rounded to an integer by mode (d > 0): the quotient truncated
 * toward zero, then moved one away from zero for ROUND_UP when anything
 * remains, for ROUND_HALF_AWAY when the remainder is at least half of d.
 */
static i128
div_round(i128 a, i128 d, int mode)
{
	i128 q = a / d, r = a % d, ar = r < 0 ? -r : r;
	int away;

	switch (mode) {
	case ROUND_UP:
		away = ar != 0;
		break;
	case ROUND_DOWN:
		away = 0;
		break;
	default:
		away = ar >= d - ar; /* 2|r| >= d, without overflow */
		break;
	}
	if (away)
		q += a < 0 ? -1 : 1;
	return q;
}

long long
money_round(long long fen, int unit, int mode)
{
	i128 r;

	if (unit <= 1)
		return fen;
	r = div_round(fen, unit, mode) * unit;
	if (r > LLONG_MAX)
		return LLONG_MAX / unit * unit;
	if (r < -LLONG_MAX)
		return -(LLONG_MAX / unit * unit);
	return (long long)r;
}

/*
 * A decimal rate: [sign] digits [. digits] [[spaces] %], at least one
 * digit: 0 and the rate as mant / 10^exp, or -1.  Trailing zeros of the
 * fraction are dropped; at most 18 significant digits, so that mant <
 * 10^18 < 2^60 and fen (|fen| < 2^63) × mant stays below 2^123.
 */
static int
parse_rate(const char *s, i128 *mant, int *exp)
{
	char b[MONEY_MAX], dig[MONEY_MAX];
	const char *p;
	struct str in = str_trim(str_c(s));
	long long v = 0;
	int neg = 0, nd = 0, nfrac = 0, point = 0, pct = 0, i;

	if (str_fold_to(in.p, in.n, b, sizeof b) < 0)
		return -1;
	p = b;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (;; p++) {
		if (isdig(*p)) {
			dig[nd++] = *p;
			nfrac += point;
		} else if (*p == '.' && !point)
			point = 1;
		else
			break;
	}
	if (nd == 0)
		return -1;
	p = skip_spaces(p);
	if (*p == '%') {
		pct = 2;
		p++;
	}
	if (*p != '\0')
		return -1;
	while (nfrac > 0 && dig[nd - 1] == '0') {
		nd--;
		nfrac--;
	}
	for (i = 0; i < nd; i++) {
		if (v >= 100000000000000000LL)
			return -1;
		v = v * 10 + (dig[i] - '0');
	}
	*mant = neg ? -v : v;
	*exp = nfrac + pct;
	return 0;
}

int
money_rate(const char *rate, struct money_rate *r)
{
	i128 mant;

	if (parse_rate(rate, &mant, &r->exp) < 0)
		return -1;
	r->mant = (long long)mant;
	return 0;
}

/* 10^e, for e up to 18. */
static const long long pow10s[19] = { 1LL, 10LL, 100LL, 1000LL, 10000LL,
	100000LL, 1000000LL, 10000000LL, 100000000LL, 1000000000LL,
	10000000000LL, 100000000000LL, 1000000000000LL, 10000000000000LL,
	100000000000000LL, 1000000000000000LL, 10000000000000000LL,
	100000000000000000LL, 1000000000000000000LL };

/* money_mul_rate in 128 bits (not inlined: its registers would be saved
 * and restored on every call of the 64-bit path). */
static __attribute__((noinline)) int
mul_wide(long long fen, const struct money_rate *rt, int unit, int mode,
    long long *out)
{
	i128 prod, d = unit, r;
	int i;

	for (i = 0; i < rt->exp; i++) {
		if (d > ((i128)1 << 120) / 10)
			return -1; /* 10^36 and beyond: too many decimals */
		d *= 10;
	}
	prod = (i128)fen * rt->mant;
	r = div_round(prod, d, mode) * unit;
	if (r > LLONG_MAX || r < -LLONG_MAX)
		return -1;
	*out = (long long)r;
	return 0;
}

int
money_mul_rate(long long fen, const struct money_rate *rt, int unit, int mode,
    long long *out)
{
	if (unit < 1)
		unit = 1;
	/* fen × mant / 10^e, rounded once to unit: divide by 10^e × unit;
	 * in 64 bits when they are small enough (most amounts and rates),
	 * rounded with no branch (remainders are as good as random) */
	if (rt->exp <= 12 && fen > -(1LL << 31) && fen < (1LL << 31) &&
	    rt->mant > -(1LL << 31) && rt->mant < (1LL << 31) &&
	    unit <= 1000000) {
		long long dd = pow10s[rt->exp] * unit, p = fen * rt->mant;
		long long q = p / dd, rr = p % dd, ar = rr < 0 ? -rr : rr;
		long long away = mode == ROUND_UP ? ar != 0 :
		    mode == ROUND_DOWN		  ? 0 :
						    ar >= dd - ar;

		*out = (q + (p < 0 ? -away : away)) * unit;
		return 0;
	}
	return mul_wide(fen, rt, unit, mode, out);
}

int
money_mul(long long fen, const char *rate, int unit, int mode, long long *out)
{
	struct money_rate r;

	if (money_rate(rate, &r) < 0)
		return -1;
	return money_mul_rate(fen, &r, unit, mode, out);
}
