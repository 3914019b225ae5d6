# Names read only on rows that are rejected (a unit whose only row has a
# bad registered_at; communities and a unit of rows rejected as a member
# listed twice) name nothing: the reports have no row for them, and the
# program does not read past its tables (it used to crash on the first).
dual-report data/rej-unit.csv
echo "exit $?"
dual-report --max-rejected 100% --report communities data/rej-unit.csv
echo "exit $?"
dual-report --report communities data/rej-dup.csv
echo "exit $?"
dual-report data/rej-dup.csv
echo "exit $?"
