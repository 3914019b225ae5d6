# --zh: the Chinese titles of every report, 合计 for the total row, the
# events 获得, 兑换, 过期.  (Figures as in teams, rank, ledger-one and
# spend-oldest.)
volunteer-points --zh --as-of 2025-12-31 --total data/town-s.csv data/town-r.csv
volunteer-points --zh --as-of 2025-12-31 --report ledger --volunteer O1 -c data/expiry2.yaml data/spend-s.csv data/spend-r.csv 2> /dev/null
volunteer-points --zh --as-of 2025-12-31 --report teams --month 2025-02 --total data/town-s.csv
volunteer-points --zh --as-of 2025-12-31 --report rank --month 2025-02 --top 1 data/town-s.csv
volunteer-points --zh --as-of 2025-12-31 --report stars --total data/town-s.csv
