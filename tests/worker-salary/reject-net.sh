# A net pay below zero is rejected.  Level 1: 2000, contributions on
# base-min 4000: 820; a deduction of 1180 leaves 0.00 (D1), 1180.01 less
# than nothing (D2).
{ worker-salary data/net.tsv; echo "exit $?" >&2; } | cut -f 1,13,18,23
