# Title rows above the header of a case export, in CSV (one) and TSV (two,
# the second with empty cells): skipped and said, once a file; the figures
# are those of the file without them (a TSV read twice to merge
# duplicates too).
case-stats --as-of "2024-04-02 00:00:00" --by 社区 --total data/title.csv
case-stats --as-of "2024-04-02 00:00:00" --by 社区 --total data/title.csv 2>/dev/null > "$TMP/a"
case-stats --as-of "2024-04-02 00:00:00" --by 社区 --total data/d1.csv > "$TMP/b"
cmp "$TMP/a" "$TMP/b" && echo "the same as without the title row"
case-stats -m total,closed,open,returned,hours_max data/title-dup.tsv
case-stats -m total,closed,open,returned,hours_max data/dup.tsv 2>/dev/null
