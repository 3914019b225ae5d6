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

/* "1234.5", "1,234.50", "¥1234.50", "1234.50元", "-12.3": 0, or -1. */
int money_parse(const char *s, size_t n, long long *fen);
/* "1234.50", "-0.05": into buf (at least 32 bytes); returns the length. */
size_t money_format(long long fen, char *buf);
/* Round an amount of fen to unit. */
long long money_round(long long fen, int unit, int mode);
/*
 * fen × rate, the rate a decimal string ("0.08", "12.5%"), computed exactly
 * and rounded to unit: 0, or -1 when rate is not a decimal or the result
 * overflows.
 */
int money_mul(long long fen, const char *rate, int unit, int mode,
    long long *out);

#endif
