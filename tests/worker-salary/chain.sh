# The chain: each month's payslips as the next month's --ytd give the
# same payslips as the months in one run (data/tax.tsv: a bracket crossed
# both ways, a month of no tax).  T2 has no February: its state is in
# January's payslips, so --ytd is given the payslips so far (the latest
# month of each worker counts), not February's alone.
worker-salary data/tax.tsv > "$TMP/all"
for m in 01 02 03 04 05; do
	grep -e '^worker_id' -e "	2024-$m	" data/tax.tsv > "$TMP/in-$m"
done
worker-salary "$TMP/in-01" > "$TMP/ytd"
for m in 02 03 04 05; do
	worker-salary --ytd "$TMP/ytd" "$TMP/in-$m" > "$TMP/p-$m" || exit
	tail -n +2 "$TMP/p-$m" >> "$TMP/ytd"
done
sort "$TMP/all" | diff - "$(sort "$TMP/ytd" > "$TMP/s"; echo "$TMP/s")" &&
	echo same
# February's payslips alone: T2's March starts the year again, three
# months of 5000 from January with no January income: -12320, not -9640.
worker-salary --ytd "$TMP/p-02" "$TMP/in-03" | grep T2 | cut -f 1,6,20
