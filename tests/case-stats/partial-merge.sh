# Split d1 in two, run each part with --partial, merge; compare with one
# run: every column equal, but hours_median and hours_p90 (from the
# mergeable histogram) within 1%.
head -n 5 data/d1.csv > "$TMP/p1.csv"
{ head -n 1 data/d1.csv; tail -n +6 data/d1.csv; } > "$TMP/p2.csv"
A='--as-of 2024-03-12'
case-stats $A --partial -b community "$TMP/p1.csv" > "$TMP/a.tsv" || echo "part 1: exit $?"
case-stats $A --partial -b community "$TMP/p2.csv" > "$TMP/b.tsv" || echo "part 2: exit $?"
case-stats --merge --total "$TMP/a.tsv" "$TMP/b.tsv" > "$TMP/merged.tsv" || echo "merge: exit $?"
case-stats $A -b community --total data/d1.csv > "$TMP/single.tsv" || echo "single: exit $?"
sh compare.inc "$TMP/single.tsv" "$TMP/merged.tsv"
