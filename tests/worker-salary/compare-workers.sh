# --compare: each worker's gross of its months under the old scale
# (data/scale-old.yaml, merged over the built-in configuration) and the
# current one, and new / old to two decimals, rounded half away from zero.
# W01 书记 正职: old start 11 + 本科 1 + 5 years = 17, 1000 + 16 x 25 =
# 1400; January 1400 + 1200 + 300 = 2900, February 1400 + 1200 + the
# old 社会工作师 allowance 50 = 2650: 5550; now 4850 + 4650 = 9500;
# 9500 / 5550 = 1.7117.. -> 1.71.  W02 level 12 given: 1000 + 11 x 25 =
# 1275; January 1275 + 800 + 150 - 50 - 2 days x 60 = 2055, February 1275
# + 800 + 200 - 0.5 x 60 = 2245: 4300; now 6706.90: 1.5597.. -> 1.56.
# W03 大专 adds no level in the old scale and 助理社会工作师 no allowance:
# level 1, 1000 + 600 = 1600; now 2700: 1.6875 -> 1.69.  W04's base_pay
# 5000 is given, the same under both: 12000, 1.00.
worker-salary --compare data/scale-old.yaml data/roster.tsv data/items.csv
# Chinese titles, as a table.
worker-salary --compare data/scale-old.yaml --zh -o table data/roster.tsv data/items.csv
