# The absence deduction, the day's pay rounded, then the product: by
# default 2550 / 21.75 = 117.24 a day (A1 117.24, A2 293.10); A3 at level
# 1, 2000 / 21.75 = 91.95, 0.33 days 30.3435: 30.34.
{ worker-salary data/absence.tsv; echo "exit $?" >&2; } | cut -f 1,7,12,13
# paid-days 22: 2550 / 22 = 115.909..: 115.91 (A1), 289.775: 289.78 (A2);
# 2000 / 22 = 90.91, x 0.33 = 30.0003: 30.00.
{ worker-salary -c data/absence.yaml data/absence.tsv; echo "exit $?" >&2; } | cut -f 1,7,12,13
# absence-per-day 100 whatever the base, and the money unit jiao: 100.00,
# 250.00, 33.00; the tax and absence are rounded to jiao, the
# contributions by their own rounding (fen).
{ worker-salary -c data/absence-fixed.yaml data/absence.tsv; echo "exit $?" >&2; } | cut -f 1,7,12,13,18
