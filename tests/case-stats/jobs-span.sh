# -j: a record longer than a part.  A quoted description of 40000 lines
# (360 KB, no quote in it) spans whole parts at -j 3, 5 and 8, and a quote out of place before it
# makes the cuts be told wrong, so the part after it is read again from
# where the part before it ended and has no record of its own; the lines
# of the records rejected after it (a date that is no date) are the
# file's, as one pass tells them.
. ./jobs.inc
awk 'BEGIN {
	print "case_id,community,category,reported_at,closed_at,status,description"
	for (i = 1; i <= 6000; i++) {
		d = "楼道堆放杂物 " i
		c = i == 5 ? "环境\"卫生" : "环境卫生"
		if (i == 2500) {
			d = "\"第一行"
			for (k = 2; k <= 40000; k++)
				d = d "\n第" k "行"
			d = d "\""
		}
		r = i % 997 == 0 ? "2024-02-30 08:00:00" : sprintf("2024-03-%02d 08:00:00", i % 28 + 1)
		printf "SL%06d,社区%d,%s,%s,2024-03-%02d 1%d:%02d:00,已办结,%s\n",
		    i, i % 3, c, r, i % 28 + 1, i % 10, i % 60, d
	}
}' > "$TMP/span.csv"
jobs_same "$TMP/span.csv" --as-of "2025-01-01 00:00:00" --by community \
    --total --max-rejected 50%
