# --reject naming the configuration file (-c, or $ZHILI_CONFIG) is a
# usage error: it is read too (it was written over).
d=$(pwd)/data
cd "$TMP" || exit 3
printf 'records: {max-rejected: 5}\n' > z.yaml
zhili-cat -c z.yaml --reject z.yaml "$d/cases.csv"
echo "exit $?"
ZHILI_CONFIG=z.yaml zhili-cat --reject z.yaml "$d/cases.csv"
echo "exit $?"
cat z.yaml
