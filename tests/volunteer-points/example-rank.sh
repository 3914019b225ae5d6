# The ten volunteers with the most counted hours in 2025.  The .out was
# written by examples/tools/expect-volunteers.py.
volunteer-points --as-of 2026-01-15 --report rank --top 10 --year 2025 ../../examples/data/volunteers/*.csv
