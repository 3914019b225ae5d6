# every problem text of --check in Chinese under --zh (zhili(7))
for f in b rows ids edge dup; do
	grid-import --check --zh --mask data/$f.csv; echo "exit $?"
done
