# A partial row whose histogram is empty while 2 cases were closed (it
# gave a median of -92233720368547758.08, exit 0): rejected, and the
# other group's figures written (exit 1).
{
	printf 'community\t_open\t_returned\t_closed\t_cancelled\t_on_time\t_due\t_overdue\t_rated\t_satisfied\t_hours_n\t_hours_sum\t_hours_max\t_hours_hist\n'
	printf 'A社区\t0\t1\t2\t1\t1\t2\t0\t2\t1\t2\t201600\t194400\tz=0;462:1;633:1\n'
	printf 'B社区\t0\t0\t2\t0\t0\t0\t0\t0\t0\t2\t7200\t3600\tz=0\n'
} > "$TMP/p.tsv"
cd "$TMP" || exit
case-stats --merge -m total,closed,hours_median,hours_p90 p.tsv
