# -j 2: a file of service records cut into two parts (rd_cut: after the
# first line end from the middle of the records' bytes), records of V01 to
# V04 on both sides of the cut.  data/jobs.tsv: the last before it (line
# 22) and the first after it (23, the same service: merged into 22), a
# record of three fields (24), hours of 25 (25), an unknown kind (26), a
# volunteer first met after the cut (V04, 27), V01's latest name and team
# after it (28), an unverified duplicate of line 21 (30: merged, the
# verified kept), a date after --as-of (31), full-width Ｖ03 and １.5 (32).
# data/jobs.csv: the same as CSV, the project "助老,上门" of the records on
# both sides of the cut quoted.  data/jobs-miscut.csv: two records more
# after the cut: line 25 has a""b, a quote inside an unquoted field
# (rejected by the reader), the first quotes after the middle of the
# file, which rd_cut takes as in quotes: the cut falls in the quoted line
# end of the record after it (lines 26-27), not between records, and the
# part after the cut, not beginning where the part before ended, is read
# again from there by the main thread.  Each time the balances, V01's
# ledger, the messages with their lines, the count and the --reject file
# are those of -j 1, byte for byte (compared: "-j 1 = -j 2").
for f in jobs.tsv jobs.csv jobs-miscut.csv; do
	for j in 1 2; do
		volunteer-points -j $j --as-of 2025-12-31 --total --reject "$TMP/rej$j" data/$f data/jobs-r.csv > "$TMP/out$j" 2> "$TMP/err$j"
		echo "exit $?" >> "$TMP/out$j"
		volunteer-points -j $j --as-of 2025-12-31 --report ledger --volunteer V01 data/$f data/jobs-r.csv >> "$TMP/out$j" 2>/dev/null
	done
	cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" && cmp "$TMP/rej1" "$TMP/rej2" && echo "$f: -j 1 = -j 2"
	cat "$TMP/out2" "$TMP/rej2"
	cat "$TMP/err2" >&2
done
