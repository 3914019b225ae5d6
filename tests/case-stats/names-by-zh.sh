# the Chinese titles of --zh as the --by names
case-stats -b 社区,月份 -m total,closed data/d1.csv >"$TMP/zh"
case-stats -b community,month -m total,closed data/d1.csv >"$TMP/en"
diff "$TMP/en" "$TMP/zh" && cat "$TMP/zh"
case-stats -b 星期,小时 -m total --top 3 data/d1.csv >"$TMP/zh"
case-stats -b weekday,hour -m total --top 3 data/d1.csv >"$TMP/en"
diff "$TMP/en" "$TMP/zh" && cat "$TMP/zh"
