# -j takes a number of threads from 1 to 64.
case-stats -j 0 ../../examples/data/cases-2024.csv
echo "exit $?"
case-stats --jobs 65 ../../examples/data/cases-2024.csv
echo "exit $?"
case-stats -j 2x ../../examples/data/cases-2024.csv
