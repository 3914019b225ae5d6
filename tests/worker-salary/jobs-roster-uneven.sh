# -j 3 on a roster whose parts hold very different numbers of workers:
# the first part a few rows with long names, the others 3,000 short
# rows, so that the keys and the table of worker_ids grow past the room
# made from the first part while the main thread takes the later ones
# (a key taken before the keys moved pointed at freed memory).  Each
# worker has a month of items.  The same payslips and messages as -j 1.
awk -v r="$TMP/r.tsv" -v it="$TMP/i.tsv" 'BEGIN {
	OFS = "\t"
	print "worker_id", "name", "community", "post", "level" > r
	print "worker_id", "month", "performance" > it
	for (i = 0; i < 20; i++) {
		n = sprintf("%0800d", i)
		print sprintf("L%02d", i), n, "东园社区", "工作人员", 3 > r
	}
	for (i = 0; i < 3000; i++)
		print sprintf("S%04d", i), "王芳", "东园社区", "工作人员", \
		    1 + i % 60 > r
	for (i = 0; i < 20; i++)
		print sprintf("L%02d", i), "2024-01", 100 > it
	for (i = 0; i < 3000; i++)
		print sprintf("S%04d", i), "2024-01", i > it
}' || exit 1
for n in 3 1; do
	worker-salary -j $n "$TMP/r.tsv" "$TMP/i.tsv" >"$TMP/out$n" 2>"$TMP/err$n"
	echo "-j $n: exit $?, $(wc -l <"$TMP/out$n") lines"
done
cmp "$TMP/out1" "$TMP/out3" && cmp "$TMP/err1" "$TMP/err3" &&
	echo "-j 1, -j 3: the same"
cut -f 1,3-5 "$TMP/out3" | sed -n '1,2p;3020,3022p'
