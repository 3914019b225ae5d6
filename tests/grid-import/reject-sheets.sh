# Two sheets, the second with a title row and its columns in another
# order: the --reject file has one header (the first sheet's, _error,
# _raw), the second sheet's rejected row in the columns of the same
# names.  Corrected (the community filled in, _error and _raw cut off), it reads
# back: the two buildings join their grids.
cd "$TMP" || exit
printf '街道,社区,网格编号,楼栋,户数\n钢城街道,,1,1号楼,10\n钢城街道,凤凰社区,2,3号楼,30\n' > a.csv
printf '二月名册\n户数,楼栋,网格编号,社区,街道\n20,2号楼,3,,钢城街道\n40,5号楼,4,凤凰社区,钢城街道\n' > b.csv
grid-import --reject rej.csv a.csv b.csv > /dev/null
echo "exit $?"
cat rej.csv
zhili-cat rej.csv > /dev/null
echo "read back: exit $?"
cut -d, -f1-5 rej.csv | sed 's/^钢城街道,,/钢城街道,凤凰社区,/' > fixed.csv
cat fixed.csv
grid-import fixed.csv | cut -f1,2,3
echo "exit $?"
