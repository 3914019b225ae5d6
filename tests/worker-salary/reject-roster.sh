# Monthly items of a worker not in the roster are rejected; workers of
# the roster with no items are reported on stderr (W02, W03, W04).
{ worker-salary data/roster.tsv data/items-x.tsv; echo "exit $?" >&2; } | cut -f 1,6,13
# Items without a roster at all.
worker-salary data/items-x.tsv
