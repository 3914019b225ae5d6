# The fourth quarter's export as Excel on Chinese Windows saves it (GB18030,
# CRLF, dates 2025/10/5, a full-width volunteer id, one without an id),
# read alone.  The .out was written by examples/tools/expect-volunteers.py.
volunteer-points --as-of 2026-01-15 --report teams --quarter 2025-Q4 --total ../../examples/data/volunteers/services-2025-Q4-gbk.csv
