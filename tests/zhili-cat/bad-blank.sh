# A line that holds nothing but a byte not of its encoding is no blank
# line: it is rejected, at its own line, and the next record is read as
# it is (GB18030 drops the byte in conversion; TSV and CSV).
cd "$TMP" || exit
printf 'a\tb\n\304\343\t1\n\367\n\272\303\t2\n' > gbk.tsv
printf 'a,b\n\304\343,1\n\367\n\272\303,2\n\001\000\n' > gbk.csv
for f in gbk.tsv gbk.csv; do
	zhili-cat "$f"
	echo "$f: exit $?"
done
# a CR before the bad byte: still no blank line
printf 'id\tname\n\r\376\n\000' > cr.csv
zhili-cat --csv --encoding gbk cr.csv
echo "cr.csv: exit $?"
