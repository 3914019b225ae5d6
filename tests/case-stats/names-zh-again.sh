# The column titles of a --zh report, copied into the next command: the
# same report.
case-stats --zh -b community,month -m total,resolution_pct,hours_p90 data/d1.csv >"$TMP/zh"
by=$(head -n 1 "$TMP/zh" | cut -f 1,2 | tr '\t' ,)
m=$(head -n 1 "$TMP/zh" | cut -f 3- | tr '\t' ,)
sort=$(head -n 1 "$TMP/zh" | cut -f 5)
echo "-b $by -m $m --sort -$sort"
case-stats --zh -b "$by" -m "$m" data/d1.csv | diff "$TMP/zh" - && cat "$TMP/zh"
case-stats --zh -b "$by" -m "$m" --sort "-$sort" data/d1.csv
