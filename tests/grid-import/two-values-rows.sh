# A grid's second value, filled down: every row it is filled into says it
# again (a problem each), and the first value again after it says
# nothing; the rows of a grid whose values are the same (filled down
# from one row) are not compared again.
awk -v ROWS=30 -f ../../bench/gen-roster.awk | awk -F, -v OFS=, '
NR == 4 { $4 = "李四" }
NR == 8 { $19 = "否" }
NR == 12 { $4 = "张伟1" }
{ print }' > "$TMP/r.csv"
grid-import --check "$TMP/r.csv" | cut -f 2,3,7,8
