# The ratio rounded half away from zero: R1 (level 1 given, performance
# 7000) 9000 / 8000 = 1.125 -> 1.13; R3 9001 / 8001 = 1.12498.. -> 1.12.
# R2's level 2 is 0 in the old scale (data/scale-round.yaml): gross_old
# 0.00, and its ratio empty (null in JSON).  The post's ratio is that of
# the exact means: 18001 / 16001 = 1.12499.. -> 1.12.
worker-salary --compare data/scale-round.yaml data/compare-round.tsv
worker-salary --compare data/scale-round.yaml --summary --total data/compare-round.tsv
worker-salary --compare data/scale-round.yaml --summary -o json data/compare-round.tsv
