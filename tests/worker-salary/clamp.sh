# The contribution base clamped at both limits: C1's gross 2550 is below
# base-min 4000 (pension 8% of 4000 = 320.00); C2's contribution_base
# 25000 above base-max 20000 (1600.00); C3's 12345.67 as it is (987.65,
# 987.6536 rounded); C4 without one: its gross 26000, clamped to 20000.
{ worker-salary data/clamp.tsv; echo "exit $?" >&2; } | cut -f 1,13-18
