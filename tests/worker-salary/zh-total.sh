# --zh: the total row's label 合计 in the summary and in the comparison's
# summary (zhili(7), Values under --zh)
worker-salary --zh --summary --total ../../examples/data/workers/*.csv 2>/dev/null | tail -n 1
worker-salary --zh --compare data/scale-old.yaml --summary --total data/compare-onefile.tsv 2>/dev/null | tail -n 1
