# The order of a day's redemptions: by time, then points (smaller first),
# then item (byte order).  P1 has 60.00: 50 at 09:00 first (10.00 left),
# so 30 at 10:00 is rejected.  P2, the same without times: 30 first, then
# 50 is more than the 30.00 left.  P3 has 15.00, two of 10: 大米 (U+5927)
# before 毛巾 (U+6BDB), so 毛巾 is rejected.  P4: a day's earnings come
# before its redemptions, whatever their times: 20 points at 08:00 are
# spent from the 20.00 earned at 10:00.
volunteer-points --as-of 2025-12-31 --report ledger data/order-s.csv data/order-r.csv
