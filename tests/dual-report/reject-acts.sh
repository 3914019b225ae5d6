# Activities rejected, each reason, in the order checked (who, date,
# hours, solved, community): an unknown member X9, an unknown unit, a row
# naming neither, an empty date, 2025-02-30, hours empty, abc, 0, 24.01
# and -2, solved -1 and x, M03 naming no community and having none, and
# 丁单位 (known by R7, a member's unit, but with no units row) likewise.
# Used: M01's a of 01-08 (24 hours: the most; 区不存在局 on a member's row
# is not read), M01's b (0.001 h: more than 0, 0.00 counted; solved ０
# folded: 0), M03's c naming 西地社区 (1.239 h: 1.23), 丁单位's d (2 h).
dual-report --max-rejected 100% --reject "$TMP/rej.tsv" data/members.csv data/units.csv data/rej-m.csv data/bad-acts.csv
echo "exit $?"
cat "$TMP/rej.tsv"
dual-report --max-rejected 100% --report members data/members.csv data/units.csv data/rej-m.csv data/bad-acts.csv 2>/dev/null | cut -f 1,3,4,7-10
