/*
 * test_stats: mean and PERCENTILE.INC on small sets worked out by hand
 * (and checked with a ten-line python3 version of R type 7), and the
 * histogram: its 1% bound on random data, its text form, merging.
 * Nothing here needs libm (the build does not link it).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/stats.h"
#include "t.h"

#define EPS 1e-9

static void
test_exact(void)
{
	double one[] = { 7 };
	double two[] = { 20, 10 };
	double three[] = { 4, 1, 2 };
	double ten[] = { 15, 20, 35, 40, 50, 3, 8, 12, 60, 100 };
	double none[1] = { 0 };

	/* n = 0: no value */
	T_OK(isnan(stats_mean(none, 0)));
	T_OK(isnan(stats_percentile(none, 0, 0.5)));
	T_OK(isnan(stats_median(none, 0)));

	/* one value: h = 0 for every p */
	T_DBL(stats_mean(one, 1), 7, EPS);
	T_DBL(stats_percentile(one, 1, 0), 7, EPS);
	T_DBL(stats_percentile(one, 1, 0.9), 7, EPS);
	T_DBL(stats_median(one, 1), 7, EPS);

	/*
	 * 10, 20 (given as 20, 10): h = (2 - 1)p = p.
	 * p = 0.5: 10 + 0.5 × 10 = 15;  p = 0.9: 10 + 0.9 × 10 = 19;
	 * p = 0.25: 12.5;  p = 0: 10;  p = 1: h = 1 is the last rank, 20.
	 */
	T_DBL(stats_mean(two, 2), 15, EPS);
	T_DBL(stats_percentile(two, 2, 0.5), 15, EPS);
	T_DBL(two[0], 10, 0); /* sorted in place */
	T_DBL(stats_percentile_sorted(two, 2, 0.9), 19, EPS);
	T_DBL(stats_percentile_sorted(two, 2, 0.25), 12.5, EPS);
	T_DBL(stats_percentile_sorted(two, 2, 0), 10, EPS);
	T_DBL(stats_percentile_sorted(two, 2, 1), 20, EPS);

	/*
	 * 1, 2, 4: h = 2p.  median h = 1: 2;  p = 0.9: h = 1.8,
	 * 2 + 0.8 × (4 - 2) = 3.6;  p = 0.25: h = 0.5, 1 + 0.5 × 1 = 1.5;
	 * p = 0.75: h = 1.5, 2 + 0.5 × 2 = 3.  Mean 7 / 3.
	 */
	T_DBL(stats_mean(three, 3), 7.0 / 3, EPS);
	T_DBL(stats_median(three, 3), 2, EPS);
	T_DBL(stats_percentile(three, 3, 0.9), 3.6, EPS);
	T_DBL(stats_percentile(three, 3, 0.25), 1.5, EPS);
	T_DBL(stats_percentile(three, 3, 0.75), 3, EPS);

	/*
	 * Sorted: 3 8 12 15 20 35 40 50 60 100 (ranks 0..9), h = 9p.
	 * mean 343 / 10 = 34.3
	 * p = 0.5:  h = 4.5,  20 + 0.5 × (35 - 20) = 27.5
	 * p = 0.9:  h = 8.1,  60 + 0.1 × (100 - 60) = 64
	 * p = 0.95: h = 8.55, 60 + 0.55 × 40 = 82
	 * p = 0.25: h = 2.25, 12 + 0.25 × (15 - 12) = 12.75
	 * p = 0.1:  h = 0.9,  3 + 0.9 × (8 - 3) = 7.5
	 * p = 0, 1: 3, 100; p outside [0, 1] is clamped.
	 */
	T_DBL(stats_mean(ten, 10), 34.3, EPS);
	T_DBL(stats_median(ten, 10), 27.5, EPS);
	T_DBL(stats_percentile_sorted(ten, 10, 0.9), 64, EPS);
	T_DBL(stats_percentile_sorted(ten, 10, 0.95), 82, EPS);
	T_DBL(stats_percentile_sorted(ten, 10, 0.25), 12.75, EPS);
	T_DBL(stats_percentile_sorted(ten, 10, 0.1), 7.5, EPS);
	T_DBL(stats_percentile_sorted(ten, 10, 0), 3, EPS);
	T_DBL(stats_percentile_sorted(ten, 10, 1), 100, EPS);
	T_DBL(stats_percentile_sorted(ten, 10, -0.5), 3, EPS);
	T_DBL(stats_percentile_sorted(ten, 10, 1.5), 100, EPS);
	T_OK(isnan(stats_percentile_sorted(ten, 10, NAN)));

	/* the compensated sum: 1e16 + 1 + 1 - 1e16 is 2, not 0 or 4 */
	{
		double v[] = { 1e16, 1, 1, -1e16 };

		T_DBL(stats_mean(v, 4), 0.5, EPS);
	}
}

/* A small deterministic generator (64-bit LCG, Knuth's MMIX constants). */
static unsigned long long rng = 12345;

static double
uniform(void)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)(rng >> 11) / 9007199254740992.0; /* [0, 1) */
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Worst relative error of hist_percentile over many p, against exact. */
static double
worst_error(double *v, size_t n)
{
	struct hist *h = hist_new();
	double worst = 0, e, a, err;
	size_t i;
	int j;

	for (i = 0; i < n; i++)
		hist_add(h, v[i]);
	qsort(v, n, sizeof *v, cmp);
	for (j = 0; j <= 1000; j++) {
		double p = j / 1000.0;

		e = stats_percentile_sorted(v, n, p);
		a = hist_percentile(h, p);
		if (e == 0)
			err = a == 0 ? 0 : 1;
		else
			err = fabs(a - e) / e;
		if (err > worst)
			worst = err;
	}
	hist_free(h);
	return worst;
}

static void
test_hist_error(void)
{
	enum { N = 20000 };
	double *v = malloc(N * sizeof *v);
	size_t i;
	int kind;

	for (kind = 0; kind < 6; kind++) {
		for (i = 0; i < N; i++) {
			double u = uniform();

			switch (kind) {
			case 0: /* about log-uniform, 1 s .. 17 years */
				v[i] = (double)(1UL << (int)(u * 29)) *
				    (1 + uniform());
				break;
			case 1: /* heavy tail, median 2 days, some zeros */
				v[i] = uniform() < 0.05 ? 0 :
							  172800 * u / (1 - u);
				break;
			case 2: /* whole seconds up to a day */
				v[i] = (double)(long)(u * 86400);
				break;
			case 3: /* hours with two decimals */
				v[i] = (double)(long)(u * 50000) / 100;
				break;
			case 4: /* tiny and huge together */
				v[i] = u < 0.5 ? u * 1e-6 : u * 1e12;
				break;
			default: /* few distinct values */
				v[i] = (double)(1 + (int)(u * 5)) * 3600;
				break;
			}
		}
		{
			double w = worst_error(v, kind == 5 ? 7 : N);

			if (w > 0.01)
				printf("kind %d: worst error %g\n", kind, w);
			T_OK(w <= 0.01);
		}
	}
	/* single values over the whole range of doubles */
	{
		static const double x[] = { 4.9406564584124654e-324,
			2.2250738585072014e-308, 1e-300, 1e-9, 0.5, 1, 1.5,
			1.9999999999999998, 2, 3, 86400, 1e15, 1e300,
			1.7976931348623157e308 };
		size_t j;
		int ok = 1;

		for (j = 0; j < sizeof x / sizeof x[0]; j++) {
			struct hist *h = hist_new(), *h2 = hist_new();
			struct buf b = { 0 };
			double r;

			hist_add(h, x[j]);
			r = hist_percentile(h, 0.5);
			if (!(r >= x[j] * 0.99 && r <= x[j] * 1.01)) {
				printf("x %g reported %g\n", x[j], r);
				ok = 0;
			}
			hist_write(&b, h);
			if (hist_read(h2, b.p, b.n) < 0 ||
			    hist_percentile(h2, 0.5) != r)
				ok = 0;
			buf_free(&b);
			hist_free(h);
			hist_free(h2);
		}
		T_OK(ok);
	}
	/* small samples: 1, 2, 3 values */
	for (i = 1; i <= 3; i++) {
		size_t j;

		for (j = 0; j < i; j++)
			v[j] = 1 + uniform() * 1e5;
		T_OK(worst_error(v, i) <= 0.01);
	}
	free(v);
}

static void
test_hist_hand(void)
{
	struct hist *h = hist_new();
	struct buf b = { 0 };

	/* empty */
	T_INT(hist_count(h), 0);
	T_OK(isnan(hist_percentile(h, 0.5)));
	hist_write(&b, h);
	T_STR(b.p, "z=0");

	/*
	 * gamma = 2^(1/36); bucket i holds (gamma^(i-1), gamma^i] and
	 * reports 2 gamma^i / (gamma + 1).  1 = gamma^0 lies in bucket 0,
	 * reported as 2 / (gamma + 1) = 0.99037325322595 (python3); 100 in
	 * bucket ceil(36 log2 100) = ceil(239.18) = 240; 0.5 = gamma^-36 in
	 * bucket -36.
	 */
	hist_add(h, 0);
	hist_add(h, 0);
	hist_add(h, 0);
	hist_add(h, 1);
	hist_add(h, 1);
	hist_add(h, -1);       /* not counted */
	hist_add(h, NAN);      /* not counted */
	hist_add(h, INFINITY); /* not counted */
	T_INT(hist_count(h), 5);
	buf_reset(&b);
	hist_write(&b, h);
	T_STR(b.p, "z=3;0:2");
	/* n = 5, h = 4p: p = 0.5 rank 2 (a zero); p = 0.75 rank 3;
	 * p = 0.625: h = 2.5, 0 + 0.5 × 0.99037325322595 = 0.495186626613 */
	T_DBL(hist_percentile(h, 0.5), 0, EPS);
	T_DBL(hist_percentile(h, 0.75), 0.99037325322595, EPS);
	T_DBL(hist_percentile(h, 0.625), 0.495186626613, EPS);
	T_DBL(hist_percentile(h, 1), 0.99037325322595, EPS);
	hist_add(h, 100);
	hist_add(h, 0.5);
	buf_reset(&b);
	hist_write(&b, h);
	T_STR(b.p, "z=3;-36:1;0:2;240:1");
	hist_free(h);

	h = hist_new();
	T_INT(hist_read(h, "z=3;0:2", 7), 0);
	T_INT(hist_count(h), 5);
	T_DBL(hist_percentile(h, 0.625), 0.495186626613, EPS);
	T_INT(hist_read(h, "", 0), 0);
	T_INT(hist_count(h), 0);
	T_INT(hist_read(h, "-35:1;0:4", 9), 0);
	T_INT(hist_count(h), 5);
	buf_reset(&b);
	hist_write(&b, h);
	T_STR(b.p, "z=0;-35:1;0:4");
	hist_free(h);
	buf_free(&b);
}

static void
test_hist_form(void)
{
	static const char *const bad[] = {
		"z=",
		"z=1;",
		"z=1;;2:1",
		"5",
		"5:",
		":5",
		"5:0",
		"z=x",
		"z=1;3:2;3:1",
		"z=1;3:2;2:1",
		"x=1",
		"z=1;36865:1",
		"z=1;-38665:1",
		"z=1;39265:1",
		"z=1;1:2\t",
		"z=1 ;1:2",
		"z=1;1:2 ",
		"z=1;+1:2",
		"z=1;1:-2",
		"z=18446744073709551616",
		"z=18446744073709551615;1:1",
		"1:18446744073709551615;2:1",
		"z=1;1:1;z=2",
		"z=-1",
		"Z=1",
	};
	struct hist *h = hist_new();
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int r = hist_read(h, bad[i], strlen(bad[i]));

		if (r != -1)
			printf("accepted \"%s\"\n", bad[i]);
		T_INT(r, -1);
		T_INT(hist_count(h), 0);
	}
	/* the ends: 2^-1074 is bucket -38664, 2^1024 bucket 36864 */
	T_INT(hist_read(h, "z=0;-38664:1;36864:1", 20), 0);
	T_DBL(hist_percentile(h, 0), 4.9406564584124654e-324, 0);
	T_OK(hist_percentile(h, 1) > 1.7e308 && !isinf(hist_percentile(h, 1)));
	/* not NUL-terminated: the length counts */
	T_INT(hist_read(h, "z=2;7:1XX", 7), 0);
	T_INT(hist_count(h), 3);
	hist_free(h);
}

static void
test_hist_merge(void)
{
	enum { N = 30000 };
	struct hist *all = hist_new(), *part[3], *merged = hist_new(),
		    *back = hist_new();
	struct buf b1 = { 0 }, b2 = { 0 }, b3 = { 0 };
	size_t i;
	int k;

	for (k = 0; k < 3; k++)
		part[k] = hist_new();
	for (i = 0; i < N; i++) {
		double u = uniform(), x;

		/* zeros, sub-second, seconds to months */
		x = u < 0.03 ?
		    0 :
		    (double)(1UL << (int)(uniform() * 30)) / 64 * (1 + u);
		hist_add(all, x);
		/* parts of different ranges, so merging must widen */
		hist_add(part[x < 1 ? 0 : x < 1e4 ? 1 : 2], x);
	}
	for (k = 0; k < 3; k++) {
		/* each part through its text form, as --partial does */
		buf_reset(&b1);
		hist_write(&b1, part[k]);
		T_OK(strchr(b1.p, '\t') == NULL && strchr(b1.p, '\n') == NULL);
		T_INT(hist_read(back, b1.p, b1.n), 0);
		buf_reset(&b2);
		hist_write(&b2, back);
		T_STR(b2.p, b1.p);
		hist_merge(merged, back);
	}
	T_INT(hist_count(merged), N);
	T_INT(hist_count(all), N);
	buf_reset(&b1);
	hist_write(&b1, all);
	buf_reset(&b2);
	hist_write(&b2, merged);
	T_OK(b1.n > 0 && b1.n == b2.n && memcmp(b1.p, b2.p, b1.n) == 0);
	for (k = 0; k <= 100; k++)
		T_DBL(hist_percentile(merged, k / 100.0),
		    hist_percentile(all, k / 100.0), 0);
	/* merging an empty histogram changes nothing, into empty copies */
	{
		struct hist *e = hist_new(), *c = hist_new();

		hist_merge(merged, e);
		hist_merge(c, all);
		buf_reset(&b3);
		hist_write(&b3, c);
		T_STR(b3.p, b1.p);
		buf_reset(&b3);
		hist_write(&b3, merged);
		T_STR(b3.p, b1.p);
		hist_free(e);
		hist_free(c);
	}
	for (k = 0; k < 3; k++)
		hist_free(part[k]);
	hist_free(all);
	hist_free(merged);
	hist_free(back);
	buf_free(&b1);
	buf_free(&b2);
	buf_free(&b3);
}

static int
cmp64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The radix sorts against qsort, on sizes either side of their cut-offs. */
static void
test_sorts(void)
{
	static const size_t sizes[] = { 0, 1, 2, 4095, 4096, 100000 };
	uint64_t seed = 42;
	size_t k, i;

	for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		size_t n = sizes[k];
		uint32_t *a = malloc((n + 1) * sizeof *a);
		uint64_t *b = malloc((n + 1) * sizeof *b);
		uint64_t *c = malloc((n + 1) * sizeof *c);
		int ok32 = 1, ok64 = 1;

		for (i = 0; i < n; i++) {
			seed = seed * 6364136223846793005ULL +
			    1442695040888963407ULL;
			a[i] = (uint32_t)(seed >> 32) %
			    (k == 5 ? 1000u : 0xFFFFFFFFu);
			b[i] = c[i] = seed ^ (seed >> 17);
		}
		sort_u32(a, n);
		sort_u64(b, n);
		qsort(c, n, sizeof *c, cmp64);
		for (i = 0; i + 1 < n; i++)
			if (a[i] > a[i + 1])
				ok32 = 0;
		for (i = 0; i < n; i++)
			if (b[i] != c[i])
				ok64 = 0;
		T_OK(ok32);
		T_OK(ok64);
		free(a);
		free(b);
		free(c);
	}
}

/* The values that come more than n times, and looking one up. */
static void
test_repeated(void)
{
	uint64_t v[] = { 9, 3, 7, 3, 9, 1, 3, 0xFFFFFFFFFFFFFFFFULL, 9, 7,
		0xFFFFFFFFFFFFFFFFULL };
	uint64_t w[] = { 5 };
	size_t n = sizeof v / sizeof v[0], k;

	k = u64_repeated(v, n, 1);
	T_INT(k, 4);
	T_OK(v[0] == 3 && v[1] == 7 && v[2] == 9 &&
	    v[3] == 0xFFFFFFFFFFFFFFFFULL);
	T_OK(u64_in(v, k, 3) && u64_in(v, k, 9));
	T_OK(u64_in(v, k, 0xFFFFFFFFFFFFFFFFULL));
	T_OK(!u64_in(v, k, 1) && !u64_in(v, k, 0) && !u64_in(v, k, 8));
	T_OK(!u64_in(v, 0, 3));
	{
		uint64_t x[] = { 4, 4, 4, 2, 2, 4 }, y[] = { 4, 4, 4, 2, 2, 4 };

		T_INT(u64_repeated(x, 6, 2), 1);
		T_OK(x[0] == 4);
		T_INT(u64_repeated(y, 6, 4), 0);
	}
	T_INT(u64_repeated(w, 1, 1), 0);
	T_INT(u64_repeated(w, 0, 0), 0);
}

int
main(void)
{
	test_sorts();
	test_repeated();
	test_exact();
	test_hist_hand();
	test_hist_error();
	test_hist_form();
	test_hist_merge();
	return t_done();
}
