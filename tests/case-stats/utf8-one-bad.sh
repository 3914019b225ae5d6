# A UTF-8 export with one invalid byte (C03's description, a character
# cut short): that case is rejected, the others counted (issue 11, item
# 5: the file was read as GB18030 and the run ended with exit 3).
case-stats --as-of "2024-04-02 00:00:00" --by 社区 --total data/d1-bad-byte.csv
