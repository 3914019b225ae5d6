# The period options choose which months' payslips are written and
# summed; the months before still count in the cumulative withholding
# (data/tax.tsv: five months of 2024).  March's payslips alone are the
# March lines of all the payslips, tax and net included.
worker-salary data/tax.tsv > "$TMP/all"
worker-salary --month 2024-03 data/tax.tsv > "$TMP/mar"
{ head -n 1 "$TMP/all"; grep '	2024-03	' "$TMP/all"; } | diff - "$TMP/mar" &&
	echo "March: the same lines"
# A quarter; --from and --to take the months whose first day is in the
# period (2024-02-15 to 2024-04-30: March and April).
worker-salary --quarter 2024-Q1 data/tax.tsv | cut -f 6 | sort -u
worker-salary --from 2024-02-15 --to 2024-04-30 data/tax.tsv | cut -f 6 | sort -u
# The summary of one month: headcount and figures of that month only.
worker-salary --summary --total --month 2024-05 data/tax.tsv
# --compare too.
worker-salary --compare data/scale-old.yaml --month 2024-01 data/tax.tsv | head -n 3
# A period with no payslip: said on stderr, the header alone.
worker-salary --month 2023-12 data/tax.tsv
