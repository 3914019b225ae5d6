/*
 * stats: mean, median and percentiles (PERCENTILE.INC), and a mergeable
 * log-bucket histogram of durations with percentiles within 1% relative
 * error.
 */
#include <limits.h>
#include <math.h> /* NAN and isnan() only: no libm */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/stats.h"
#include "lib/zl.h"

static double
dabs(double x)
{
	return x < 0 ? -x : x;
}

double
stats_mean(const double *v, size_t n)
{
	double sum = 0, comp = 0, t;
	size_t i;

	if (n == 0)
		return NAN;
	/* Neumaier's compensated sum: the rounding lost at each step */
	for (i = 0; i < n; i++) {
		t = sum + v[i];
		if (dabs(sum) >= dabs(v[i]))
			comp += (sum - t) + v[i];
		else
			comp += (v[i] - t) + sum;
		sum = t;
	}
	return (sum + comp) / (double)n;
}

/*
 * PERCENTILE.INC (R type 7): h = (n - 1)p, the value at rank floor(h)
 * (0-based) plus the fraction h - floor(h) of the step to the next rank.
 * rank() gives, for n > 0 values, that rank in *k and the fraction in *f
 * (*k is n - 1 and *f 0 at the top), or -1 for a NaN p.
 */
static int
rank(unsigned long long n, double p, unsigned long long *k, double *f)
{
	double h;

	if (isnan(p))
		return -1;
	if (p < 0)
		p = 0;
	if (p > 1)
		p = 1;
	*k = n - 1;
	*f = 0;
	if (p == 1)
		return 0;
	/* 0 <= h < n - 1: the conversion truncates, which is floor here */
	h = (double)(n - 1) * p;
	if ((unsigned long long)h >= n - 1)
		return 0;
	*k = (unsigned long long)h;
	*f = h - (double)*k;
	return 0;
}

double
stats_percentile_sorted(const double *v, size_t n, double p)
{
	unsigned long long k;
	double f;

	if (n == 0 || rank(n, p, &k, &f) < 0)
		return NAN;
	if (k == n - 1)
		return v[n - 1];
	return v[k] + f * (v[k + 1] - v[k]);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double
stats_percentile(double *v, size_t n, double p)
{
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_double);
	return stats_percentile_sorted(v, n, p);
}

double
stats_median(double *v, size_t n)
{
	return stats_percentile(v, n, 0.5);
}

/*
 * The histogram.  Bucket i (any integer) holds the values x with
 * gamma^(i-1) < x <= gamma^i; zero has a bucket of its own.  A bucket
 * reports its values as r_i = 2 gamma^i / (gamma + 1), and for every x in
 * the bucket
 *	|r_i - x| / x <= (gamma - 1) / (gamma + 1) = ALPHA
 * (the worst cases are the two ends: x = gamma^(i-1) gives
 * r/x - 1 = 2 gamma / (gamma + 1) - 1 = ALPHA, x = gamma^i gives
 * 1 - r/x = 1 - 2 / (gamma + 1) = ALPHA).  gamma is 2^(1/36), so that a
 * bucket is found from the binary exponent of x and its mantissa among 36
 * fixed boundaries, without logarithms: ALPHA = 0.9627%.  The boundaries
 * and r_i are rounded to doubles (relative error about 1e-16; at worst a
 * value on a boundary lands in the neighbouring bucket, where the error is
 * again ALPHA at that boundary), which keeps the error well below 1%.
 *
 * Percentiles.  Let x_0 <= ... <= x_{n-1} be the values added and
 * h = (n - 1)p, k = floor(h), f = h - k.  The exact PERCENTILE.INC value
 * is E = (1 - f) x_k + f x_{k+1}.  Buckets are ordered like their values,
 * so walking the buckets in order, the bucket holding rank k holds x_k:
 * the histogram reports R = (1 - f) r(x_k) + f r(x_{k+1}) with
 * |r(x) - x| <= ALPHA x for each x (and r(0) = 0).  Then, as the weights
 * 1 - f and f are non-negative and the values are too,
 *	|R - E| <= (1 - f) |r(x_k) - x_k| + f |r(x_{k+1}) - x_{k+1}|
 *		<= ALPHA ((1 - f) x_k + f x_{k+1}) = ALPHA E,
 * so R is within 1% of E.  Merging adds counts bucket by bucket, and the
 * merged histogram is the one of all the values together: the bound holds
 * for merged partial results too.
 *
 * Buckets are kept in a dense array over the range of indices in use: 36
 * an octave, so durations from one second to ten years take about 1000;
 * the whole range of doubles 75529, from HIST_IMIN (2^-1074, the least
 * double) to HIST_IMAX (2^1024, above the greatest).
 */
#define OCT	  36 /* buckets an octave: gamma = 2^(1/OCT) */
#define HIST_IMIN (-1074L * OCT)
#define HIST_IMAX (1024L * OCT)

/* 2^(j/36), j = 0..36, the doubles nearest (python3 decimal, 50 digits) */
static const double boundary[OCT + 1] = {
	1.0,
	1.0194406437021448,
	1.0392592260318434,
	1.0594630943592953,
	1.080059738892306,
	1.1010567954531432,
	1.122462048309373,
	1.1442834330597351,
	1.1665290395761165,
	1.189207115002721,
	1.2123260668135445,
	1.2358944659292892,
	1.2599210498948732,
	1.2844147261187115,
	1.3093845751749735,
	1.3348398541700344,
	1.360790000174377,
	1.3872446337212085,
	1.4142135623730951,
	1.4417067843579314,
	1.4697344922755988,
	1.4983070768766815,
	1.5274351309146432,
	1.5571294530728936,
	1.5874010519681996,
	1.618261150231923,
	1.649721188670605,
	1.681792830507429,
	1.7144879657061456,
	1.7478187153790539,
	1.7817974362806785,
	1.8164367253888063,
	1.851749424574581,
	1.887748625363387,
	1.9244476737882903,
	1.96186017533783,
	2.0,
};

struct hist {
	unsigned long long zero;  /* values == 0 */
	unsigned long long total; /* all values */
	long lo;		  /* index of c[0] */
	size_t n;		  /* slots in c */
	unsigned long long *c;
};

/* 2^e as a double, -1022 <= e <= 1023, from its bits. */
static double
pow2(long e)
{
	uint64_t b = (uint64_t)(e + 1023) << 52;
	double v;

	memcpy(&v, &b, sizeof v);
	return v;
}

/* The bucket of a positive finite x. */
static long
bucket_of(double x)
{
	uint64_t b;
	double m;
	int e, lo = 0, hi = OCT, mid;

	memcpy(&b, &x, sizeof b);
	e = (int)(b >> 52 & 0x7FF);
	if (e == 0) { /* subnormal: scale by 2^64 (exact) */
		x *= 18446744073709551616.0;
		memcpy(&b, &x, sizeof b);
		e = (int)(b >> 52 & 0x7FF) - 64;
	}
	e -= 1023;
	/* x = 2^e m, 1 <= m < 2 */
	b = (b & (((uint64_t)1 << 52) - 1)) | (uint64_t)1023 << 52;
	memcpy(&m, &b, sizeof m);
	/* the least j with m <= 2^(j/36): then gamma^(36e + j) bounds x */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (m <= boundary[mid])
			hi = mid;
		else
			lo = mid + 1;
	}
	return (long)e * OCT + lo;
}

/*
 * r_i = 2 gamma^i / (gamma + 1), gamma^i = 2^e 2^(j/36) with j in 1..36.
 * Below 2^-1022 doubles are subnormal, with fewer bits than the 1% bound
 * needs: there r_i is only the nearest subnormal.
 */
static double
bucket_value(long i)
{
	long e = (i - 1 >= 0 ? (i - 1) / OCT : -((OCT - i) / OCT));
	long j = i - e * OCT;
	double m = boundary[j] * 2 / (boundary[1] + 1);

	if (e < -1022)
		return pow2(e + 64) * m / 18446744073709551616.0;
	return pow2(e) * m;
}

struct hist *
hist_new(void)
{
	return xcalloc(1, sizeof(struct hist));
}

void
hist_free(struct hist *h)
{
	if (h == NULL)
		return;
	free(h->c);
	free(h);
}

static void
hist_reset(struct hist *h)
{
	free(h->c);
	memset(h, 0, sizeof *h);
}

/* Make the array cover indices ilo..ihi, with room to grow. */
static void
cover(struct hist *h, long ilo, long ihi)
{
	long lo, hi, slack;
	unsigned long long *c;

	if (h->n > 0 && ilo >= h->lo && ihi < h->lo + (long)h->n)
		return;
	if (h->n > 0) {
		lo = ilo < h->lo ? ilo : h->lo;
		hi = h->lo + (long)h->n - 1;
		if (ihi > hi)
			hi = ihi;
		slack = (hi - lo + 1) / 2;
		if (ilo < h->lo)
			lo -= slack;
		else
			hi += slack;
	} else {
		lo = ilo - 16;
		hi = ihi + 16;
	}
	if (lo < HIST_IMIN)
		lo = HIST_IMIN;
	if (hi > HIST_IMAX)
		hi = HIST_IMAX;
	c = xcalloc((size_t)(hi - lo + 1), sizeof *c);
	if (h->n > 0)
		memcpy(c + (h->lo - lo), h->c, h->n * sizeof *c);
	free(h->c);
	h->c = c;
	h->lo = lo;
	h->n = (size_t)(hi - lo + 1);
}

void
hist_add(struct hist *h, double x)
{
	long i;

	if (!(x >= 0) || isinf(x))
		return;
	h->total++;
	if (x == 0) {
		h->zero++;
		return;
	}
	i = bucket_of(x);
	cover(h, i, i);
	h->c[i - h->lo]++;
}

void
hist_merge(struct hist *into, const struct hist *from)
{
	size_t j, first, last;

	into->zero += from->zero;
	into->total += from->total;
	for (first = 0; first < from->n && from->c[first] == 0; first++)
		;
	if (first == from->n)
		return;
	for (last = from->n - 1; from->c[last] == 0; last--)
		;
	cover(into, from->lo + (long)first, from->lo + (long)last);
	for (j = first; j <= last; j++)
		into->c[from->lo + (long)j - into->lo] += from->c[j];
}

unsigned long long
hist_count(const struct hist *h)
{
	return h->total;
}

/* The representative value of rank k (0-based, k < total). */
static double
rank_value(const struct hist *h, unsigned long long k)
{
	size_t j;

	if (k < h->zero)
		return 0;
	k -= h->zero;
	for (j = 0; j < h->n; j++) {
		if (k < h->c[j])
			return bucket_value(h->lo + (long)j);
		k -= h->c[j];
	}
	return NAN; /* not reached when k < total */
}

double
hist_percentile(const struct hist *h, double p)
{
	unsigned long long k;
	double f, a, b;

	if (h->total == 0 || rank(h->total, p, &k, &f) < 0)
		return NAN;
	a = rank_value(h, k);
	if (k == h->total - 1 || f == 0)
		return a;
	b = rank_value(h, k + 1);
	return a + f * (b - a);
}

void
hist_write(struct buf *b, const struct hist *h)
{
	size_t j;

	buf_printf(b, "z=%llu", h->zero);
	for (j = 0; j < h->n; j++)
		if (h->c[j] > 0)
			buf_printf(b, ";%ld:%llu", h->lo + (long)j, h->c[j]);
}

/* An unsigned decimal at *p, at most max: 0, or -1. */
static int
read_ull(const char **p, const char *end, unsigned long long max,
    unsigned long long *v)
{
	const char *s = *p;

	*v = 0;
	if (s == end || *s < '0' || *s > '9')
		return -1;
	for (; s < end && *s >= '0' && *s <= '9'; s++) {
		unsigned d = (unsigned)(*s - '0');

		if (d > max || *v > (max - d) / 10)
			return -1;
		*v = *v * 10 + d;
	}
	*p = s;
	return 0;
}

/*
 * The form hist_write writes: "z=N" then ";INDEX:COUNT" for each non-empty
 * bucket, indices increasing, counts positive.  "z=N" may be left out; the
 * empty string is the empty histogram.
 */
static int
parse_hist(struct hist *h, const char *s, const char *end)
{
	unsigned long long v, cnt;
	long i, prev = LONG_MIN;
	int neg, first = 1;

	if (end - s >= 2 && s[0] == 'z' && s[1] == '=') {
		s += 2;
		if (read_ull(&s, end, ULLONG_MAX, &h->zero) < 0)
			return -1;
		h->total = h->zero;
		first = 0;
	}
	while (s < end) {
		if (!first && *s++ != ';')
			return -1;
		first = 0;
		neg = s < end && *s == '-';
		s += neg;
		if (read_ull(&s, end, neg ? -HIST_IMIN : HIST_IMAX, &v) < 0)
			return -1;
		i = neg ? -(long)v : (long)v;
		if (i <= prev || s == end || *s++ != ':')
			return -1;
		if (read_ull(&s, end, ULLONG_MAX - h->total, &cnt) < 0 ||
		    cnt == 0)
			return -1;
		prev = i;
		cover(h, i, i);
		h->c[i - h->lo] += cnt;
		h->total += cnt;
	}
	return 0;
}

int
hist_read(struct hist *h, const char *s, size_t n)
{
	hist_reset(h);
	if (parse_hist(h, s, s + n) < 0) {
		hist_reset(h);
		return -1;
	}
	return 0;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * LSD radix sort by 16-bit digits, the same body for both widths: an even
 * number of passes, so the result lands back in v; the counts each
 * thread's own (case-stats -j sorts in its threads).
 */
#define RADIX_SORT(T, v, n, passes)                                            \
	do {                                                                   \
		static _Thread_local size_t count_[65536];                     \
		T *tmp_ = xreallocarray(NULL, (n), sizeof *tmp_);              \
		T *from_ = (v), *to_ = tmp_, *t_;                              \
		size_t pass_, i_;                                              \
                                                                               \
		for (pass_ = 0; pass_ < (passes); pass_++) {                   \
			unsigned shift_ = (unsigned)pass_ * 16;                \
			size_t sum_ = 0;                                       \
                                                                               \
			memset(count_, 0, sizeof count_);                      \
			for (i_ = 0; i_ < (n); i_++)                           \
				count_[(from_[i_] >> shift_) & 65535]++;       \
			for (i_ = 0; i_ < 65536; i_++) {                       \
				size_t c_ = count_[i_];                        \
                                                                               \
				count_[i_] = sum_;                             \
				sum_ += c_;                                    \
			}                                                      \
			for (i_ = 0; i_ < (n); i_++)                           \
				to_[count_[(from_[i_] >> shift_) & 65535]++] = \
				    from_[i_];                                 \
			t_ = from_;                                            \
			from_ = to_;                                           \
			to_ = t_;                                              \
		}                                                              \
		free(tmp_);                                                    \
	} while (0)

void
sort_u32(uint32_t *v, size_t n)
{
	if (n < 4096) {
		if (n > 1)
			qsort(v, n, sizeof *v, cmp_u32);
		return;
	}
	RADIX_SORT(uint32_t, v, n, 2);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

void
sort_u64(uint64_t *v, size_t n)
{
	/* four passes over 65536 counts: for a few, qsort is quicker */
	if (n < 4096) {
		if (n > 1)
			qsort(v, n, sizeof *v, cmp_u64);
		return;
	}
	RADIX_SORT(uint64_t, v, n, 4);
}

size_t
u64_repeated(uint64_t *v, size_t n, size_t times)
{
	size_t i, j, k = 0;

	sort_u64(v, n);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && v[j] == v[i]; j++)
			;
		if (j - i > times)
			v[k++] = v[i];
	}
	return k;
}

int
u64_in(const uint64_t *v, size_t n, uint64_t x)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == x;
}
