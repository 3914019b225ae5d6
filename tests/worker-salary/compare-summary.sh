# --compare --summary: per post (the default with --compare) the workers,
# their months, the mean gross of a month under the old scale and now,
# and the ratio of the two means: the group's gross now / its gross under
# the old scale, computed from the totals in integers (not from the
# rounded means, nor the mean of the workers' ratios), rounded half away
# from zero.  工作人员: W03 and W04, 3 months; old 1600 + 12000 = 13600,
# mean 4533.33 (4533.333..); now 14700, mean 4900.00; 14700 / 13600 =
# 1.0808.. -> 1.08 (the mean of their ratios, (1.69 + 1.00) / 2, would
# say 1.35).  total: old 5550 + 4300 + 13600 = 23450 over 7 months,
# 3350.00; now 30906.90, 4415.27; 30906.90 / 23450 = 1.3179.. -> 1.32.
worker-salary --compare data/scale-old.yaml --summary --total data/roster.tsv data/items.csv
# --by community,post, Chinese titles, as a table.
worker-salary --compare data/scale-old.yaml --summary --by community,post --total --zh -o table data/roster.tsv data/items.csv
# --by community.
worker-salary --compare data/scale-old.yaml --summary --by community data/roster.tsv data/items.csv
