# Hire dates in the forms rosters write ("2024/3/5", "2024-03-05",
# "2024-3-5"; 2024/2/29 a day of a leap year) and others (read as
# zhili(7) reads dates): the months employed this year from the hire
# month, 5000 a month each, in taxable_ytd; days no month has rejected.
{ worker-salary data/dates.tsv; echo "exit $?" >&2; } | cut -f 1,6,20
