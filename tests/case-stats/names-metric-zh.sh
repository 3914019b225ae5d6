# the Chinese titles of --zh (full-width parentheses too) as the names
case-stats -m '事件总数,办结率(%),按期办结率（%）' data/d1.csv >"$TMP/zh"
case-stats -m total,resolution_pct,on_time_pct data/d1.csv >"$TMP/en"
diff "$TMP/en" "$TMP/zh" && cat "$TMP/zh"
