# The end's walk with the grids' buildings sorted and summed ahead (by a
# thread of their own from -j 2, by the walk itself at -j 1): 400 grids
# of six buildings made in reverse, one grid in seven with a building
# listed twice (6号楼 and 6栋 in one compound), one in eleven with a
# party household, one in thirteen with two buildings whose keys are too
# long for a code (the same code: listed twice), one in seventeen in
# order already.  -j 1, 2 and 3 alike; the problems counted by kind and
# the counts of the first grids and communities.
awk 'BEGIN {
	print "街道,社区,网格编号,网格长,网格党支部,小区,楼栋,线下楼长," \
	    "线下楼长电话,网络楼长,党员中心户,户数,人口"
	long = sprintf("%80s", ""); gsub(/ /, "长", long)
	for (g = 1; g <= 400; g++)
		for (b = 6; b >= 1; b--) {
			name = (g % 17 == 0 ? b : 7 - b) "号楼"
			if (g % 7 == 0 && b == 3)
				name = (g % 17 == 0 ? 1 : 6) "栋"
			if (g % 13 == 0 && b % 2 == 1 && b < 5)
				name = long "楼" b
			printf "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%d,%d\n",
			    b == 6 ? "东街道" : "",
			    b == 6 ? "社区" (int((g - 1) / 100) + 1) : "",
			    b == 6 ? g : "", b == 6 ? "甲" g : "",
			    b == 6 ? "支部" g : "", "小区" (b % 2 + 1), name,
			    "乙" g "-" b, "1380000" sprintf("%04d", g), "丙" b,
			    g % 11 == 0 && b == 3 ? "王" g : "", g + b,
			    3 * (g + b)
		}
}' > "$TMP/r.csv"
for j in 1 2 3; do
	grid-import -j $j "$TMP/r.csv" > "$TMP/out$j" 2> "$TMP/err$j"
	grid-import -j $j --check "$TMP/r.csv" > "$TMP/chk$j" 2> /dev/null
done
for j in 2 3; do
	for k in out err chk; do
		cmp -s "$TMP/${k}1" "$TMP/$k$j" || echo "-j $j: $k differs"
	done
done
cat "$TMP/err1"
wc -l < "$TMP/out1"
cut -f 7 "$TMP/chk1" | sort | uniq -c
grep -E '^(community|grid)	' "$TMP/out1" | cut -f 2,3,14,15 | head -8
grep -c '^building	.*长长长' "$TMP/out1"
grep '^household	' "$TMP/out1" | cut -f 2,3 | head -3
