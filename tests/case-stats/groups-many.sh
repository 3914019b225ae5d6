# Many groups (--by case_id): each case a group of its own, its values
# kept once, counted in a word until a second case comes; the ids share
# their first 14 bytes, so that rows are ordered past the 8 bytes kept
# with each.  2,000 cases, every 9th record a later export of an earlier
# case (taken out of its group and counted again), every 10th case's
# community changed by it (its group of community and case changes).
# The figures of each group are checked against awk's (the latest
# record of each id), and the orders against sort(1).
cd "$TMP" || exit 1
awk 'BEGIN {
	OFS = "\t"
	print "case_id", "reported_at", "closed_at", "status", "community", "updated_at"
	split("处置中 已办结 已办结 已退回 作废 已办结", st, " ")
	for (i = 1; i <= 2000; i++) {
		k = (i % 9 == 0) ? i - 7 : i
		s = st[1 + (i * 5) % 6]
		c = (s == "已办结") ? sprintf("2024-05-03 %02d:%02d:00", 10 + i % 12, (i * 17) % 60) : ""
		m = (i % 10 == 0) ? i % 3 : k % 3
		print sprintf("CASE-2024-SL-0%05d", k), "2024-05-02 09:00:00", c, s, "社区" m, sprintf("2024-07-%02d %02d:%02d:00", 1 + int(i / 1440), int(i / 60) % 24, i % 60)
	}
}' > c.tsv
# awk: per id (the last record), total 1, closed 0/1, hours to close
awk -F '\t' 'NR > 1 { last[$1] = $0 }
END {
	for (id in last) {
		split(last[id], f, "\t")
		h = ""
		if (f[4] == "已办结") {
			split(f[3], t, "[ :]")
			s = (t[2] - 9) * 3600 + t[3] * 60 + 86400
			h = sprintf("%d.%02d", int((s * 100 + 1800) / 3600) / 100, int((s * 100 + 1800) / 3600) % 100)
		}
		print id "\t1\t" (f[4] == "已办结") "\t" h
	}
}' c.tsv | sort > awk.out
A='--as-of 2024-08-01 -m total,closed,hours_max'
case-stats $A -b case_id c.tsv > id.out 2> id.err
echo "by id: exit $?, $(cat id.err)"
tail -n +2 id.out | cmp - awk.out && echo "by id: as awk's, sorted"
case-stats $A -b case_id < c.tsv > stdin.out 2> stdin.err
cmp id.out stdin.out && echo "stdin: the same"
case-stats $A -b case_id --sort -case_id c.tsv 2> /dev/null | tail -n +2 > desc.out
sort -r awk.out | cmp - desc.out && echo "--sort -case_id: as sort -r"
case-stats $A -b community,case_id --sort -hours_max c.tsv 2> /dev/null | tail -n +2 > hm.out
sort -t "$(printf '\t')" -k5,5gr -k1,1 -k2,2 hm.out | cmp - hm.out && echo "--sort -hours_max: as sort"
echo "groups: $(wc -l < hm.out), of community 2: $(grep -c '^社区2' hm.out)"
case-stats $A -b case_id --top 3 --total c.tsv 2> /dev/null
