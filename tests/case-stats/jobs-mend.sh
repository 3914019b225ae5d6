# -j: a CSV file whose cuts are told wrong.  The quotes near the cuts do
# not tell (empty quoted fields, "" at a line's end), so the cuts are
# placed by the number of quotes before them, which a quote out of place
# (in an unquoted field, rejected) makes odd: a cut then falls in
# a quoted field of many lines further on, and the part after it is read
# again from where the part before it ended.  The same as one pass.
. ./jobs.inc
awk 'BEGIN {
	print "case_id,community,category,reported_at,closed_at,status,description"
	for (i = 1; i <= 3200; i++) {
		d = i % 2 ? "楼道堆放杂物 " i : "\"\""
		c = i == 5 ? "环境\"卫生" : "环境卫生"
		if (i > 3000)
			d = "\"第一行\n第二行, \"\"引号\"\"\n第三行 " i "\""
		printf "SL%06d,社区%d,%s,2024-03-%02d 08:00:00,2024-03-%02d 1%d:%02d:00,已办结,%s\n",
		    i % 3050 + 1, i % 3, c, i % 28 + 1, i % 28 + 1, i % 10, i % 60, d
	}
}' > "$TMP/mend.csv"
jobs_same "$TMP/mend.csv" --as-of "2025-01-01 00:00:00" --by community \
    --total
