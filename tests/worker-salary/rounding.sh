# Each contribution rounded on its own by the year's rounding: a base of
# 4123.45.  Pension 8% = 329.876, medical 2% = 82.469, unemployment 0.5%
# = 20.61725, housing fund 10% = 412.345.
# fen, half-away: 329.88 82.47 20.62 412.35 (total 845.32)
{ worker-salary data/round.tsv; echo "exit $?" >&2; } | cut -f 14-18
# jiao, up: 329.90 82.50 20.70 412.40 (845.50)
{ worker-salary -c data/jiao-up.yaml data/round.tsv; echo "exit $?" >&2; } | cut -f 14-18
# yuan, down: 329.00 82.00 20.00 412.00 (843.00)
{ worker-salary -c data/yuan-down.yaml data/round.tsv; echo "exit $?" >&2; } | cut -f 14-18
