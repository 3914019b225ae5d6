# A first look at every step: V001's two records of 2025-01-05 cross the
# daily cap (3 h at 00:00, then 6 h of 应急服务 at 09:00: 5 h counted, 10
# points an hour × 2), a duplicate merged, a redemption over the balance
# (500 of 80) and one by a volunteer with no service (V009) rejected;
# V002's 1.7 h of 专业服务 counts 1.5 h × 15 = 22.50, the unverified 2 h
# apart; V003's three records rejected (bad date, 25 h, a slip in the kind).
volunteer-points --as-of 2025-12-31 --total data/first-s.csv data/first-r.csv
