/*
 * cal: the working-day calendar (DESIGN.md section 3): weekends and the
 * State Council's holidays are rest days, the adjusted weekend working days
 * (调休) are working days.  Read from the configuration's calendar: section
 * (per year: holidays: and workdays:); office hours from office-hours:.
 *
 * A year the calendar does not cover (not a key of calendar:) counts only
 * weekends as rest days; the first time a function looks at such a year it
 * says so on stderr, once per year (one line for a run of years).
 *
 * Days are days since 1970-01-01, times seconds since 1970-01-01 00:00:00
 * (date.h).  Counting and adding are O(1) and O(log) per call whatever the
 * span: fit for every record of a large export.
 */
#ifndef CAL_H
#define CAL_H

#include "cfg.h"

struct cal;

/*
 * Build from the configuration (cfg_root() when c is NULL):
 *	calendar:
 *	  2025:
 *	    holidays: [2025-01-28, ...]   rest days
 *	    workdays: [2025-01-26, ...]   adjusted weekend working days
 *	office-hours: {start: "09:00", end: "17:00",
 *	    lunch-start: "12:00", lunch-end: "13:30"}
 * Office hours default to 09:00-17:00 with no lunch break (both lunch keys
 * or neither).  A date may lie outside its key's year (a notice can move a
 * working day into the year before); it counts, but only keys are covered
 * years.  Errors (a bad date, a day both holiday and workday, bad hours)
 * are configuration errors: exit 2 naming file:line:col.
 */
struct cal *cal_new(const struct cfg *c);
void cal_free(struct cal *k);

/*
 * The same without a configuration (for tests and programs that build
 * their own): no year covered, office hours 09:00-17:00.
 * cal_cover_year makes y a covered year (weekends rest days until
 * cal_set_day says otherwise; no warning for it); cal_set_day makes day a
 * working day (1) or a rest day (0), and does not cover its year.
 * cal_set_hours: office hours as seconds after midnight, start < end,
 * the lunch break start <= lunch_start <= lunch_end <= end (both -1: no
 * break): 0, or -1 (unchanged) when they are not so.
 */
struct cal *cal_new_empty(void);
void cal_cover_year(struct cal *k, int y);
void cal_set_day(struct cal *k, long day, int workday);
int cal_set_hours(struct cal *k, int start, int end, int lunch_start,
    int lunch_end);

/*
 * For a thread working for another (case-stats -j), before it reads k
 * (k's tables are made now, so that k is only read): a year not covered,
 * met first in this thread, is neither warned of nor noted, but *missed
 * is set, so that the other thread does that work again.  NULL: warned.
 */
void cal_defer(struct cal *k, int *missed);

/* 1 working day, 0 rest day.  O(1). */
int cal_workday(struct cal *k, long day);
/*
 * The date moved to the n-th working day after the day of t, the time of
 * day kept.  As the law counts periods (the day an event happens is not
 * counted), a case reported on day X with a time limit of N working days
 * is on time when closed by the end of the day of cal_add_workdays(X, N):
 * from Friday, 1 working day is Monday, and from Saturday too.
 *	n > 0: the n-th working day d with d > day(t);
 *	n = 0: day(t) when it is a working day, else the next working day;
 *	n < 0: the |n|-th working day d with d < day(t).
 * For n >= 1, cal_workdays_between(t, result) == n.
 */
long long cal_add_workdays(struct cal *k, long long t, int n);
/*
 * The number of working days d with day(t1) < d <= day(t2): a case
 * reported on day X and closed the next working day took 1 working day,
 * closed the same day 0.  When day(t2) < day(t1), minus the number the
 * other way round.
 */
long cal_workdays_between(struct cal *k, long long t1, long long t2);
/*
 * Seconds of office hours on working days between t1 and t2 (t1 < t2;
 * negative the other way round).  Office hours are [start, lunch_start)
 * and [lunch_end, end) of each working day.
 */
long long cal_work_seconds(struct cal *k, long long t1, long long t2);
/*
 * The time at which secs of office hours after t have passed: for secs > 0
 * the earliest such time (17:00 rather than 09:00 the next working day,
 * the lunch start rather than its end), for secs < 0 the latest time secs
 * of office hours before t, for 0 t itself.  So that
 * cal_work_seconds(t, cal_add_work_seconds(t, s)) == s.
 */
long long cal_add_work_seconds(struct cal *k, long long t, long long secs);

#endif
