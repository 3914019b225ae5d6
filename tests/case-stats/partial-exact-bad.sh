# --exact's partial results checked line by line, each bad one rejected
# with its file, line and reason: durations that are not (a word, an
# empty one, a trailing ';', past 4294967295 seconds), as many as
# _hours_n, adding up to _hours_sum, the longest _hours_max; the good
# lines merged exactly (median of 1, 2 and 4 hours).
cd "$TMP" || exit
h='community\t_open\t_returned\t_closed\t_cancelled\t_on_time\t_due\t_overdue\t_rated\t_satisfied\t_hours_n\t_hours_sum\t_hours_max\t_hours_exact\n'
{
	printf "$h"
	printf 'A\t0\t0\t2\t0\t0\t0\t0\t0\t0\t2\t10800\t7200\t3600;3600\n'
	printf 'A\t0\t0\t1\t0\t0\t0\t0\t0\t0\t1\t14400\t14400\t14400\n'
	printf 'B\t0\t0\t2\t0\t0\t0\t0\t0\t0\t2\t30\t20\t10;x\n'
	printf 'B\t0\t0\t2\t0\t0\t0\t0\t0\t0\t2\t30\t20\t10;;10\n'
	printf 'B\t0\t0\t2\t0\t0\t0\t0\t0\t0\t2\t30\t20\t10;10;\n'
	printf 'B\t0\t0\t2\t0\t0\t0\t0\t0\t0\t2\t4294967296\t4294967295\t4294967295;1\n'
	printf 'B\t0\t0\t3\t0\t0\t0\t0\t0\t0\t3\t30\t20\t10;10\n'
	printf 'B\t0\t0\t2\t0\t0\t0\t0\t0\t0\t2\t31\t20\t10;10\n'
	printf 'B\t0\t0\t2\t0\t0\t0\t0\t0\t0\t2\t40\t30\t20;0\n'
	printf 'B\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t5\n'
	printf 'C\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t\n'
} > p.tsv
case-stats --merge -m total,closed,hours_mean,hours_median,hours_max p.tsv
echo "exit $?"
