case-stats --no-dedupe -m total,closed,open,returned data/dup.csv
