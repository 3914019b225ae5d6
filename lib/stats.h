/*
 * stats: mean, median and percentiles by linear interpolation between
 * closest ranks (Excel PERCENTILE.INC, R type 7), and a mergeable histogram
 * of durations whose percentiles are within 1% relative error.
 */
#ifndef STATS_H
#define STATS_H

#include <stddef.h>

#include "zl.h"

double stats_mean(const double *v, size_t n);
/* v sorted ascending; p in [0, 1]. */
double stats_percentile_sorted(const double *v, size_t n, double p);
/* Sorts v in place. */
double stats_percentile(double *v, size_t n, double p);
double stats_median(double *v, size_t n);

struct hist;
struct hist *hist_new(void);
void hist_free(struct hist *h);
void hist_add(struct hist *h, double x); /* x >= 0 */
void hist_merge(struct hist *into, const struct hist *from);
unsigned long long hist_count(const struct hist *h);
/* Within 1% relative error of the exact PERCENTILE.INC value. */
double hist_percentile(const struct hist *h, double p);
/* A one-line text form for --partial, and back (0, or -1). */
void hist_write(struct buf *b, const struct hist *h);
int hist_read(struct hist *h, const char *s, size_t n);

#endif
