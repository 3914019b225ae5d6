# Every rejection, with --as-of 2025-12-31 and --max-rejected 100% (21 of
# 27 records rejected: above the default, no report would be written).
# Services (data/reject-s.csv): hours 0, -1, 24.01, 25, 24.001 (more than
# 24 by a thousandth), abc and empty; 2025-02-30 not a date; 2026-01-01
# after --as-of; an empty volunteer_id; an empty date.  24 and 24.000
# pass (8 h each, the cap), so does 2025-12-31 23:59 (the as-of day counts
# whole): R1 18.00 h, 180.00 points.
# Redemptions (data/reject-r.csv): 10.125 (three decimals), 0, -5; 200 on
# 09-04, more than the balance 160.00 (the two days of 8 h): rejected
# whole; then 150.5 on 09-05 is taken (balance 9.50, and 29.50 after the
# 2 h of 12-31); R9 has no service record; after --as-of; an empty
# volunteer_id; empty points.
# A file with both hours and points (data/mixed.csv): a row with hours is
# a service (M1 3 h, 30.00), one with points a redemption (10.00); one
# with both, and one with neither, rejected.
# R9, with no service, has no row.
volunteer-points --as-of 2025-12-31 --max-rejected 100% data/reject-s.csv data/reject-r.csv data/mixed.csv
