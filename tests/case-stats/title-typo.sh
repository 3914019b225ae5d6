# Title rows above a header that lacks one field needed (status is
# 'state'): the header is the row that names most of them, the message
# gives its line and the alias that would map the column; following the
# advice reads it.
case-stats data/title-nostatus.csv
echo "exit $?"
printf 'aliases: {status: [state]}\n' > "$TMP/a.yaml"
case-stats -c "$TMP/a.yaml" -m total data/title-nostatus.csv
echo "exit $?"
