# --summary per community and post: headcount (workers), gross in all,
# the mean gross and net of a payslip, the employer's cost; --total.
# 西地社区 正职: W01's 4850 + 4650 = 9500, mean 4750.00.
worker-salary --summary --total data/roster.tsv data/items.csv
# --by post, in Chinese, as a table.
worker-salary --summary --by post --total --zh -o table data/roster.tsv data/items.csv
# --by community.
worker-salary --summary --by community data/roster.tsv data/items.csv
