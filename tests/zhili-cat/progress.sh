# The progress line on stderr, shown with sed -n l (a CR starts it), its
# speed in records/s (which varies) as N.
zhili-cat --progress data/people.tsv 2> "$TMP/e" >/dev/null; rc=$?
tr "\r" "\n" < "$TMP/e" | grep -c "100.0% of 0.0 MB"
sed -n 's/[0-9][0-9]* records\/s$/N records\/s/; l' "$TMP/e" >&2
exit $rc
