/*
 * test_money: parsing and writing amounts, the three rounding modes at
 * their boundaries, exact multiplication by decimal rates.
 *
 * Products were worked out by hand and checked with python3's decimal
 * module (Decimal(fen) * Decimal(rate), quantize with ROUND_HALF_UP, which
 * there means half away from zero, ROUND_UP and ROUND_DOWN).
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "lib/money.h"
#include "t.h"

#define BAD LLONG_MIN

static long long
P(const char *s)
{
	long long v;

	if (money_parse(s, strlen(s), &v) < 0)
		return BAD;
	return v;
}

static void
test_parse(void)
{
	T_INT(P("1234.5"), 123450);
	T_INT(P("1234.50"), 123450);
	T_INT(P("1234"), 123400);
	T_INT(P("1,234.50"), 123450);
	T_INT(P("1,234,567.89"), 123456789);
	T_INT(P("12,345"), 1234500);
	T_INT(P("¥1234.50"), 123450);
	T_INT(P("￥1234.50"), 123450);
	T_INT(P("¥ 1,234.50"), 123450);
	T_INT(P("1234.50元"), 123450);
	T_INT(P("1234.50 元"), 123450);
	T_INT(P("-12.3"), -1230);
	T_INT(P("+5"), 500);
	T_INT(P("-¥12.30"), -1230);
	T_INT(P("¥-12.30"), -1230);
	T_INT(P("-0.05"), -5);
	T_INT(P("0"), 0);
	T_INT(P("-0"), 0);
	T_INT(P("0.01"), 1);
	T_INT(P("007.5"), 750);
	T_INT(P("  88.8\t"), 8880);
	T_INT(P("　88.8　"), 8880);
	T_INT(P("１２３４．５"), 123450);
	T_INT(P("－１，２３４．５０元"), -123450);
	/* the largest amount: LLONG_MAX fen = 92233720368547758.07 yuan */
	T_INT(P("92233720368547758.07"), LLONG_MAX);
	T_INT(P("-92233720368547758.07"), -LLONG_MAX);
	{
		long long v = 0;

		T_INT(money_parse("12.34abc", 5, &v), 0);
		T_INT(v, 1234);
		T_INT(money_parse("12.34\0abc", 9, &v), -1);
	}
}

static void
test_rejects(void)
{
	static const char *const bad[] = {
		"",
		" ",
		"abc",
		"12.345",
		"1.2.3",
		"1,23.4",
		"1234,567",
		"1,2345",
		"12,34",
		",123",
		"1,",
		"1,234,56",
		"0,123",
		"12.",
		".5",
		"-",
		"+",
		"--5",
		"+-5",
		"-¥-5",
		"¥",
		"元",
		"¥12元",
		"12元元",
		"1 234",
		"12 .5",
		"12. 5",
		"1e3",
		"0x10",
		"12$",
		"92233720368547758.08",
		"-92233720368547758.08",
		"99999999999999999999",
		"184467440737095516160",
		"12.5%",
		"NaN",
		"inf",
		"¥¥12",
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		long long v = P(bad[i]);

		if (v != BAD)
			printf("accepted \"%s\"\n", bad[i]);
		T_INT(v == BAD, 1);
	}
}

static void
F(long long fen, const char *want)
{
	char buf[32];
	size_t n = money_format(fen, buf);

	T_MEM(buf, n, want);
	T_INT(strlen(buf), n);
}

static void
test_format(void)
{
	F(0, "0.00");
	F(5, "0.05");
	F(-5, "-0.05");
	F(-100, "-1.00");
	F(123450, "1234.50");
	F(123456789, "1234567.89");
	F(LLONG_MAX, "92233720368547758.07");
	F(-LLONG_MAX, "-92233720368547758.07");
	F(LLONG_MIN, "-92233720368547758.08");
	/* each count of digits, against printf's */
	F(999, "9.99");
	F(1000, "10.00");
	F(9999, "99.99");
	F(10000, "100.00");
	F(-99999, "-999.99");
	F(100000, "1000.00");
	{
		long long v = 1;
		int i, bad = 0;

		for (i = 0; i < 19; i++, v = i < 19 ? v * 10 : v) {
			char a[32], b[48];
			long long w = v + (long long)i * 7;

			money_format(w, a);
			snprintf(b, sizeof b, "%lld.%02lld", w / 100, w % 100);
			bad += strcmp(a, b) != 0;
			money_format(v - 1, a);
			snprintf(b, sizeof b, "%lld.%02lld", (v - 1) / 100,
			    (v - 1) % 100);
			bad += strcmp(a, b) != 0;
		}
		T_INT(bad, 0);
	}
}

/* money_put against money_format: 1 when they differ at fen. */
static int
put_differs(long long fen)
{
	char a[32], b[32];
	size_t n = money_format(fen, a);

	memset(b, 'x', sizeof b);
	return money_put(fen, b) != n || memcmp(a, b, n) != 0;
}

static void
test_put(void)
{
	long long edge[] = { 0, 1, 9, 10, 99, 100, 101, 999, 1000, 9999999999,
		10000000000, 10000000001, 99999999999, LLONG_MAX, LLONG_MIN,
		LLONG_MIN + 1 };
	unsigned long long x = 88172645463325252ULL;
	long long v;
	int bad = 0, i, k;

	for (v = -200000; v <= 2000000; v++)
		bad += put_differs(v);
	for (i = 0; i < (int)(sizeof edge / sizeof edge[0]); i++)
		bad += put_differs(edge[i]) + put_differs(-(edge[i] / 2));
	for (v = 1, k = 0; k < 18; k++, v *= 10)
		for (i = -3; i <= 3; i++)
			bad += put_differs(v + i) + put_differs(-v - i);
	for (i = 0; i < 1000000; i++) { /* xorshift: every size of amount */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		v = (long long)(x >> (x % 50 + 1));
		bad += put_differs(v) + put_differs(-v);
	}
	T_INT(bad, 0);
}

static void
test_put_list(void)
{
	const long long v[] = { 0, -5, 123456, 10000000000LL, -LLONG_MAX };
	const char *want = "\t0.00\t-0.05\t1234.56\t100000000.00"
			   "\t-92233720368547758.07";
	char buf[5 * 25 + 128];
	size_t n = money_put_list(v, 5, '\t', buf);

	T_MEM(buf, n, want);
	T_INT(money_put_list(v, 0, ',', buf), 0);
}

/*
 * Lists of every length to 40 (eight at a time by AVX-512 where the
 * processor has it), of amounts of every size, against money_format's,
 * each after its separator.
 */
static void
test_put_lists(void)
{
	unsigned long long x = 2463534242ULL;
	long long v[40];
	char got[40 * 25 + 128], want[40 * 33];
	size_t n, k, w;
	int bad = 0, r;

	for (r = 0; r < 200000; r++) {
		n = (size_t)r % 41;
		for (w = k = 0; k < n; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			/* mostly below a million yuan, some above, some 0 */
			v[k] = (long long)(x >> (x % 7 == 0 ? x % 40 + 1 :
							x % 3 == 0 ?
							      63 :
							      x % 27 + 37));
			if (x & 0x100)
				v[k] = -v[k];
			want[w++] = r % 2 ? ',' : '\t';
			w += money_format(v[k], want + w);
		}
		bad += money_put_list(v, n, r % 2 ? ',' : '\t', got) != w ||
		    memcmp(got, want, w) != 0;
	}
	T_INT(bad, 0);
	{ /* the edges of the eight at a time, in each place */
		const long long e[] = { 0, 1, -1, 9, 10, 99, 100, 999, 9999,
			10000, 99999999, -99999999, 100000000, -100000000,
			LLONG_MIN, LLONG_MAX };
		size_t i;

		for (i = 0; i < 16 * 16; i++) {
			for (k = 0; k < 16; k++)
				v[k] = e[(k * 7 + i) % 16];
			v[i % 16] = e[i / 16];
			for (w = k = 0; k < 16; k++) {
				want[w++] = ';';
				w += money_format(v[k], want + w);
			}
			bad += money_put_list(v, 16, ';', got) != w ||
			    memcmp(got, want, w) != 0;
		}
		T_INT(bad, 0);
	}
}

static void
test_round(void)
{
	/* to jiao: 0.25 yuan is 25 fen; half of a jiao is 5 fen */
	T_INT(money_round(25, UNIT_JIAO, ROUND_HALF_AWAY), 30);
	T_INT(money_round(24, UNIT_JIAO, ROUND_HALF_AWAY), 20);
	T_INT(money_round(26, UNIT_JIAO, ROUND_HALF_AWAY), 30);
	T_INT(money_round(-25, UNIT_JIAO, ROUND_HALF_AWAY), -30);
	T_INT(money_round(-24, UNIT_JIAO, ROUND_HALF_AWAY), -20);
	T_INT(money_round(21, UNIT_JIAO, ROUND_UP), 30);
	T_INT(money_round(20, UNIT_JIAO, ROUND_UP), 20);
	T_INT(money_round(-21, UNIT_JIAO, ROUND_UP), -30);
	T_INT(money_round(29, UNIT_JIAO, ROUND_DOWN), 20);
	T_INT(money_round(-29, UNIT_JIAO, ROUND_DOWN), -20);
	T_INT(money_round(-25, UNIT_JIAO, ROUND_UP), -30);
	T_INT(money_round(-25, UNIT_JIAO, ROUND_DOWN), -20);
	/* to yuan: half is 50 fen */
	T_INT(money_round(12350, UNIT_YUAN, ROUND_HALF_AWAY), 12400);
	T_INT(money_round(12349, UNIT_YUAN, ROUND_HALF_AWAY), 12300);
	T_INT(money_round(-12350, UNIT_YUAN, ROUND_HALF_AWAY), -12400);
	T_INT(money_round(-12349, UNIT_YUAN, ROUND_HALF_AWAY), -12300);
	T_INT(money_round(50, UNIT_YUAN, ROUND_HALF_AWAY), 100);
	T_INT(money_round(-50, UNIT_YUAN, ROUND_HALF_AWAY), -100);
	T_INT(money_round(49, UNIT_YUAN, ROUND_HALF_AWAY), 0);
	T_INT(money_round(12301, UNIT_YUAN, ROUND_UP), 12400);
	T_INT(money_round(-12301, UNIT_YUAN, ROUND_UP), -12400);
	T_INT(money_round(12399, UNIT_YUAN, ROUND_DOWN), 12300);
	T_INT(money_round(-12399, UNIT_YUAN, ROUND_DOWN), -12300);
	T_INT(money_round(12300, UNIT_YUAN, ROUND_UP), 12300);
	T_INT(money_round(0, UNIT_YUAN, ROUND_UP), 0);
	/* to fen: unchanged */
	T_INT(money_round(-12345, UNIT_FEN, ROUND_UP), -12345);
	T_INT(money_round(12345, UNIT_FEN, ROUND_HALF_AWAY), 12345);
	/* saturation instead of overflow: LLONG_MAX = ...807 */
	T_INT(money_round(LLONG_MAX, UNIT_YUAN, ROUND_UP),
	    LLONG_MAX / 100 * 100);
	T_INT(money_round(LLONG_MAX, UNIT_YUAN, ROUND_DOWN),
	    LLONG_MAX / 100 * 100);
	T_INT(money_round(-LLONG_MAX, UNIT_JIAO, ROUND_HALF_AWAY),
	    -(LLONG_MAX / 10 * 10));
}

static long long
M(long long fen, const char *rate, int unit, int mode)
{
	long long v;

	if (money_mul(fen, rate, unit, mode, &v) < 0)
		return BAD;
	return v;
}

static void
test_mul(void)
{
	/* 1234567 × 0.08 = 98765.36 fen: 98765, up 98766, down 98765;
	 * to jiao 9876.536 jiao → 9877 jiao; to yuan 987.6536 → 988 */
	T_INT(M(1234567, "0.08", UNIT_FEN, ROUND_HALF_AWAY), 98765);
	T_INT(M(1234567, "0.08", UNIT_FEN, ROUND_UP), 98766);
	T_INT(M(1234567, "0.08", UNIT_FEN, ROUND_DOWN), 98765);
	T_INT(M(1234567, "0.08", UNIT_JIAO, ROUND_HALF_AWAY), 98770);
	T_INT(M(1234567, "0.08", UNIT_YUAN, ROUND_HALF_AWAY), 98800);
	/* 1234567 × 0.105 = 129629.535: exactly representable here, the
	 * half fen rounds away (a double holds 129629.53499999...) */
	T_INT(M(1234567, "0.105", UNIT_FEN, ROUND_HALF_AWAY), 129630);
	T_INT(M(1234567, "0.105", UNIT_FEN, ROUND_DOWN), 129629);
	T_INT(M(1234567, "0.105", UNIT_FEN, ROUND_UP), 129630);
	T_INT(M(-1234567, "0.105", UNIT_FEN, ROUND_HALF_AWAY), -129630);
	T_INT(M(1234567, "-0.105", UNIT_FEN, ROUND_DOWN), -129629);
	T_INT(M(1234567, "0.105", UNIT_YUAN, ROUND_HALF_AWAY), 129600);
	/* 12.5% = 0.125: 154320.875 → 154321, down 154320; jiao 15432.0875
	 * → 15432 jiao */
	T_INT(M(1234567, "12.5%", UNIT_FEN, ROUND_HALF_AWAY), 154321);
	T_INT(M(1234567, "12.5%", UNIT_FEN, ROUND_DOWN), 154320);
	T_INT(M(1234567, "12.5 %", UNIT_JIAO, ROUND_HALF_AWAY), 154320);
	T_INT(M(1234567, "0.125", UNIT_FEN, ROUND_HALF_AWAY), 154321);
	/* trailing zeros and other spellings */
	T_INT(M(1234567, "0.080000000000000000000000000", UNIT_FEN,
		  ROUND_HALF_AWAY),
	    98765);
	T_INT(M(1234567, ".08", UNIT_FEN, ROUND_HALF_AWAY), 98765);
	T_INT(M(1234567, "8%", UNIT_FEN, ROUND_HALF_AWAY), 98765);
	T_INT(M(1234567, "１２．５％", UNIT_FEN, ROUND_HALF_AWAY), 154321);
	T_INT(M(1234567, "1", UNIT_FEN, ROUND_HALF_AWAY), 1234567);
	T_INT(M(1234567, "+2", UNIT_FEN, ROUND_HALF_AWAY), 2469134);
	T_INT(M(1234567, "0", UNIT_FEN, ROUND_UP), 0);
	/* 5 fen × 0.5 = 2.5 fen: exactly half */
	T_INT(M(5, "0.5", UNIT_FEN, ROUND_HALF_AWAY), 3);
	T_INT(M(-5, "0.5", UNIT_FEN, ROUND_HALF_AWAY), -3);
	T_INT(M(5, "0.5", UNIT_FEN, ROUND_DOWN), 2);
	/* 1 fen × 0.000000000000000001 rounds up to 1 fen, else 0 */
	T_INT(M(1, "0.000000000000000001", UNIT_FEN, ROUND_UP), 1);
	T_INT(M(1, "0.000000000000000001", UNIT_FEN, ROUND_HALF_AWAY), 0);
	/* LLONG_MAX × 0.5 = 4611686018427387903.5 → ...904 */
	T_INT(M(LLONG_MAX, "0.5", UNIT_FEN, ROUND_HALF_AWAY),
	    4611686018427387904LL);
	/* overflow and bad rates */
	T_INT(M(LLONG_MAX, "2", UNIT_FEN, ROUND_HALF_AWAY), BAD);
	T_INT(M(LLONG_MAX / 2, "1000000000000000000", UNIT_FEN, ROUND_DOWN),
	    BAD);
	T_INT(M(100, "", UNIT_FEN, ROUND_HALF_AWAY), BAD);
	T_INT(M(100, "abc", UNIT_FEN, ROUND_HALF_AWAY), BAD);
	T_INT(M(100, "1.2.3", UNIT_FEN, ROUND_HALF_AWAY), BAD);
	T_INT(M(100, "1e-2", UNIT_FEN, ROUND_HALF_AWAY), BAD);
	T_INT(M(100, "%", UNIT_FEN, ROUND_HALF_AWAY), BAD);
	T_INT(M(100, ".", UNIT_FEN, ROUND_HALF_AWAY), BAD);
	T_INT(M(100, "5%%", UNIT_FEN, ROUND_HALF_AWAY), BAD);
	T_INT(M(100, "1234567890123456789", UNIT_FEN, ROUND_HALF_AWAY), BAD);
}

/* fen × mant / 10^exp rounded once to unit by mode, the plain way in
 * 128 bits: what money_mul_rate must give on either of its paths (beyond
 * ±LLONG_MAX: BAD, an overflow). */
static long long
ref_mul(long long fen, long long mant, int exp, int unit, int mode)
{
	__int128 p = (__int128)fen * mant, d = unit, q, r, ar;
	int i;

	for (i = 0; i < exp; i++)
		d *= 10;
	q = p / d;
	r = p % d;
	ar = r < 0 ? -r : r;
	if ((mode == ROUND_UP && ar != 0) ||
	    (mode == ROUND_HALF_AWAY && 2 * ar >= d))
		q += p < 0 ? -1 : 1;
	q *= unit;
	return q > LLONG_MAX || q < -LLONG_MAX ? BAD : (long long)q;
}

/* A reproducible pseudo-random number (xorshift64). */
static unsigned long long
rnd(void)
{
	static unsigned long long x = 88172645463325252ULL;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return x;
}

/* money_mul_rate against ref_mul on amounts and rates on both sides of
 * its 64-bit path's limits (2^31, 12 decimals). */
static void
test_mul_rate(void)
{
	static const int units[] = { UNIT_FEN, UNIT_JIAO, UNIT_YUAN };
	static const long long edges[] = { 0, 1, 2147483647LL, 2147483648LL,
		-2147483647LL, -2147483648LL, 99999999999LL };
	int i, bad = 0;

	for (i = 0; i < 200000; i++) {
		struct money_rate r;
		long long fen, got;
		int unit = units[rnd() % 3], mode = (int)(rnd() % 3);

		fen = i < 7 * 7 ?
		    edges[i % 7] :
		    (long long)(rnd() % 20000000000ULL) - 10000000000LL;
		r.exp = (int)(rnd() % 15);
		r.mant = i < 7 * 7 ?
		    edges[i / 7] % 1000000000000000000LL :
		    (long long)(rnd() % 4000000000ULL) - 2000000000LL;
		if (money_mul_rate(fen, &r, unit, mode, &got) != 0)
			got = BAD;
		if (got != ref_mul(fen, r.mant, r.exp, unit, mode))
			bad++;
	}
	T_INT(bad, 0);
	T_INT(money_rate("8%", &(struct money_rate) { 0, 0 }), 0);
}

int
main(void)
{
	test_parse();
	test_rejects();
	test_format();
	test_put();
	test_put_list();
	test_put_lists();
	test_round();
	test_mul();
	test_mul_rate();
	return t_done();
}
