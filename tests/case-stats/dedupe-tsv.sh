case-stats -m total,closed,open,returned,hours_max data/dup.tsv; echo "exit $?"
case-stats --no-dedupe -m total data/dup.tsv; echo "exit $?"
case-stats --records -o csv data/dup.tsv > "$TMP/r.csv"; echo "exit $?"; cut -d, -f1 "$TMP/r.csv" | tail -n 2
