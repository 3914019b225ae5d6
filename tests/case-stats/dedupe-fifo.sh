# A named pipe is not a regular file: it is read once and de-duplicated in
# memory, nothing of it lost to a look at its start (more than a pipe's
# buffer, so that a reader that opened it and let go would lose it).
awk 'BEGIN {
	OFS = "\t"
	print "case_id", "reported_at", "closed_at", "status", "community"
	for (i = 1; i <= 4000; i++)
		print sprintf("F%05d", i % 3000), "2024-03-01 08:00:00",
		    "2024-03-02 09:" sprintf("%02d", i % 60) ":00", "已办结", "社区" (i % 3)
}' > "$TMP/c.tsv"
mkfifo "$TMP/cases"
cat "$TMP/c.tsv" > "$TMP/cases" &
timeout 60 case-stats -b community -m total,closed,hours_max "$TMP/cases" > "$TMP/fifo.out" 2> "$TMP/fifo.err"
echo "exit $?: $(cat "$TMP/fifo.err")"
wait
case-stats -b community -m total,closed,hours_max "$TMP/c.tsv" > "$TMP/file.out" 2> "$TMP/file.err"
echo "exit $?: $(cat "$TMP/file.err")"
cmp "$TMP/file.out" "$TMP/fifo.out" && echo "as from the file"
cat "$TMP/fifo.out"
