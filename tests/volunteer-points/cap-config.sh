# daily-cap from a -c file.  0: no cap, every hour counts: 2.5 + 2 + 4 + 3
# (2025-03-03) + 9 + 5 + 4 + 6 + 3 = 38.50 h; points 37.50 + 20 + 80 + 30
# + 90 + 100 + 40 + 60 + 30 = 487.50.  10 h: 2025-03-03 2.5 + 2 + 4 then
# 1.5 of 助老's 3 (152.50 points), the other days under 10 (9 h each: 90,
# 140, 90): 37.00 h, 472.50 points.
volunteer-points -c data/cap0.yaml --as-of 2025-12-31 data/cap.csv
volunteer-points -c data/cap10.yaml --as-of 2025-12-31 data/cap.csv
