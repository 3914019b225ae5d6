# Rows whose XML is longer than the reader's chunk of a sheet (64 KiB):
# the row that takes the lines made past the reader's batch (256 KiB) is
# read whole, not cut where the chunk ends (its last cells were dropped).
# Six rows of ten cells of 10,000 characters, as a workbook and back.
awk 'BEGIN {
	for (i = 0; i < 10; i++)
		printf "%sf%d", i ? "\t" : "", i
	print ""
	for (r = 1; r <= 6; r++)
		for (i = 0; i < 10; i++) {
			s = sprintf("%d.%d:", r, i)
			while (length(s) < 10000)
				s = s "abcdefghij"
			printf "%s%s", s, i < 9 ? "\t" : "\n"
		}
}' > "$TMP/long.tsv"
zhili-cat -o xlsx "$TMP/long.tsv" > "$TMP/long.xlsx"
zhili-cat "$TMP/long.xlsx" > "$TMP/back.tsv"; echo "exit $?"
cmp "$TMP/long.tsv" "$TMP/back.tsv" && echo "the same"
awk -F '\t' '{ print NR, NF, length($0) }' "$TMP/back.tsv"
