case-stats --records -o csv data/dup.csv 2>/dev/null | cut -d, -f1,4,7,8
