# A sheet saved with a title line above its header (双滦区在职党员名册):
# the file of no kind is said with what its header has, and that a title
# line may be the cause; its advice followed (the title line taken out),
# the roster reads.
printf '双滦区在职党员名册,,,\n党员编号,工作单位,报到社区,报到时间\nM1,甲单位,东社区,2025-01-02\n' > "$TMP/titled.csv"
dual-report "$TMP/titled.csv" 2> "$TMP/err"
echo "exit $?"
sed "s|$TMP/||" "$TMP/err"
sed 1d "$TMP/titled.csv" > "$TMP/roster.csv"
dual-report --report members "$TMP/roster.csv"
echo "exit $?"
