# -j 2 and the ledger: 3000 volunteers (V0000..V2999, two spans of 1500,
# each by a thread of its own), each with one 2-hour service on 2025-03-01
# (20 points); V0001, V1001 and V2001 a duplicate of it (merged); V0002,
# V1002 and V2002 a redemption of 30 points (more than the balance:
# rejected after the reading, in the order of the volunteers, the last
# one's by the second thread); every other volunteer a redemption of 5.  The balances, messages and --reject
# file are those of -j 1 (compared: "-j 1 = -j 2").
awk 'BEGIN {
	print "volunteer_id\tname\tteam\tproject\tdate\thours\tkind\tverified"
	for (i = 0; i < 3000; i++) {
		r = sprintf("V%04d\tN%d\tT%d\tP\t2025-03-01\t2\t日常服务\t是", i, i, i % 7)
		print r
		if (i % 1000 == 1)
			print r
	}
}' > "$TMP/s.tsv"
awk 'BEGIN {
	print "volunteer_id\tdate\tpoints\titem"
	for (i = 2999; i >= 0; i--)
		printf "V%04d\t2025-04-01\t%d\tI\n", i, i % 1000 == 2 ? 30 : 5
}' > "$TMP/r.tsv"
cd "$TMP"
for j in 1 2; do
	volunteer-points -j $j --as-of 2025-12-31 --total --reject rej$j s.tsv r.tsv > out$j 2> err$j
	echo "exit $?" >> out$j
done
cmp out1 out2 && cmp err1 err2 && cmp rej1 rej2 && echo "-j 1 = -j 2"
sed -n '1,4p;2002,2004p;$p' out2
cat rej2
cat err2 >&2
