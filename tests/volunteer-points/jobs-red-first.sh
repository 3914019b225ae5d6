# -j 2: jobs-red's file of redemptions read before the service records,
# so in two parts (after service records it is read by one thread while
# another groups the services).  The balances are jobs-red's; messages,
# count and --reject file those of -j 1 (compared: "-j 1 = -j 2").
for f in csv tsv; do
	for j in 1 2; do
		volunteer-points -j $j --as-of 2025-12-31 --total --max-rejected 100% --reject "$TMP/rej$j" data/jobs-red.$f data/jobs.tsv > "$TMP/out$j" 2> "$TMP/err$j"
		echo "exit $?" >> "$TMP/out$j"
	done
	cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" && cmp "$TMP/rej1" "$TMP/rej2" && echo "$f: -j 1 = -j 2"
	sed -n '33,$p' "$TMP/out2"
	cat "$TMP/rej2"
	cat "$TMP/err2" >&2
done
