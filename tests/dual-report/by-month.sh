# --by month over the first quarter, --total: a row per unit and month,
# each month's figures as of its last day, its activities, the minimum
# of one month (ceil(2 × 1 / 3) = 1); then a total row per month.
# January (as of 01-31): 区卫健局 has M04 only (M05 is listed 03-01),
# active (01-20); 区教育局 3 members, M01 registered (33.33), M02 and M03
# overdue (deadline 01-31: M02 registered 02-20, M03 never), M01 active
# (01-15; 01-05 early), 2 activities 4.00 h.  February: M02 registered
# (66.67), still overdue (late); M01 active (02-10), M04 not (nothing in
# February: 0.00); 区财政局's 慰问 4.00 h.  March: M05 counts and is
# registered on the last day, active with 03-31 as M04 with 03-10;
# 区教育局's M02 active (03-31), its own 捐书: 2 activities 4.50 h, 6
# solved.  Totals: January 4 members, 2 registered 50.00, 2 active of 2;
# February 3 registered 75.00, 1 active 33.33; March 5, 4, 3 active 75.00.
dual-report --by month --total --quarter 2025-Q1 data/members.csv data/units.csv data/acts.tsv 2>/dev/null
# Communities by month: 区卫健局 registered 04-01 counts in April only;
# 西地社区's units (区教育局 01-02, 区财政局 01-15) in every month.
dual-report --report communities --by month --from 2025-03-01 --to 2025-04-30 data/members.csv data/units.csv data/acts.tsv
