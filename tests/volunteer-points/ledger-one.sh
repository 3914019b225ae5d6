# The ledger of one volunteer: A1 earns 40.00 on 01-15 (4 h), 30.00 on
# 02-03, redeems 30 on 02-04, earns 40.00 (2 h of 应急服务) on 02-10,
# redeems 20 on 03-05.  With --month 2025-02 only February's events are
# listed, their balances counting January's 40 before them.
volunteer-points --as-of 2025-12-31 --report ledger --volunteer A1 data/town-s.csv data/town-r.csv
volunteer-points --as-of 2025-12-31 --report ledger --volunteer A1 --month 2025-02 data/town-s.csv data/town-r.csv
