# The --reject file holds every record rejected, from files of different
# headers: in the first rejected one's columns where they fit, else whole
# in _raw; as many as the summary says.  B2's items are rejected for its
# roster row, which was (an unknown post).  20 records in: 4 payslips
# (B1, W01, W02, N9) + 13 rejected + 3 roster rows used (B1, W01, W02).
worker-salary --max-rejected 100% --reject "$TMP/rej.tsv" data/roster-bad.tsv data/items-bad.tsv data/roster-twice.tsv data/twice.tsv data/negative.tsv | cut -f 1,6
cat "$TMP/rej.tsv"
echo "rejected: $(tail -n +2 "$TMP/rej.tsv" | wc -l)"
