# -j: cases the main thread takes itself (an unknown status word, a year
# the calendar does not cover) among the threads' cases, one pass finding
# cases again in both: a case seen again in another part whose other
# record is the main thread's (either way round, by position from TSV,
# noted from CSV), a group first met in such a record (the groups in the
# order they came: --sort total has ties), rejections in every part.
. ./jobs.inc
gen() { # FMT
	awk -v fmt="$1" 'BEGIN {
	sep = fmt == "csv" ? "," : "\t"
	print "case_id" sep "community" sep "reported_at" sep "closed_at" sep \
	    "status" sep "updated_at"
	for (i = 1; i <= 400; i++) {
		id = sprintf("SL%05d", i)
		c = "社区" i % 3
		s = "已办结"
		y = "2024"
		u = ""
		if (i == 120 || i == 330)
			s = "已归档" # unknown: rejected by the main thread
		if (i == 100 || i == 150) # not in the calendar: the main
			y = "2031" # thread takes them
		if (i == 300 || i == 390)
			y = "2033"
		if (i == 100)
			c = "新社区" # a group first met there
		if (i == 300) # again: a record the main thread takes, later
			id = "SL00050"
		if (i == 350 || i == 390) # again: of one it took, later
			id = "SL00100"
		if (i == 300 || i == 350 || i == 390)
			u = y "-12-0" i % 7 + 1 " 00:00:00"
		if (i == 77 || i == 277)
			print id sep c sep "not a date" sep sep s sep u
		else
			printf "%s%s%s%s%s-%02d-%02d %02d:00:00%s%s-%02d-%02d %02d:%02d:00%s%s%s%s\n",
			    id, sep, c, sep, y, i % 12 + 1, i % 28 + 1, i % 9,
			    sep, y, i % 12 + 1, i % 28 + 1, i % 9 + i % 5,
			    i % 60, sep, s, sep, u
	}
}'
}
gen tsv > "$TMP/extra.tsv"
gen csv > "$TMP/extra.csv"
for f in "$TMP/extra.tsv" "$TMP/extra.csv"; do
	jobs_same "$f" --as-of "2035-06-30 00:00:00" --max-rejected 50% \
	    --by community -m total,closed,on_time_pct,hours_median,hours_p90 --total
	jobs_same "$f" --as-of "2035-06-30 00:00:00" --max-rejected 50% \
	    --by community,month --sort total -m total,overdue_open,hours_mean
done
