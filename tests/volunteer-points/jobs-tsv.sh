# -j 2: a TSV file of service records cut into two parts (rd_cut: after the
# first line end from the middle of the records' bytes), records of V01 to
# V04 on both sides of the cut: the last before it (line 22) and the first
# after it (23, the same service: merged into 22), a record of three fields
# (24), hours of 25 (25), an unknown kind (26), a volunteer first met after
# the cut (V04, 27), V01's latest name and team after it (28), an
# unverified duplicate of line 21 (30: merged, the verified kept), a date
# after --as-of (31), full-width Ｖ03 and １.5 (32).  The balances, the
# ledger, the messages with their lines, the count and the --reject file
# are those of -j 1, byte for byte (compared: "-j 1 = -j 2").
for j in 1 2; do
	volunteer-points -j $j --as-of 2025-12-31 --total --reject "$TMP/rej$j" data/jobs.tsv data/jobs-r.csv > "$TMP/out$j" 2> "$TMP/err$j"
	echo "exit $?" >> "$TMP/out$j"
	volunteer-points -j $j --as-of 2025-12-31 --report ledger --volunteer V01 data/jobs.tsv data/jobs-r.csv >> "$TMP/out$j" 2>/dev/null
done
cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" && cmp "$TMP/rej1" "$TMP/rej2" && echo "-j 1 = -j 2"
cat "$TMP/out2" "$TMP/rej2"
cat "$TMP/err2" >&2
