# The cases of a year partitioned by case id into two parts (zhili-cat
# --partition), each counted by a process of its own (xargs -P 2) with
# --partial --exact, and merged: the same bytes as one pass, for every
# metric, grouped three ways and with --total.  Without --exact: counts,
# rates, means and the longest the same, the median and 90th percentile
# within 1% (and the rounding to hundredths of an hour).
cp ../../examples/data/cases-2024.csv "$TMP/cases.csv" || exit
cd "$TMP" || exit
zhili-cat --partition case_id --parts 2 --prefix part- cases.csv 2>/dev/null
echo "zhili-cat: exit $?"
for by in "" "-b community" "-b month,category"; do
	case-stats --as-of 2025-01-01 $by --total cases.csv > one.tsv 2>/dev/null
	for x in exact hist; do
		opt=
		[ $x = exact ] && opt=--exact
		ls part-*.tsv | xargs -P 2 -I '{}' sh -c \
			"case-stats --as-of 2025-01-01 $by --partial $opt {} > {}.$x 2>/dev/null"
		case-stats --merge --total part-00.tsv.$x part-01.tsv.$x > $x.tsv
		echo "[$by] $x: merge exit $?"
	done
	cmp one.tsv exact.tsv && echo "[$by] --exact: the same as one pass"
	# the columns of hours_median and hours_p90: within 1%, else equal
	awk -F '\t' 'NR == FNR { for (i = 1; i <= NF; i++) a[FNR, i] = $i; next }
		FNR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /hours_(median|p90)/) p[i] = 1 }
		{ for (i = 1; i <= NF; i++) {
			x = a[FNR, i]; y = $i
			if (!(i in p)) { if (x != y) bad++; continue }
			d = x - y; if (d < 0) d = -d
			if (d > x * 0.01 + 0.01) bad++
			if (d > 0) near++ } }
		END { printf "without --exact: %d cells differ beyond the bound, percentiles not exact: %d\n", bad + 0, (near > 0) }' \
		one.tsv hist.tsv
done
