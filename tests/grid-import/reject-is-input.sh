# grid-import --reject in.csv in.csv: a usage error, the input kept.
cp data/messy.csv "$TMP/in.csv"
cd "$TMP" || exit
grid-import --reject in.csv in.csv; echo "exit $?"
cmp in.csv "$OLDPWD/data/messy.csv" && echo "input kept"
