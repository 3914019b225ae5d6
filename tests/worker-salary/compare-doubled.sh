# A scale whose every amount is doubled (-c data/doubled.yaml: the
# levels, the allowances, the day's pay of an absence) against the one it
# doubles (data/scale-base.yaml: the built-in levels and allowances, an
# absence 60 a day), with no other pay in the months: each worker's
# ratio, each post's and the total's are exactly 2.00.  The old scale is
# merged over the built-in configuration, not over -c (else it would have
# the doubled levels, and 1.00).  D1 书记: 21 + 本科 2 + 3 years = 26, 3250;
# 社会工作师 of 2024-01-10 from February: 3250 + 3250 + 100 - 1.5 x 60 =
# 6510; doubled 6500 + 6500 + 200 - 1.5 x 120 = 13020.  D3 大专, level 2:
# 2050 + 50 - 2 x 60 + 2050 + 50 = 4080; doubled 8160.
worker-salary -c data/doubled.yaml --compare data/scale-base.yaml data/doubled.tsv
worker-salary -c data/doubled.yaml --compare data/scale-base.yaml --summary --total data/doubled.tsv
