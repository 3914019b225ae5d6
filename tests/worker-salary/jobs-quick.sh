# -j 2 on items the parts check as they read them (every slip's pay
# accepted whatever the state, data.quick): pay_run checks nothing then,
# and each worker's months are put in order as its payslips are written.
# Six workers, four months in month order (a part each two months), all
# good: the same payslips as -j 1.  Then a month twice, across the cut
# (A2's 2024-02 again at the end) and within a part (A3's 2024-01 twice):
# each rejected as -j 1 rejects it, the others' payslips the same.
. data/jobs.sh
cp data/jobs-roster.tsv "$TMP/roster.tsv"
cd "$TMP" || exit 1
{
	printf 'worker_id\tmonth\tperformance\n'
	for m in 01 02 03 04; do
		for w in 1 2 3 4 5 6; do
			printf 'A%s\t2024-%s\t%s\n' $w $m $((1000 + 10 * w))
		done
	done
} >items.tsv
same roster.tsv items.tsv 1,6,13,23
{
	cat items.tsv
	printf 'A2\t2024-02\t1500\n'
} >across.tsv
same roster.tsv across.tsv 1,6,13,23 | tail -n 4
sed '4p' items.tsv >within.tsv
same roster.tsv within.tsv 1,6,13,23 | tail -n 4
# A roster's worker with no items (A5) said so, as -j 1 says it.
grep -v '^A5' items.tsv >noa5.tsv
same roster.tsv noa5.tsv 1,6,13,23 | tail -n 3
