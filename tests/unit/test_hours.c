/*
 * test_hours: hours of service as records write them, in hundredths:
 * the forms, the decimals dropped past two, the bounds (more than 0, at
 * most 24).
 */
#include <string.h>

#include "lib/hours.h"
#include "t.h"

/* The hundredths of s, or -1 (not a number) or -2 (out of bounds). */
static long long
H(const char *s)
{
	long long h;
	int rc = hours_parse(str_c(s), &h);

	return rc < 0 ? rc : h;
}

int
main(void)
{
	T_INT(H("2"), 200);
	T_INT(H("1.5"), 150);
	T_INT(H(" 2.25 "), 225);
	T_INT(H("2.25小时"), 225);
	T_INT(H("2.25 小时"), 225);
	T_INT(H("3h"), 300);
	T_INT(H("3H"), 300);
	T_INT(H("+3"), 300);
	T_INT(H(".5"), 50);
	T_INT(H("5."), 500);
	T_INT(H("１.５"), 150); /* full-width digits */
	T_INT(H("1.239"), 123); /* past two decimals: dropped */
	T_INT(H("1.230000"), 123);
	T_INT(H("0.001"), 0); /* more than 0: kept, 0 hundredths */
	T_INT(H("24"), 2400);
	T_INT(H("24.00"), 2400);
	T_INT(H("24.001"), -2);
	T_INT(H("24.01"), -2);
	T_INT(H("25"), -2);
	T_INT(H("99999999999"), -2);
	T_INT(H("0"), -2);
	T_INT(H("0.00"), -2);
	T_INT(H("-1"), -2);
	T_INT(H("-0.5"), -2);
	T_INT(H(""), -1);
	T_INT(H("h"), -1);
	T_INT(H("."), -1);
	T_INT(H("1.5.0"), -1);
	T_INT(H("1,5"), -1);
	T_INT(H("two"), -1);
	T_INT(H("1.5 hours"), -1);
	return t_done();
}
