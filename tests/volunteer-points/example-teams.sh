# The 72 teams in 2025 (996 projects, 8000+ services; volunteers counts
# every volunteer who served in the team, before 2025 too).  The .out was
# written by examples/tools/expect-volunteers.py.
volunteer-points --as-of 2026-01-15 --report teams --year 2025 --total ../../examples/data/volunteers/*.csv
