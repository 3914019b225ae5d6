/*
 * hours: hours of service in hundredths, parsed as written.
 */
#include <string.h>

#include "lib/hours.h"

/* hours_parse's, of s folded. */
static int
parse(struct str s, long long *h)
{
	long long ip = 0;
	size_t i = 0, nd = 0;
	int neg = 0, rest = 0;
	long long fr = 0;

	if (s.n >= 6 && memcmp(s.p + s.n - 6, "小时", 6) == 0)
		s.n -= 6;
	else if (s.n >= 1 && (s.p[s.n - 1] == 'h' || s.p[s.n - 1] == 'H'))
		s.n -= 1;
	s = str_trim(s);
	if (i < s.n && (s.p[i] == '-' || s.p[i] == '+'))
		neg = s.p[i++] == '-';
	for (; i < s.n && s.p[i] >= '0' && s.p[i] <= '9'; i++, nd++)
		if (ip < 1000)
			ip = ip * 10 + (s.p[i] - '0');
	if (i < s.n && s.p[i] == '.') {
		size_t k;

		for (k = 0, i++; i < s.n && s.p[i] >= '0' && s.p[i] <= '9';
		     i++, k++, nd++) {
			if (k < 2)
				fr += (s.p[i] - '0') * (k == 0 ? 10 : 1);
			else if (s.p[i] != '0')
				rest = 1;
		}
	}
	if (nd == 0 || i != s.n)
		return -1;
	*h = ip * 100 + fr;
	if (neg || (*h == 0 && !rest) || *h > HOURS_MAX ||
	    (*h == HOURS_MAX && rest))
		return -2;
	return 0;
}

int
hours_parse(struct str s, long long *h)
{
	struct buf tmp = { 0 }; /* the folded value (a thread's own) */
	int r = parse(str_trim(str_fold(s, &tmp, NULL)), h);

	buf_free(&tmp);
	return r;
}
