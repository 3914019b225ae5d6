# case-stats(1)'s recipe for several processes on one machine, run as the
# page writes it (the "$ " lines of "Several processes on one machine"),
# on the example cases: the merge gives the same bytes as the one run the
# page says it equals.
page=$PWD/../../man/man1/case-stats.1
zh=$PWD/../../man/zh_CN/man1/case-stats.1
cp ../../examples/data/cases-2024.csv "$TMP/" || exit
cd "$TMP" || exit
sed -n '/^\.Ss Several processes on one machine/,/^\.Ed/p' "$page" |
	sed -n 's/^\$ //p' | sed 's/\\e/\\/g' > recipe.sh
cat recipe.sh
sh recipe.sh > merged.tsv 2> err
echo "recipe: exit $?"
sort err # (the two processes' messages, in either order)
case-stats --as-of 2025-01-01 -b community --total cases-2024.csv \
	> one.tsv 2>/dev/null
cmp one.tsv merged.tsv && echo "the same as one run"
ls parts
# the Chinese page gives the same commands
sed -n '/^\.Ss 单机上的多个进程/,/^\.Ed/p' "$zh" | sed -n 's/^\$ //p' |
	sed 's/\\e/\\/g' | cmp - recipe.sh && echo "case-stats(1) in Chinese: the same"
