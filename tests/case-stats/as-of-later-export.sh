# A March report made from an April export with --as-of 2024-04-01 gives
# the figures the export of 1 April gives: cases closed (or cancelled)
# after it count as open then, unrated, overdue when their deadline was
# past; cases reported after it are left out.  (data/README: asof-*.)
A='--as-of 2024-04-01 -b community --total'
same() { cmp -s "$1" "$2" && echo "the same" || echo "DIFFERS"; }
case-stats $A data/asof-april.csv > "$TMP/april.out"; echo "exit $?"
case-stats $A data/asof-march.csv > "$TMP/march.out"; echo "exit $?"
same "$TMP/march.out" "$TMP/april.out"
cat "$TMP/april.out"
# the same with the period given, from standard input, and merged
case-stats --month 2024-03 $A < data/asof-april.csv > "$TMP/stdin.out"
same "$TMP/march.out" "$TMP/stdin.out"
# (but the percentiles, from histograms)
M=-m$(head -n 1 "$TMP/march.out" | cut -f 2- | tr '\t' '\n' | grep -v 'hours_median\|hours_p90' | paste -sd,)
case-stats $A $M data/asof-march.csv > "$TMP/march-m.out"
case-stats --as-of 2024-04-01 -b community --partial data/asof-april.csv |
	case-stats --merge -b community --total $M > "$TMP/merge.out"
same "$TMP/march-m.out" "$TMP/merge.out"
# as of 10 April: every case, E3 E4 closed (E4 late), E7 cancelled
case-stats --as-of 2024-04-10 -b community --total -m total,closed,open,cancelled,on_time,closed_late,with_deadline,overdue_open,rated data/asof-april.csv
# the case records as of 1 April: E3 E4 E7 open (closed_at as exported), no E8
case-stats --as-of 2024-04-01 --records data/asof-april.csv | zhili-cat -f case_id,closed_at,state,hours_to_close,on_time
