# The example data (examples/data/volunteers/README) as of 2026-01-15: each
# volunteer's counted hours, points earned, redeemed and expired, balance
# and star, and the totals; the nine records broken on purpose rejected,
# 84 duplicates merged.  The .out was written by
# examples/tools/expect-volunteers.py, not by the program.
volunteer-points --as-of 2026-01-15 --total ../../examples/data/volunteers/*.csv
