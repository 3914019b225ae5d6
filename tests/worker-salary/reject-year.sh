# A month of a year whose contributions are not configured is rejected,
# naming the year; its advice followed (data/year2023.yaml), it is
# computed (on base-min 3800: 779.00).
{ worker-salary data/year.tsv; echo "exit $?" >&2; } | cut -f 1,6,18
{ worker-salary -c data/year2023.yaml data/year.tsv; echo "exit $?" >&2; } | cut -f 1,6,18
