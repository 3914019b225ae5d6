# The configuration errors that say what to write, followed: the next run
# works.  (words.csv: 已结, and the built-in 已办结.)
cd "$TMP" || exit
cp "$OLDPWD/data/words.csv" .
run() { case-stats -c z.yaml -m total,closed,on_time words.csv 2> err; echo "exit $?"; cat err; }
# an unknown key: the one it means
printf '%s\n' 'case-stats:' '  statuse: {closed: [已结]}' > z.yaml
run
k=$(sed -n "s/.*(did you mean '\(.*\)'?)$/\1/p" err)
sed "s/statuse:/$k:/" z.yaml > y.yaml && mv y.yaml z.yaml
run
# a time limit such as it says
printf '%s\n' 'case-stats:' '  statuses: {closed: [已结]}' '  time-limits:' \
	'    default: soon' > z.yaml
run
k=$(sed -n "s/.*expected a time limit such as '\([^']*\)'.*/\1/p" err)
sed "s/soon/$k/" z.yaml > y.yaml && mv y.yaml z.yaml
run
# an unknown tag: the one it means
printf '%s\n' 'case-stats:' '  statuses:' '    closed: !replce [已结, 已办结]' > z.yaml
run
k=$(sed -n "s/.*(did you mean '\(.*\)'?)$/\1/p" err)
sed "s/!replce/$k/" z.yaml > y.yaml && mv y.yaml z.yaml
run
