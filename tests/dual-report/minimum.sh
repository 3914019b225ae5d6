# The minimum rule: ceil(minimum × months touched / months per), with the
# defaults 2 a quarter.  Members of 丙单位, all registered 2024-01-01 but
# U0; Y8 has 8 activities in 2025 (01-10, 01-20, 02-10, 03-10, 05-10,
# 07-10, 09-10, 11-10), Y7 the same but 11-10, Q2 two in the first
# quarter (01-05, 03-05), Q1 one (02-05), M1 one in January (01-07), M0
# one in February (02-07).  Columns: member_id, activities, meets_minimum.
# A month, minimum 1: M1 exactly (1), M0 one below (0).
dual-report --report members --month 2025-01 data/min-m.csv data/min-a.csv | cut -f 1,7,11
# A quarter, minimum 2: Q2 exactly (2), Q1 one below (1).
dual-report --report members --quarter 2025-Q1 data/min-m.csv data/min-a.csv | cut -f 1,7,11
# A year, minimum 8: Y8 exactly (8), Y7 one below (7).
dual-report --report members --year 2025 data/min-m.csv data/min-a.csv | cut -f 1,7,11
# A half year, minimum 4: Y8 and Y7 have 5 (to 05-10), Q2 2.
dual-report --report members --from 2025-01-01 --to 2025-06-30 data/min-m.csv data/min-a.csv | cut -f 1,7,11
# 01-15 to 02-14 touches two months: minimum ceil(4 / 3) = 2; Y8 and Y7
# have 01-20 and 02-10; Q1 (02-05) and M0 (02-07) one.
dual-report --report members --from 2025-01-15 --to 2025-02-14 data/min-m.csv data/min-a.csv | cut -f 1,7,11
# minimum 0: every registered member is active, with no activity too;
# U0, not registered, is not.
dual-report -c data/min0.yaml --report members --month 2025-01 data/min-m.csv data/min-a.csv | cut -f 1,7,11
# minimum 1 a month: a quarter needs 3 (Y8 and Y7 have 4), a year 12
# (nobody); the units report: 7 members, 6 registered, its active.
dual-report -c data/min-month.yaml --quarter 2025-Q1 data/min-m.csv data/min-a.csv | cut -f 1-3,6,7
dual-report -c data/min-month.yaml --year 2025 data/min-m.csv data/min-a.csv | cut -f 1-3,6,7
