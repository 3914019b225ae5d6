# jobs-csv with two records more after the cut: line 25 has a""b, a quote
# inside an unquoted field (rejected by the reader), the first quotes after
# the middle of the file, which rd_cut takes as in quotes: the cut falls in
# the quoted line end of the record after it (lines 26-27), not between
# records.  The part after the cut does not begin where the part before it
# ended, and is read again from there by the main thread: the same as -j 1.
for j in 1 2; do
	volunteer-points -j $j --as-of 2025-12-31 --total --reject "$TMP/rej$j" data/jobs-miscut.csv data/jobs-r.csv > "$TMP/out$j" 2> "$TMP/err$j"
	echo "exit $?" >> "$TMP/out$j"
	volunteer-points -j $j --as-of 2025-12-31 --report ledger --volunteer V01 data/jobs-miscut.csv data/jobs-r.csv >> "$TMP/out$j" 2>/dev/null
done
cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" && cmp "$TMP/rej1" "$TMP/rej2" && echo "-j 1 = -j 2"
cat "$TMP/out2" "$TMP/rej2"
cat "$TMP/err2" >&2
