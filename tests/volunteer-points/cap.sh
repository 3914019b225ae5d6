# The daily cap (8 h), and the order of a day's records it goes by: time
# (a date alone is 00:00), then project, kind and hours (byte order,
# smaller first).  V1 on 2025-03-03: 宣传 at 00:00, 2.5 h 专业服务 = 37.50;
# at 08:00 便民 (U+4FBF) before 巡逻 (U+5DE1): 2 h 日常服务 = 20.00, then
# 巡逻 gets the 3.5 h left of the cap, 应急服务 × 2 = 70.00; 助老 at 14:00
# 0.00 h (listed, 0.00).  2025-03-04: the unverified 4 h take no part in
# the cap (unverified_hours 4.00), 9 h at 09:00 count 8 = 80.00.
# 2025-03-05 10:00 值守, the kinds in byte order: 应急服务 (U+5E94) 5 h =
# 100.00 first, then 日常服务 4 h gets 3 = 30.00.  2025-03-06 10:00 值守
# 日常服务: 3 h before 6 h: 3.00 = 30.00, then 5.00 = 50.00.  In all
# 2.5 + 2 + 3.5 + 0 + 8 + 5 + 3 + 3 + 5 = 32.00 h, 417.50 points.
volunteer-points --as-of 2025-12-31 data/cap.csv
volunteer-points --as-of 2025-12-31 --report ledger data/cap.csv
