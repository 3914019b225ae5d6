# --records with no record accepted (each rejected, none in the period,
# only a header, nothing at all), in every output format, de-duplicated
# or not: the header line alone (make check-asan runs this under UBSan).
cd "$TMP" || exit
printf 'case_id,reported_at,status\nX1,bad,处置中\nX2,2024-03-01,处置中\n' > a.csv
printf 'case_id,reported_at,status\n' > h.csv
: > e.csv
for o in tsv csv json table md; do
	echo "== -o $o"
	case-stats --records -o $o --max-rejected 100% --from 2030-01-01 a.csv
	echo "exit $?"
	case-stats --records -o $o --no-dedupe --from 2030-01-01 < a.csv
	echo "exit $?"
	case-stats --records -o $o h.csv; echo "exit $?"
	case-stats --records -o $o --no-dedupe < e.csv; echo "exit $?"
done
