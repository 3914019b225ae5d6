# A month before the hire month is rejected; hired in March, the months
# employed count from March: March 2000 - 5000 - 820 = -3820, April
# -3820 + 2000 - 5000 - 820 = -7640.
{ worker-salary data/hired.tsv; echo "exit $?" >&2; } | cut -f 1,6,13,20
