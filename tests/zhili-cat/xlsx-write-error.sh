# A failed write of the workbook: exit 3 with the message; so is a
# temporary folder that does not exist.  Nothing is left behind.
zhili-cat -o xlsx data/people.tsv > /dev/full; echo "exit $?"
mkdir "$TMP/tmp"
TMPDIR=$TMP/no-such zhili-cat -o xlsx data/people.tsv > "$TMP/x.xlsx" \
	2> "$TMP/err"
echo "exit $?"
sed "s|$TMP|TMP|" "$TMP/err"
TMPDIR=$TMP/tmp zhili-cat --strict -o xlsx data/bad.csv > "$TMP/x.xlsx"
echo "exit $?"
ls "$TMP/tmp"
# a value longer than a cell holds
awk 'BEGIN { printf "v\n"; for (i = 0; i < 32768; i++) printf "x"; printf "\n" }' |
	TMPDIR=$TMP/tmp zhili-cat -o xlsx > "$TMP/x.xlsx"
echo "exit $?"
ls "$TMP/tmp"
