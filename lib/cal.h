/*
 * cal: the working-day calendar (DESIGN.md section 3): weekends and the
 * State Council's holidays are rest days, the adjusted weekend working days
 * (调休) are working days.  Read from the configuration's calendar: section
 * (per year: holidays: and workdays:); office hours from office-hours:.
 */
#ifndef CAL_H
#define CAL_H

#include "cfg.h"

struct cal;

/* Build from the configuration (cfg_root() when c is NULL). */
struct cal *cal_new(const struct cfg *c);
void cal_free(struct cal *k);
/* 1 working day, 0 rest day (day: days since 1970-01-01).  A year the
 * calendar does not cover: one warning, then weekends only. */
int cal_workday(struct cal *k, long day);
/* The time n working days after t (same time of day, on a working day). */
long long cal_add_workdays(struct cal *k, long long t, int n);
/* Working days after the day of t1 up to and including the day of t2. */
long cal_workdays_between(struct cal *k, long long t1, long long t2);
/* Seconds of office hours on working days between t1 and t2. */
long long cal_work_seconds(struct cal *k, long long t1, long long t2);
/* The time at which secs of office hours after t have passed. */
long long cal_add_work_seconds(struct cal *k, long long t, long long secs);

#endif
