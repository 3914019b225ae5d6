# A month twice across two files of items (read in parts with -j 2): the
# later row rejected from its own file, the first named in the other;
# the --reject file holds the later row.
for j in 1 2; do
	worker-salary -j $j --max-rejected 100% --reject "$TMP/rej$j.tsv" \
	    data/jobs-roster.tsv data/jobs-items.tsv data/twice-b.tsv \
	    2>&1 >/dev/null | grep twice
	cat "$TMP/rej$j.tsv"
done
