/*
 * money: integer fen (分), never floating point (DESIGN.md section 3).
 */
#ifndef MONEY_H
#define MONEY_H

#include <stddef.h>

enum money_unit { UNIT_FEN = 1, UNIT_JIAO = 10, UNIT_YUAN = 100 };
enum money_round {
	ROUND_HALF_AWAY, /* half away from zero */
	ROUND_UP,	 /* any remainder away from zero */
	ROUND_DOWN	 /* toward zero */
};

/*
 * "1234.5", "1,234.50", "¥1234.50", "￥1234.50", "1234.50元", "-12.3",
 * "+5": 0 and *fen, or -1.  Surrounding spaces are ignored and full-width
 * digits and signs folded.  One sign at most, before or after ¥; ¥ (or ￥)
 * or 元, not both; at most two decimals; thousands separators only in
 * groups of three after a first group of one to three digits ("1,23.4",
 * "1234,567" are errors).  |amount| at most LLONG_MAX fen.
 */
int money_parse(const char *s, size_t n, long long *fen);
/* "1234.50", "-0.05": into buf (at least 32 bytes); returns the length. */
size_t money_format(long long fen, char *buf);
/* The same at o, not ended by a NUL, faster: o has room for 24 bytes,
 * and bytes after the figure's may be written over. */
size_t money_put(long long fen, char *o);
/* The n amounts of v at o, each after the byte sep, as money_put writes
 * them (room for 25 bytes each and 128 more, which may be written over):
 * the length written. */
size_t money_put_list(const long long *v, size_t n, char sep, char *o);
/*
 * Round an amount of fen to a multiple of unit (UNIT_FEN: unchanged), by
 * mode, symmetrically for negative amounts: -0.25 to jiao is -0.30 half
 * away, -0.30 up, -0.20 down.  A result beyond ±LLONG_MAX saturates.
 */
long long money_round(long long fen, int unit, int mode);
/*
 * fen × rate, the rate a decimal string ("0.08", "12.5%", "-1", ".5"; a
 * trailing % divides by 100; at most 18 significant digits), computed
 * exactly in 128-bit integers and rounded once, by mode, to unit: 0, or -1
 * when rate is not such a decimal or the result overflows.
 */
int money_mul(long long fen, const char *rate, int unit, int mode,
    long long *out);
/*
 * The same in two steps, for a rate applied many times: money_rate
 * parses it once (0, or -1 as money_mul), money_mul_rate applies it
 * (0, or -1 when the result overflows), with the same result.
 */
struct money_rate {
	long long mant; /* the rate is mant / 10^exp */
	int exp;
};
int money_rate(const char *rate, struct money_rate *r);
int money_mul_rate(long long fen, const struct money_rate *r, int unit,
    int mode, long long *out);

#endif
