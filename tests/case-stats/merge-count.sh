# Partial results put one after the other repeat their header line: it is
# not a record, so the summary counts only the partial rows (2 rows, then
# 3, and a row damaged: 1 of 6 records rejected, not of 7).
case-stats --partial -b community data/dup.csv > "$TMP/p1" 2> /dev/null
case-stats --partial -b community data/dup.tsv > "$TMP/p2" 2> /dev/null
{ cat "$TMP/p1" "$TMP/p2"; tail -n 1 "$TMP/p1" | sed 's/\t[0-9]*\t/\t-1\t/'; } |
	case-stats --merge -b community -m total
echo "exit $?"
