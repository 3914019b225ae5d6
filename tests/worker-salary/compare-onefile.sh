# Roster and items in one file: each month on the old scale from that
# month's row.  X1 moves from 副主任 to 主任 in February, one more year
# passed.  Now: January 副职 11 + 本科 2 + 4 = 17, 2800 + 500 = 3300;
# February 正职 21 + 2 + 5 = 28, 3350 + 500 = 3850; March + the 社会工作师
# allowance of 2024-02-20, 100: 3950; 11100.  Old (data/scale-old.yaml):
# 11 + 1 + 4 = 16, 1375 + 500 = 1875; 正职 11 + 1 + 5 = 17, 1400 + 500 =
# 1900; March + 50: 1950; 5725.  11100 / 5725 = 1.9388.. -> 1.94.  The
# worker's post is that of its last month, 正职, and the summary counts
# its three months there: old mean 1908.33 (1908.333..), new 3700.00.
worker-salary --compare data/scale-old.yaml data/compare-onefile.tsv
worker-salary --compare data/scale-old.yaml --summary --total data/compare-onefile.tsv
