/*
 * t.h: the unit-test harness.  Each check prints nothing when it passes and
 * "FAIL file:line: ..." when it fails; t_done() prints "N passed, N failed"
 * and returns the exit status for main.
 */
#ifndef T_H
#define T_H

#include <stdio.h>
#include <string.h>

static int t_pass, t_fail;

#define T_OK(cond)                                                          \
	do {                                                                \
		if (cond)                                                   \
			t_pass++;                                           \
		else {                                                      \
			t_fail++;                                           \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__,      \
			    #cond);                                         \
		}                                                           \
	} while (0)

#define T_INT(got, want)                                                    \
	do {                                                                \
		long long t_g = (long long)(got), t_w = (long long)(want);  \
		if (t_g == t_w)                                             \
			t_pass++;                                           \
		else {                                                      \
			t_fail++;                                           \
			printf("FAIL %s:%d: %s == %lld, want %lld\n",       \
			    __FILE__, __LINE__, #got, t_g, t_w);            \
		}                                                           \
	} while (0)

#define T_DBL(got, want, eps)                                               \
	do {                                                                \
		double t_g = (got), t_w = (want);                           \
		if (t_g - t_w <= (eps) && t_w - t_g <= (eps))               \
			t_pass++;                                           \
		else {                                                      \
			t_fail++;                                           \
			printf("FAIL %s:%d: %s == %.10g, want %.10g\n",     \
			    __FILE__, __LINE__, #got, t_g, t_w);            \
		}                                                           \
	} while (0)

/* Byte strings: got (pointer, length) against a C string. */
#define T_MEM(gp, gn, want)                                                 \
	do {                                                                \
		const char *t_gp = (gp), *t_w = (want);                     \
		size_t t_gn = (gn);                                         \
		if (t_gn == strlen(t_w) && memcmp(t_gp, t_w, t_gn) == 0)    \
			t_pass++;                                           \
		else {                                                      \
			t_fail++;                                           \
			printf("FAIL %s:%d: %s == \"%.*s\", want \"%.*s\"\n", \
			    __FILE__, __LINE__, #gp,                        \
			    (int)(t_gn < 400 ? t_gn : 400), t_gp,           \
			    (int)(strlen(t_w) < 400 ? strlen(t_w) : 400), t_w); \
		}                                                           \
	} while (0)

#define T_STR(got, want)                                                    \
	do {                                                                \
		const char *t_g2 = (got);                                   \
		if (t_g2 == NULL) {                                         \
			t_fail++;                                           \
			printf("FAIL %s:%d: %s is NULL, want \"%s\"\n",     \
			    __FILE__, __LINE__, #got, (want));              \
		} else                                                      \
			T_MEM(t_g2, strlen(t_g2), (want));                  \
	} while (0)

static inline int
t_done(void)
{
	printf("%d passed, %d failed\n", t_pass, t_fail);
	return t_fail != 0;
}

#endif
