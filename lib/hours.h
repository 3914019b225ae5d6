/*
 * hours: hours of service as records write them ("2", "1.5", "2.25小时",
 * "3h", full-width digits), in integer hundredths of an hour: what
 * volunteer-points and dual-report read.
 */
#ifndef HOURS_H
#define HOURS_H

#include "zl.h"

#define HOURS_MAX 2400 /* hundredths: 24 h, the most in one record */

/*
 * Hours as written, in hundredths into *h: a decimal (surrounding spaces
 * ignored, full-width folded), a sign allowed, optionally followed by
 * 小时, h or H; decimals past two are dropped (floor).  0; -1 not a
 * number; -2 not more than 0 or more than 24 (a value above 0 that drops
 * to 0, "0.001", is 0 hours).
 */
int hours_parse(struct str s, long long *h);

#endif
