# The header below the first 20 rows: not looked for there.  Without -f
# the first row is the header (as for a file of any fields), with -f the
# fields picked are missing from it, as they were before title rows were
# looked for.
zhili-cat -f case_id data/title-far.csv
echo "exit $?"
zhili-cat data/title-far.csv | head -n 2
