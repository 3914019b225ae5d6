# Exact duplicates (same volunteer, day, project and hours) count once.
# D1 on 05-10: three records of 助老, 3 h (the time ignored, the project
# trimmed, the kind not compared): the verified one first read (line 3,
# 日常服务, 30.00) is kept, lines 2 and 4 merged.  05-11: 1.7 h and 1.6 h of
# 助老 differ (hours before rounding, though both count 1.5), and 1.7 h of
# 宣传 is another project: three services, 4.5 h, 45.00 (in the ledger 助老
# (U+52A9) before 宣传 (U+5BA3), 1.6 h before 1.7 h); dup-b.csv's
# line 3 (Ｄ1, full-width, folded: D1; 1.70 = 1.7) is merged into line 5.
# D2: three unverified records of 05-12, none verified: the first read is
# kept, 2.00 unverified hours.  Records: 10 in = 5 used + 5 merged.
volunteer-points --as-of 2025-12-31 data/dup-a.csv data/dup-b.csv
volunteer-points --as-of 2025-12-31 --report ledger --volunteer D1 data/dup-a.csv data/dup-b.csv
