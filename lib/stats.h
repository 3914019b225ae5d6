/*
 * stats: mean, median and percentiles by linear interpolation between
 * closest ranks (Excel PERCENTILE.INC, R type 7), and a mergeable histogram
 * of durations whose percentiles are within 1% relative error.
 */
#ifndef STATS_H
#define STATS_H

#include <stddef.h>
#include <stdint.h>

#include "zl.h"

/*
 * No values (n == 0) give NAN (written as an empty field by the tools);
 * v holds no NaN.  p outside [0, 1] is taken as 0 or 1, a NaN p gives NAN.
 * Percentiles: h = (n - 1)p, k = floor(h), result v[k] + (h - k)(v[k+1] -
 * v[k]) (just v[n-1] when k = n - 1).
 */
double stats_mean(const double *v, size_t n);
/* v sorted ascending; p in [0, 1]. */
double stats_percentile_sorted(const double *v, size_t n, double p);
/* Sorts v in place. */
double stats_percentile(double *v, size_t n, double p);
double stats_median(double *v, size_t n);

/*
 * A histogram of non-negative values (durations) in log-spaced buckets:
 * memory grows with the range of values, a few thousand buckets at most
 * for durations in seconds up to many years.  See stats.c for the proof of
 * the error bound.
 */
/* Sort ascending: radix sorts, for the millions of values the programs
 * keep (durations, hashes). */
void sort_u32(uint32_t *v, size_t n);
void sort_u64(uint64_t *v, size_t n);
/*
 * Sort v and keep, once each, the values that come more than times times
 * in it (at its start): how many there are.  For hashes: which come twice.
 */
size_t u64_repeated(uint64_t *v, size_t n, size_t times);
/* 1 when x is in v (sorted, n values). */
int u64_in(const uint64_t *v, size_t n, uint64_t x);

struct hist;
struct hist *hist_new(void);
void hist_free(struct hist *h);
/* x >= 0 and finite; a negative, NaN or infinite x is not counted. */
void hist_add(struct hist *h, double x);
/* Add from's counts to into: the same as adding from's values to into. */
void hist_merge(struct hist *into, const struct hist *from);
unsigned long long hist_count(const struct hist *h);
/*
 * Within 1% relative error of the exact PERCENTILE.INC value of the values
 * added (p as for stats_percentile; NAN when empty), for values of at
 * least 2^-1022 (2.2e-308: smaller doubles have too few bits).
 */
double hist_percentile(const struct hist *h, double p);
/*
 * A one-line text form for --partial (no TAB, no newline), appended to b:
 * "z=ZEROS" then ";INDEX:COUNT" for each non-empty bucket, indices
 * increasing, e.g. "z=3;812:5;813:2"; the empty histogram is "z=0".
 * hist_read replaces h's contents with the histogram s (n bytes) names:
 * 0, or -1 (h then empty) when s is not of the form.
 */
void hist_write(struct buf *b, const struct hist *h);
int hist_read(struct hist *h, const char *s, size_t n);

#endif
