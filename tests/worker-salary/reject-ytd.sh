# A month not after the --ytd state is rejected: January's payslips as
# --ytd for January again (and for February, which is taken).
grep -e '^worker_id' -e '2024-01' data/tax.tsv > "$TMP/jan"
worker-salary "$TMP/jan" > "$TMP/p"
{ worker-salary --ytd "$TMP/p" data/tax.tsv; echo "exit $?" >&2; } | cut -f 1,6
