# Rejections keep the order of the rows, whoever rejects them: a row
# with an unknown member (X9, line 14, rejected by dual-report) before
# one of 3 fields (line 15, rejected by the reader, silently: its
# reason is past its first 10, lines 2-11 and 13), on stderr and in the
# --reject file; M01's rows of lines 12 and 16 are used.
{
	printf 'date\tmember_id\tactivity\thours\n'
	for i in 1 2 3 4 5 6 7 8 9 10; do
		printf '2025-03-01\tM01\t巡逻\n'
	done
	printf '2025-03-01\tM01\t巡逻\t1\n2025-03-01\tM01\t巡逻\n'
	printf '2025-03-02\tX9\t巡逻\t1\n2025-03-02\tM01\t巡逻\n'
	printf '2025-03-02\tM01\t走访\t2\n'
} > "$TMP/acts.tsv"
dual-report --reject "$TMP/rej.tsv" data/members.csv "$TMP/acts.tsv" \
	> /dev/null 2> "$TMP/err"
echo "exit $?"
sed "s|$TMP/||g" "$TMP/err"
cut -f 1-2,5 "$TMP/rej.tsv" | sed "s|$TMP/||g"
