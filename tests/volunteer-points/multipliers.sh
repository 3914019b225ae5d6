# Each multiplier, and points-per-hour.  Default (10 points an hour):
# K1 2 h of 日常服务 × 1 = 20.00, 专业服务 × 1.5 = 30.00, 应急服务 × 2 =
# 40.00: 90.00; K2 1.5 h 专业服务 = 22.50, 1.5 h 应急服务 = 30.00, 0.5 h
# 应急服务 = 10.00: 62.50.  With data/kinds.yaml (12.5 points an hour,
# 专业服务 1.25, a new kind 培训服务 0.75; the others kept, the mapping
# merged key by key): K1 25.00 + 31.25 + 50.00 = 106.25; K2 1.5 × 12.5 ×
# 1.25 = 23.4375 -> 23.43 (hundredths of a point, rounded down), 37.50,
# 12.50, and 0.5 h 培训服务 0.5 × 12.5 × 0.75 = 4.6875 -> 4.68: 78.11.
volunteer-points --as-of 2025-12-31 data/kinds.csv
volunteer-points -c data/kinds.yaml --as-of 2025-12-31 data/kinds.csv data/kinds-train.csv
