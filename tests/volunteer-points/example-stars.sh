# Star levels per team, by cumulative counted hours (2022-2023 and 2025).
# The .out was written by examples/tools/expect-volunteers.py.
volunteer-points --as-of 2026-01-15 --report stars --total ../../examples/data/volunteers/*.csv
