# -j with --classify: each thread matches the rules with its own match
# data, and gives what one pass gives, byte for byte.  A match that fails
# (regex.match-limit, a rule that backtracks without end) is left by its
# thread to the main one, which warns of it with its line, in order.
. ./jobs.inc
awk -v rows=3000 -v fmt=csv -f jobs-gen.awk > "$TMP/cases.csv"
jobs_same "$TMP/cases.csv" --as-of "2035-06-30 00:00:00" \
    --max-rejected 50% --classify=all --by category --total
cat > "$TMP/limit.yaml" << 'END'
regex:
  match-limit: 2000
case-stats:
  categories:
    - name: 回溯
      pattern: "(.|.)*\\d"
    - name: 环境卫生
      pattern: "杂物|引号"
END
awk -v rows=120 -v fmt=csv -f jobs-gen.awk > "$TMP/few.csv"
jobs_same "$TMP/few.csv" -c "$TMP/limit.yaml" --as-of "2035-06-30 00:00:00" \
    --classify --by category
