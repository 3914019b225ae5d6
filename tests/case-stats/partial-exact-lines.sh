# --exact: a group of more than 65536 closed cases takes more than one
# line (the reader takes a field of 1 MiB at most), its counts shared out
# so that each line is consistent (on time within due within closed,
# satisfied within rated); merged, the same as one pass.
cd "$TMP" || exit
awk 'BEGIN { print "case_id\treported_at\tclosed_at\tstatus\tdeadline\tsatisfaction"
	for (i = 0; i < 90000; i++) {
		s = i % 9 ? "办结" : "办理中"
		printf "C%d\t2024-03-01 08:00:00\t2024-03-%02d %02d:%02d:%02d\t%s\t%s\t%s\n",
			i, 2 + i % 20, i % 24, i % 60, (i * 7) % 60, s,
			i % 3 ? "2024-03-10" : "", i % 5 ? "满意" : "不满意" } }' > c.tsv
case-stats --as-of 2024-04-01 --partial --exact c.tsv > p.tsv
echo "exit $?"
cut -f 1-12 p.tsv
awk -F '\t' 'NR > 1 { n = split($13, d, ";"); print NR - 1 ": " n " durations, " length($13) " bytes" }' p.tsv
case-stats --merge p.tsv > merged.tsv
case-stats --as-of 2024-04-01 c.tsv > one.tsv
cmp one.tsv merged.tsv && echo "merged: the same as one pass"
cat one.tsv
