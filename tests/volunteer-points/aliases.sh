# Fields under their aliases (and a header "name", read as volunteer_name):
# L1 2 h of 专业服务 = 30.00 and 1 h = 10.00; redeems 5.50 and 1.00.
volunteer-points --as-of 2025-12-31 --report ledger data/aliases-s.csv data/aliases-s2.csv data/aliases-r.csv data/aliases-r2.csv
