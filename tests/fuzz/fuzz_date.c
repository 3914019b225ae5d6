/*
 * fuzz_date: a libFuzzer target for the value parsers of lib/: date_parse,
 * date_period, money_parse, money_mul and hist_read.  Whatever they accept
 * must write out and read back to the same value; a broken invariant
 * aborts.  Built with clang -fsanitize=fuzzer,address with the lib/ sources.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/money.h"
#include "lib/stats.h"
#include "tests/fuzz/fuzz.h"

/* dddd-dd-dd dd:dd:dd */
static int
shaped(const char *s)
{
	static const char shape[] = "dddd-dd-dd dd:dd:dd";
	int i;

	for (i = 0; i < 19; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' :
				      s[i] != shape[i])
			return 0;
	return 1;
}

static void
fuzz_date(const char *s, size_t n)
{
	char buf[20], buf2[20];
	long long t, t2;
	int timed, timed2;
	size_t len;

	/* the fast path (YYYY-MM-DD HH:MM:SS, any digits) and the general
	 * one (the same with a T) agree */
	if (n == 19 && shaped(s)) {
		char tee[19];
		int a, b;

		memcpy(tee, s, 19);
		tee[10] = 'T';
		a = date_parse(s, n, &t, &timed);
		b = date_parse(tee, 19, &t2, &timed2);
		fuzz_check(a == b && (a != 0 || (t == t2 && timed == timed2)));
	}
	if (date_parse(s, n, &t, &timed) < 0)
		return;
	/* years 0001..9999: the formatted text is ISO and reads back */
	fuzz_check(t >= -62135596800LL && t <= 253402300799LL);
	len = date_format(t, timed, buf);
	fuzz_check(len == (timed ? 19u : 10u) && strlen(buf) == len);
	fuzz_check(date_parse(buf, len, &t2, &timed2) == 0);
	fuzz_check(t2 == t && timed2 == timed);
	if (!timed)
		fuzz_check(t % DAY_SECS == 0);
	/* the date alone is the start of the day */
	len = date_format(t, 0, buf2);
	fuzz_check(date_parse(buf2, len, &t2, NULL) == 0);
	fuzz_check(t2 <= t && t - t2 < DAY_SECS);
}

static void
fuzz_period(const char *z)
{
	struct period p;
	int kind;

	for (kind = PER_FROM; kind <= PER_YEAR; kind++) {
		period_all(&p);
		if (date_period(&p, kind, z) < 0) {
			fuzz_check(p.from == LLONG_MIN && p.until == LLONG_MAX);
			continue;
		}
		fuzz_check(p.from < p.until);
		if (kind != PER_FROM)
			fuzz_check(p.until != LLONG_MAX);
		if (kind != PER_TO)
			fuzz_check(
			    p.from != LLONG_MIN && period_has(&p, p.from));
	}
}

static void
fuzz_money(const char *s, size_t n, const char *z)
{
	char buf[32];
	long long v, v2, down, half, up;
	size_t len;

	if (money_parse(s, n, &v) == 0) {
		len = money_format(v, buf);
		fuzz_check(strlen(buf) == len);
		fuzz_check(money_parse(buf, len, &v2) == 0 && v2 == v);
		fuzz_check(money_round(v, UNIT_YUAN, ROUND_DOWN) % 100 == 0);
	}
	/* the whole input as a rate, on a fixed amount */
	if (money_mul(123456789, z, UNIT_FEN, ROUND_DOWN, &down) == 0) {
		fuzz_check(money_mul(123456789, z, UNIT_FEN, ROUND_HALF_AWAY,
			       &half) == 0);
		fuzz_check(
		    money_mul(123456789, z, UNIT_FEN, ROUND_UP, &up) == 0);
		/* |down| <= |half| <= |up| <= |down| + 1, never of
		 * opposite signs */
		fuzz_check(llabs(down) <= llabs(half) &&
		    llabs(half) <= llabs(up) && llabs(up) - llabs(down) <= 1);
		fuzz_check(!(down > 0 && up < 0) && !(down < 0 && up > 0));
	}
}

static void
fuzz_hist(const char *s, size_t n)
{
	struct hist *h = hist_new(), *h2 = hist_new();
	struct buf b = { 0 }, b2 = { 0 };

	if (hist_read(h, s, n) == 0) {
		hist_write(&b, h);
		fuzz_check(memchr(b.p, '\t', b.n) == NULL &&
		    memchr(b.p, '\n', b.n) == NULL);
		fuzz_check(hist_read(h2, b.p, b.n) == 0);
		fuzz_check(hist_count(h2) == hist_count(h));
		hist_write(&b2, h2);
		fuzz_check(b.n == b2.n && memcmp(b.p, b2.p, b.n) == 0);
		if (hist_count(h) > 0)
			fuzz_check(hist_percentile(h, 0.5) >= 0);
	} else
		fuzz_check(hist_count(h) == 0);
	buf_free(&b);
	buf_free(&b2);
	hist_free(h);
	hist_free(h2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char *z;

	fuzz_date(s, size);
	fuzz_hist(s, size);
	/* the functions taking C strings get a NUL-terminated copy */
	if ((z = malloc(size + 1)) == NULL)
		return 0;
	memcpy(z, data, size);
	z[size] = '\0';
	fuzz_money(s, size, z);
	if (strlen(z) == size)
		fuzz_period(z);
	free(z);
	return 0;
}
