# A month rejected (2023: no contributions configured) is in neither
# gross: Y1 has one month, 2024-01, level 1: 2000 now, 1000 in the old
# scale.  Exit 1.
worker-salary --compare data/scale-old.yaml data/year.tsv
echo "exit $?"
# Items without a roster: every row rejected, more than max-rejected
# allows: nothing written.
worker-salary --compare data/scale-old.yaml data/items.csv
echo "exit $?"
# The same, the rejected allowed: the total of no worker, no mean and no
# ratio.
worker-salary --compare data/scale-old.yaml --summary --total --max-rejected 100% data/items.csv
echo "exit $?"
