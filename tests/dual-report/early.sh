# Early activities: before the member registered (E1, 2025-03-01) or of a
# member never registered (E2, naming its community): kept and counted in
# activities, hours and solved, counted apart in early, not toward the
# minimum; each one in the period flagged on stderr, the first 10 and
# then their count.  The first quarter: E1 has 13 activities, 12 early
# (February), 14.00 h: 1 non-early, below the minimum 2; E2 1, early.
dual-report --report members --quarter 2025-Q1 data/early-m.csv data/early-a.csv
# The units and communities reports count them too (13 + 1, 13 early).
dual-report --quarter 2025-Q1 data/early-m.csv data/early-a.csv 2>/dev/null
dual-report --report communities --quarter 2025-Q1 data/early-m.csv data/early-a.csv 2>/dev/null
# --verbose: every one.
dual-report --report members --quarter 2025-Q1 --verbose data/early-m.csv data/early-a.csv 2>&1 >/dev/null | grep -c 'before member'
# Only those in the period are flagged: March has none (03-01 is the day
# E1 registered: not early).
dual-report --month 2025-03 data/early-m.csv data/early-a.csv
