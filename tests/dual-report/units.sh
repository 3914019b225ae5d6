# The units report over data/ (members in CSV, units in CSV headed in
# Chinese: 单位名称, 共建社区, 单位报到时间, 共建项目数; activities in TSV).
# The whole input: 2025-01-05 (M01's first) to 2025-04-01 (M02's last),
# four months touched, minimum ceil(2 × 4 / 3) = 3 non-early activities:
# M01 has 2 (01-15, 02-10; 01-05 is before he registered on 01-10, early),
# M02 2, M04 2, M05 1: nobody active.  Overdue as of 04-01 (deadline 30
# days after listed_at): M02 (listed 01-01, deadline 01-31, registered
# 02-20) and M03 (listed 01-01, not registered); M05 (listed 03-01,
# deadline 03-31, registered 03-31) is not.  区教育局: M01 3 + M02 2 + its
# own 捐书 = 6 activities, 2 + 2 + 1.5 + 2 + 2 + 2.5 = 12.00 hours, 1 + 0
# + 2 + 1 + 0 + 5 = 9 solved; registered 2 of 3 = 66.67; 区卫健局 M04 2
# + M05 1, 3 + 3 + 1 = 7.00 h, 3 solved; 区财政局, a units row and no
# member: its own 慰问 only, the rates empty (no members).  Rows in byte
# order: 卫 U+536B, 教 U+6559, 财 U+8D22.
dual-report data/members.csv data/units.csv data/acts.tsv
echo "exit $?"
# The first quarter, --total: minimum 2.  M01 active (01-15, 02-10), M04
# (01-20, 03-10); M02 one (03-31; 04-01 is the next quarter), M05 one.
# 区教育局 5 activities (M02's 04-01 out): 10.00 h, 9 solved; overdue
# as of 03-31: M02 and M03 still.  Total: 5 members, 4 registered 80.00,
# 2 active of 4 50.00, 9 activities, 21.00 h, 15 solved.
dual-report --quarter 2025-Q1 --total data/members.csv data/units.csv data/acts.tsv
