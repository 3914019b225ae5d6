# The period's boundaries: an activity on the last day of a quarter (at
# 23:59: the time is ignored, the day counts) and one on the first day of
# the next.  Q1 holds 03-31 (1.00 h), Q2 04-01 and 06-30 (2, 3: 5.00 h,
# two activities: the minimum of a quarter, met), Q3 07-01.  Columns:
# member_id, activities, hours, meets_minimum.
for q in 2025-Q1 2025-Q2 2025-Q3; do
	dual-report --report members --quarter $q data/bound-m.csv data/bound-a.csv | cut -f 1,7,9,11
done
# 03-31 to 04-01 touches two months: the minimum is ceil(2 × 2 / 3) = 2,
# met by the two days.
dual-report --report members --from 2025-03-31 --to 2025-04-01 data/bound-m.csv data/bound-a.csv | cut -f 1,7,9,11
# No date option: the whole input, 03-31 to 07-01 (five months touched,
# minimum ceil(10 / 3) = 4): four activities, met.  --from alone ends on
# the last activity's day (07-01): 06-30 and 07-01, two months, minimum
# 2, met; --to alone begins on the first activity's day.
dual-report --report members data/bound-m.csv data/bound-a.csv | cut -f 1,7,9,11
dual-report --report members --from 2025-06-01 data/bound-m.csv data/bound-a.csv | cut -f 1,7,9,11
dual-report --report members --to 2025-04-01 data/bound-m.csv data/bound-a.csv | cut -f 1,7,9,11
# A period without any of the activities: figures 0, and stderr says
# where they were.
dual-report --report members --year 2024 data/bound-m.csv data/bound-a.csv | cut -f 1,7,9,11
