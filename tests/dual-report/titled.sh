# A sheet saved with a title line above its header (双滦区在职党员名册)
# reads: the title line is skipped and said (zhili(7), title rows).
printf '双滦区在职党员名册,,,\n党员编号,工作单位,报到社区,报到时间\nM1,甲单位,东社区,2025-01-02\n' > "$TMP/titled.csv"
dual-report --report members "$TMP/titled.csv" 2> "$TMP/err"
echo "exit $?"
sed "s|$TMP/||" "$TMP/err"
