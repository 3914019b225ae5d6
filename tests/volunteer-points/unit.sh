# The unit (0.5 h): each record's hours rounded down to a multiple of it.
# U1: 1.7 -> 1.5, 0.4 -> 0, 2.99 -> 2.5, 1.755 (1.75, the third decimal
# dropped) -> 1.5: 5.50 h, 55.00 points.  U2, the forms of hours: 2小时,
# 3h, full-width ２．５, " 1.5 小时 " (trimmed): 2 + 3 + 2.5 + 1.5 = 9.00 h.
# U3: 0.001 passes (more than 0) and counts 0; 24 h counts 8 (the cap).
# With hours-unit 0.25: U1 1.5 + 0.25 + 2.75 + 1.75 = 6.25 h, 62.50.
volunteer-points --as-of 2025-12-31 data/unit.csv
volunteer-points -c data/unit025.yaml --as-of 2025-12-31 data/unit.csv
