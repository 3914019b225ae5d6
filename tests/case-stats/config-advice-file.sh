# The advice of unknown status words when a configuration file is given,
# worded for the file as it is, and followed: the next run counts the
# words, and the default words still.
cd "$TMP" || exit
M='-m total,closed,open,returned,cancelled'
cp "$OLDPWD/data/advice.csv" .
run() { # the run, its messages, then the last message's advice
	case-stats -c z.yaml $M advice.csv 2> err; echo "exit $?"; cat err
	sed -n 's/.*to count each as said above, //p' err > advice
}
# A file without the section: a line to add.
echo 'money: {unit: jiao}' > z.yaml
run
sed -n 's/^add this line to z.yaml: //p' advice >> z.yaml
cat z.yaml; run
# The section and the list there: words to add to the list, lines to add
# under the mapping.
printf '%s\n' '# the district' 'case-stats:' '  statuses:' \
	'    closed: [已结案]' '  satisfied: [基本满意]' > z.yaml
run
sed -e '4s/]$/, 已结, "结案, 归档"]/' -e '3a\    open: [待办]' \
	-e '3a\    returned: [已驳回]' z.yaml > y.yaml && mv y.yaml z.yaml
cat z.yaml; run
# The section there and empty (its keys commented out): the line to
# write instead.
printf '%s\n' 'case-stats:' '  # statuses:' > z.yaml
run
sed -n "s/^write 'case-stats' (z.yaml:1) as: //p" advice > z.yaml
cat z.yaml; run
