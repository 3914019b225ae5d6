# -j 2 with rejections far from where each part begins (a slip's record
# is found again from the part's line jumps, a few dozen slips apart):
# 20 workers, a year each.  Not in the roster (lines 121 and 125, the
# second read on from the first, and 231 in the second part), a net pay
# below zero (151), a month twice (201, first at 60), with a record of
# too many fields (119) and, in CSV, a quoted field of three lines (110
# to 112) before them.  The messages and --reject file are -j 1's, TSV
# and CSV.
. data/jobs.sh
cd "$TMP" || exit 1
awk 'BEGIN { OFS = "\t"; print "worker_id", "name", "post", "level"
	for (w = 1; w <= 20; w++) print "W" w, "某" w, "工作人员", w }' \
    >roster.tsv
awk 'BEGIN { OFS = "\t"; print "worker_id", "month", "performance",
	"deduction", "other_pay"
	for (m = 1; m <= 12; m++)
		for (w = 1; w <= 20; w++) {
			n++
			if (n + 1 == 119) print "W1", "2024-07", 1, 0, 0, "x"
			id = "W" w
			if (n + 1 == 120 || n + 1 == 124 || n + 1 == 230)
				id = "Z" n
			ded = n + 1 == 150 ? 900000 : 0
			mo = sprintf("2024-%02d", m)
			if (n + 1 == 200) mo = "2024-03"
			print id, mo, 1000 + n, ded, 0
		}
	}' >items.tsv
same roster.tsv items.tsv 1,6 | grep -v '^W'
awk 'BEGIN { FS = "\t"; OFS = "," }
	NR == 110 { $5 = "\"a\nb\nc\"" }
	NR == 111 || NR == 112 { next }
	{ $1 = $1; print }' items.tsv >items.csv
same roster.tsv items.csv 1,6 | grep -v '^W'
