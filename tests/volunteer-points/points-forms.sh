# Points as written: 007 (7), full-width １２ (12), 12.5, "1,000"
# (grouped), +5 and 0012 (12) are applied; 999999999999 is more than the
# balance; "1,00" (a group of two) and 12a are not numbers.  V1: 10 days of
# 8 h 应急服务 (×2): 80.00 h, 1600.00 earned; 7 + 12 + 12.50 + 1000 + 5 +
# 12 = 1048.50 redeemed, 551.50 left.
volunteer-points --as-of 2025-12-31 --max-rejected 100% data/points-s.csv data/points-r.csv
