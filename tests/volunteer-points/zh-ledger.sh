# --zh: the ledger's events 获得, 兑换, 过期 (earn, redeem, expire without
# --zh), and the balance's total row 合计 (zhili(7), Values under --zh)
volunteer-points --zh --as-of 2025-12-31 --report ledger --volunteer O1 -c data/expiry2.yaml data/spend-s.csv data/spend-r.csv 2>/dev/null | cut -f 3,4
volunteer-points --zh --as-of 2025-12-31 --total data/town-s.csv data/town-r.csv | tail -n 1
