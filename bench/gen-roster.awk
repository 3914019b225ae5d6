# gen-roster.awk: a roster of ROWS buildings (default 1,000,000) as
# communities keep it, for the grid-import benchmark: seven communities of
# the district's three sub-districts, 200 grids each, 20 compounds a grid,
# 40 buildings a compound; hierarchy cells blank below the first row of a
# grid or compound, as merged cells export.  Deterministic.  Past
# 1,120,000 buildings the communities have more grids (893 each for
# 5,000,000); up to there the bytes are those of 200 grids.
#	gawk -v ROWS=1000000 -f bench/gen-roster.awk > roster.csv
BEGIN {
	if (ROWS == "")
		ROWS = 1000000
	OFS = ","
	n = split("元宝山街道:元宝山社区 元宝山街道:东园社区 元宝山街道:北园社区 钢城街道:凤凰社区 钢城街道:果山社区 秀水街道:平安社区 秀水街道:宝鼎社区", cs, " ")
	print "街道,社区,网格编号,网格长,网格长电话,网格党支部,小区,楼栋,楼栋党小组,线下楼长,线下楼长电话,网络楼长,网络楼长电话,户数,人口,业委会,有人,有制度,有保障,有奖惩"
	grids = int((ROWS + n * 800 - 1) / (n * 800))
	if (grids < 200)
		grids = 200
	b = 0
	for (c = 1; c <= n && b < ROWS; c++) {
		split(cs[c], p, ":")
		for (g = 1; g <= grids && b < ROWS; g++) {
			for (k = 1; k <= 20 && b < ROWS; k++) {
				for (x = 1; x <= 40 && b < ROWS; x++) {
					b++
					first = (x == 1 && k == 1)
					printf "%s,%s,%s,%s,%s,%s,%s,%d号楼,%s,%s,%s,%s,%s,%d,%d,%s,%s,%s,%s,%s\n", \
					    first ? p[1] : "", first ? p[2] : "", first ? sprintf("网格%02d", g) : "", \
					    first ? "张伟" g : "", first ? sprintf("138%08d", g) : "", first ? p[2] "第" g "网格党支部" : "", \
					    x == 1 ? "小区" k : "", x, "党小组" x, "楼长" b, sprintf("139%08d", b), "网楼" b, sprintf("150%08d", b), \
					    20 + b % 30, 50 + b % 90, x == 1 ? "业委会" k : "", first ? "是" : "", first ? "是" : "", first ? "是" : "", first ? "是" : ""
				}
			}
		}
	}
}
