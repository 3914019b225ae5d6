# --zh: the members report's active column 是/否 (yes/no without --zh),
# and the units report's total row 合计 (zhili(7), Values under --zh)
dual-report --zh --report members --mask --quarter 2025-Q1 data/members.csv data/units.csv data/acts.tsv 2>/dev/null
dual-report --zh --total --quarter 2025-Q1 data/members.csv data/units.csv data/acts.tsv 2>/dev/null | tail -n 1
