# --merge checks every field of a partial row, and each against the
# others (data/partial-bad.tsv: a row for each kind of damage, rows whose
# sums leave the range, a row of zeros): each bad row is rejected with its
# line and field, and goes to the --reject file; 26 rows in = 5 merged +
# 21 rejected.
case-stats --merge --total --verbose --max-rejected 100% \
    --reject "$TMP/rej.tsv" data/partial-bad.tsv
echo "exit $?"
echo "rejected: $(($(wc -l < "$TMP/rej.tsv") - 1))"
cut -f1 "$TMP/rej.tsv" | tail -n +2 | tr '\n' ' '
echo
