# --partition with rejected records (--reject): the records read (as the
# summary counts them) are the records of the parts and those rejected;
# the parts hold the records a plain zhili-cat writes, none lost, none
# twice, each part begun with the header; exit 1.
cp ../../examples/data/cases-2024.csv "$TMP/cases.csv" || exit
cd "$TMP" || exit
zhili-cat --partition case_id --parts 4 --prefix part- --reject bad.csv \
	cases.csv 2> err
echo "exit $?"
cat err >&2
zhili-cat cases.csv 2>/dev/null | tail -n +2 | sort > all
for f in part-0*.tsv; do tail -n +2 "$f"; done | sort > parts
cmp all parts && echo "the parts hold every record once"
in=$(sed -n 's/.* of \([0-9]*\) records rejected$/\1/p' err)
n=$(wc -l < parts)
rej=$(($(wc -l < bad.csv) - 1))
echo "records: $in; in the parts: $n; rejected: $rej"
[ "$in" -eq $((n + rej)) ] && echo "records in = parts + rejected"
for f in part-0*.tsv; do head -n 1 "$f"; done | uniq -c | sed 's/^ *//'
ls
