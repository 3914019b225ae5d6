# The header of partial results: a field of the partial state missing, or
# one it does not know (of another version), ends the run (exit 3); a
# header line repeated (partial streams one after the other) is skipped,
# one of another layout ends the run with what to do instead, which works.
A='--as-of 2024-03-12'
case-stats $A --partial -b community data/d1.csv > "$TMP/p.tsv"
cd "$TMP" || exit
echo "== an unknown field"
sed '1s/$/\t_version/;2,$s/$/\t2/' p.tsv > v.tsv
case-stats --merge -m total v.tsv; echo "exit $?"
echo "== the header again"
cat p.tsv p.tsv | case-stats --merge -m total; echo "exit $?"
echo "== the header again, in another order"
awk -F'\t' -v OFS='\t' '{ t = $2; $2 = $3; $3 = t; print }' p.tsv \
    > x.tsv
cat p.tsv x.tsv | case-stats --merge -m total; echo "exit $?"
case-stats --merge -m total p.tsv x.tsv; echo "exit $?"
