# Usage errors: --total and --by are for --summary; a --by that is none.
worker-salary --total data/sta.tsv
echo "exit $?"
worker-salary --summary --by grid data/sta.tsv
echo "exit $?"
# A file that is neither items nor a roster (exit 3).
printf 'a\tb\n1\t2\n' | worker-salary
echo "exit $?"
# -j: 1 to 64 threads.
worker-salary -j 0 data/sta.tsv
echo "exit $?"
