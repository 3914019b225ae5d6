# case-stats --reject in.csv in.csv: a usage error, the input kept.
cp data/bad.csv "$TMP/in.csv"
cd "$TMP" || exit
case-stats --reject in.csv in.csv; echo "exit $?"
case-stats --merge --reject in.csv < in.csv; echo "exit $?"
cmp in.csv "$OLDPWD/data/bad.csv" && echo "input kept"
