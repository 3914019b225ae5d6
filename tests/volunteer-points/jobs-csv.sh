# jobs-tsv, the same records as CSV, the project "助老,上门" of the records
# on both sides of the cut quoted.
for j in 1 2; do
	volunteer-points -j $j --as-of 2025-12-31 --total --reject "$TMP/rej$j" data/jobs.csv data/jobs-r.csv > "$TMP/out$j" 2> "$TMP/err$j"
	echo "exit $?" >> "$TMP/out$j"
	volunteer-points -j $j --as-of 2025-12-31 --report ledger --volunteer V01 data/jobs.csv data/jobs-r.csv >> "$TMP/out$j" 2>/dev/null
done
cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" && cmp "$TMP/rej1" "$TMP/rej2" && echo "-j 1 = -j 2"
cat "$TMP/out2" "$TMP/rej2"
cat "$TMP/err2" >&2
