# The communities report over data/: the whole input (as of 2025-04-01,
# minimum 3: nobody active).  西地社区: registered M01, M02; units rows
# 区教育局 (registered 01-02, 3 projects) and 区财政局 (01-15, 1): 2 and 4;
# activities M01 3, M02 2 (their community, the row naming none), 区财政局
# and 区教育局 1 each (their units rows' community): 7, 1 early (M01's
# 01-05), 2 + 2 + 1.5 + 2 + 2 + 4 + 2.5 = 16.00 h, 1 + 0 + 2 + 1 + 0 + 3 +
# 5 = 12 solved.  元宝山社区: M04, and 区卫健局 registered 04-01 (the last
# day: counted), 2 projects; M04's two 义诊 (one naming 元宝山社区, one
# none: M04's), 6.00 h, 3 solved.  冯营子社区: M05 and one activity.  M03
# has no community: in no row.
dual-report --report communities --total data/members.csv data/units.csv data/acts.tsv
# The first quarter: 区卫健局 registered 04-01, after it: 元宝山社区 has no
# unit; M01 and M04 active (2 each).
dual-report --report communities --quarter 2025-Q1 data/members.csv data/units.csv data/acts.tsv 2>/dev/null
