# A negative amount is rejected in every amount field (none allows one),
# as is one that is not an amount, one of more than 100 million yuan,
# and more than 31 days of absence.
# N9's ¥1,200.50 is an amount: 2000 + 1200.50 = 3200.50.
{ worker-salary data/negative.tsv; echo "exit $?" >&2; } | cut -f 1,13
