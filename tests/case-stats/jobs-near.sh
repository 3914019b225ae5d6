# -j: a part's groups by the values it met lately (8 to 24 bytes, whole
# in three words that overlap): values that differ only in their middle
# bytes, or only in their length, or that are the same once trimmed, are
# each their own group, as -j 1 counts them.
. ./jobs.inc
gen() { # FMT
	awk -v fmt="$1" 'BEGIN {
	sep = fmt == "csv" ? "," : "\t"
	v[0] = "AAAAAAAAxBBBBBBBB"; v[1] = "AAAAAAAAyBBBBBBBB"
	v[2] = "AAAAAAAAxxxxxxxxBBBBBBBB"; v[3] = "AAAAAAAAyyyyyyyyBBBBBBBB"
	v[4] = "AAAAAAAABBBBBBBB"; v[5] = "AAAAAAAABBBBBBBBB"
	v[6] = "社区一"; v[7] = "社区二"; v[8] = " 社区一 "
	v[9] = "AAAAAAAAxxxxxxxxBBBBBBBBC"; v[10] = "AAAAAAA"
	v[11] = "AAAAAAAAxxxxxxxyBBBBBBBB"
	print "case_id" sep "community" sep "reported_at" sep "closed_at" sep \
	    "status"
	for (i = 1; i <= 600; i++)
		printf "SL%05d%s%s%s2024-%02d-%02d 08:00:00%s2024-%02d-%02d %02d:00:00%s已办结\n",
		    i, sep, v[(i * 7 + int(i / 13)) % 12], sep, i % 12 + 1,
		    i % 28 + 1, sep, i % 12 + 1, i % 28 + 1, 9 + i % 11, sep
}'
}
gen tsv > "$TMP/near.tsv"
gen csv > "$TMP/near.csv"
for f in "$TMP/near.tsv" "$TMP/near.csv"; do
	jobs_same "$f" --as-of 2025-01-01 --by community \
	    -m total,hours_mean,hours_median --sort community
done
