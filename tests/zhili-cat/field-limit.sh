# A record may have 10,000 fields, not one more: in TSV, in CSV with no
# quotes and in CSV with quotes, 10,000 pass and 10,001 are rejected.
row() { # row N SEP [Q]: N fields, the first quoted when Q is given
	awk -v n="$1" -v s="$2" -v q="$3" 'BEGIN {
		printf "%s", q "1" q
		for (i = 2; i <= n; i++) printf "%s%d", s, i
		printf "\n" }'
}
cd "$TMP" || exit
for sep in tab comma quoted; do
	case $sep in
	tab) s='	' q= ext=tsv ;;
	comma) s=, q= ext=csv ;;
	quoted) s=, q='"' ext=csv ;;
	esac
	{ row 10000 "$s"; row 10000 "$s" "$q"; row 10001 "$s" "$q"; } \
		> "f.$ext"
	zhili-cat "f.$ext" > out
	echo "$sep: exit $?"
	awk -F '\t' '{ print NF }' out
done
# a header of 10,001 unquoted fields is refused too
row 10001 , > h.csv
zhili-cat h.csv > out
echo "header: exit $?"
