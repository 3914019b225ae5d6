# X1's only service record is rejected (0 h): a rejected record does not
# count, so X1 has no service record and their redemption is rejected as
# such; X1 has no row.  X2 has only an unverified record: a service record,
# so their redemption is weighed against the balance, 0.00, and rejected.
# X2's row: nothing earned, 2.00 unverified hours; in the teams report X2
# counts among U's volunteers, not its active ones.
volunteer-points --as-of 2025-12-31 data/none-s.csv data/none-r.csv
volunteer-points --as-of 2025-12-31 --report teams data/none-s.csv 2> /dev/null
