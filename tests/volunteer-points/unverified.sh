# Which records are verified: 已审核, 审核通过, 是 (trimmed); anything else,
# empty included, is unverified: it earns nothing, is no star's and no
# cap's, and its hours as written (before the unit) are counted apart.
# W1: 4 verified × 2 h = 8.00 h, 80.00; unverified 1.7 + 2 + 2.25 + 2
# (YES: not a word of the default) = 7.95 h.  W2: 3 + 2 = 5.00 unverified,
# nothing earned; still a volunteer with a row.  W3: no verified column,
# every record is verified.  With verified: [Yes] added to the words (ASCII
# case ignored): W1's YES and W2's yes count: W1 10.00 h, 100.00,
# unverified 5.95; W2 2.00 h, 20.00, unverified 3.00.
volunteer-points --as-of 2025-12-31 data/verified.csv data/no-verified.csv
volunteer-points -c data/verified-yes.yaml --as-of 2025-12-31 data/verified.csv
