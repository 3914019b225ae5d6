# Each zhili-cat's exit status into $TMP/rc1..3, shown after the result.
{ zhili-cat data/people.tsv; echo $? > "$TMP/rc1"; } |
	{ zhili-cat -o csv; echo $? > "$TMP/rc2"; } |
	{ zhili-cat; echo $? > "$TMP/rc3"; } | cmp - data/people.tsv && echo same
echo "exit $(cat "$TMP/rc1") $(cat "$TMP/rc2") $(cat "$TMP/rc3")"
