# --reject naming the --ytd file, or the --compare file, is a usage error
# (exit 2): the program never writes over one of its inputs (it wrote
# its rejected records over the --ytd payslips).
d=$(pwd)/data
cd "$TMP" || exit 3
worker-salary "$d/roster.tsv" "$d/items.csv" > slips.tsv 2> /dev/null
cp slips.tsv before
worker-salary --ytd slips.tsv --reject slips.tsv "$d/roster.tsv" "$d/items.csv"
echo "exit $?"
cmp slips.tsv before && echo "the --ytd file is as it was"
cp "$d/scale-old.yaml" old.yaml
worker-salary --compare old.yaml --reject old.yaml "$d/roster.tsv" "$d/items.csv"
echo "exit $?"
