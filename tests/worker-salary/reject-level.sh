# A level outside 1-60, or not a number, is rejected; full-width digits
# are folded (L4: 60, 4950.00).
{ worker-salary data/level.tsv; echo "exit $?" >&2; } | cut -f 1,5,7
