# Records in = out + rejected + merged (+ the rows that are not records:
# title, header and total rows), on a sheet with a known mix: a
# title row, a row without community (rejected; its grid 1 passes to no
# row), a bad identity number, 2栋 again (merged: left out, its count
# 三十 no problem), two rows of only commas (blank lines, as every
# program reads them: not records) and a total row.
grid-import --reject "$TMP/rej" data/mix.csv > "$TMP/units" 2> "$TMP/err"
echo "exit $?"
cat "$TMP/err"
grid-import --check data/mix.csv > "$TMP/check" 2> /dev/null
cut -f2,5,6,7,8 "$TMP/check"
in=$(grep -vc '^,*$' data/mix.csv)
out=$(grep -c '^building' "$TMP/units")
rejected=$(($(grep -c '' "$TMP/rej") - 1)) # less its header
merged=$(grep -c 'the same building twice' "$TMP/check")
tidy=$(grep 'tidied' "$TMP/err")
n() { printf '%s\n' "$tidy" | sed -n "s/.* \([0-9][0-9]*\) $1.*/\1/p"; }
skipped=$(($(n 'title row') + 1 + $(n 'total row')))
echo "in $in, out $out, rejected $rejected, merged $merged, not records $skipped"
[ "$in" -eq $((out + rejected + merged + skipped)) ] && echo "in = out + rejected + merged + not records"
