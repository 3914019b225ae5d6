# A month not after the --ytd state is rejected: January's payslips as
# --ytd for January again (and for February, which is taken).
grep -e '^worker_id' -e '2024-01' data/tax.tsv > "$TMP/jan"
worker-salary "$TMP/jan" > "$TMP/p"
{ worker-salary --ytd "$TMP/p" data/tax.tsv; echo "exit $?" >&2; } | cut -f 1,6
# Rows of the --ytd file that cannot be used are rejected too; the last
# row of T1 counts.
{ worker-salary --ytd data/ytd-bad.tsv data/tax.tsv; echo "exit $?" >&2; } | cut -f 1,6,20
# A --ytd file without the fields of the state (exit 3).
worker-salary --ytd data/items-x.tsv data/tax.tsv
echo "exit $?"
