# JSON numbers told from strings by the AVX-512 writer's one pass over a
# TSV line (runs of digits, points and minus signs from a field's start
# to its end, carried across 64-byte blocks): the same bytes as the SSE2
# writer's field by field ($ZHILI_WR_SCAN=sse2), on records of 70 fields
# made here (numbers, near-numbers, long runs of digits, quotes and
# backslashes to escape) and of 3 long ones.
awk 'BEGIN {
	n = split("0|1|12|-|.|-3.5|007|1e5|a|中|\"|\\\\|xxxxxxxxxxxxxxxxxxxx|" \
	    "99999999999999999999||-0|0.0|1.|.5| ", t, "|")
	srand(11)
	for (i = 0; i < 70; i++)
		printf "%sc%d", i ? "\t" : "", i
	print ""
	for (r = 0; r < 2000; r++)
		for (i = 0; i < 70; i++) {
			s = ""
			for (k = int(rand() * 4); k > 0; k--)
				s = s t[1 + int(rand() * n)]
			printf "%s%s", s, i < 69 ? "\t" : "\n"
		}
	print "a\tb\tc"
}' > "$TMP/n.tsv"
awk 'BEGIN {
	srand(5)
	print "a\tb\tc"
	for (r = 0; r < 2000; r++)
		for (i = 0; i < 3; i++) {
			s = ""
			for (k = int(rand() * 70); k > 0; k--)
				s = s "7"
			if (rand() < 0.3)
				s = "-" s
			if (rand() < 0.3)
				s = s ".25"
			printf "%s%s", s, i < 2 ? "\t" : "\n"
		}
}' > "$TMP/m.tsv"
for f in n m; do
	zhili-cat -o json "$TMP/$f.tsv" > "$TMP/a" 2>&1
	ZHILI_WR_SCAN=sse2 zhili-cat -o json "$TMP/$f.tsv" 2>&1 |
		cmp -s - "$TMP/a" && echo "$f: the same"
	grep -c '":-\{0,1\}[0-9]' "$TMP/a" > /dev/null && echo "$f: numbers"
done
