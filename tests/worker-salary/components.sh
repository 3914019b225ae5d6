# Each pay component, roster and items in two files joined on worker_id.
# W01 书记 (正职, start 21) + 本科 (2) + 5 years passed: level 28, base
# 2000 + 27 x 50 = 3350; 社会工作师 certified 2024-01-15: the allowance of
# 100 from February.  W02 副主任 (副职) at level 12 given: 2550; absence
# 2 days of 2550 / 21.75 = 117.24 (117.2413.. rounded), 234.48, plus the
# deduction 50: 284.48; February half a day, 58.62.  W03 大专 (1): level
# 2, 2050; 助理社会工作师 of 2023: 50 every month.  W04 base_pay 5000
# given (no level) and contribution_base 8000: pension 640.00.  Months
# as 2024年2月, 2024/2, 202402.
worker-salary -o table data/roster.tsv data/items.csv
