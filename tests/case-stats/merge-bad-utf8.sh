# Partial results are case-stats's own output, UTF-8: a group key of
# invalid UTF-8 is a rejected row, not a reason to read the file as
# GB18030.
case-stats --as-of 2024-03-12 --partial -b community data/d1.csv > "$TMP/p.tsv"
cd "$TMP" || exit
printf 'C\377\376\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\tz=0\n' >> p.tsv
case-stats --merge -m total,open p.tsv
