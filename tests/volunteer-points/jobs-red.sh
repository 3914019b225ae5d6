# -j 2: a file of redemptions cut into two parts, as CSV (each record kept
# as read, for a rejection after the reading) and as TSV (kept as its place
# in the file, read again then).  Before the cut (line 20) V02's 100
# points, more than the balance (45); after it (21 on) V03's 50, more than
# the balance (15), V09 with no service record, points 'x', a record of
# three fields, a date after --as-of, full-width Ｖ04 with a new item, and
# V05, met first here, with no service record.  The balances, messages,
# count and --reject file are those of -j 1 (compared: "-j 1 = -j 2").
# Each file of redemptions after the service records (read by one thread
# while another groups the services), then before them (in two parts).
for f in csv tsv csv-first tsv-first; do
	case $f in
	*-first) files="data/jobs-red.${f%-first} data/jobs.tsv" ;;
	*) files="data/jobs.tsv data/jobs-red.$f" ;;
	esac
	for j in 1 2; do
		volunteer-points -j $j --as-of 2025-12-31 --total --max-rejected 100% --reject "$TMP/rej$j" $files > "$TMP/out$j" 2> "$TMP/err$j"
		echo "exit $?" >> "$TMP/out$j"
	done
	cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" && cmp "$TMP/rej1" "$TMP/rej2" && echo "$f: -j 1 = -j 2"
	sed -n '33,$p' "$TMP/out2"
	cat "$TMP/rej2"
	cat "$TMP/err2" >&2
done
