# Field names: from the header of the first input on the line as
# zhili-cat reads it (GBK, aliases under their canonical names; -c's
# aliases; the workbook's --sheet), else the fields the program knows.
t=$PWD
cd "$TMP" || exit
printf '\312\302\274\376\261\340\272\305,\311\347\307\370,\300\264\324\264,\261\270\327\242\n' > gbk.csv
printf 'aliases:\n  case_id: [案号]\n' > z.yaml
printf '案号\t社区\tx\n' > alias.tsv
zhili-cat --encoding gbk -o xlsx gbk.csv > two.xlsx
bash "$t/complete.bash" 'zhili-cat -f gri' 'case-stats -b ' \
	'case-stats -b c' 'zhili-cat gbk.csv -f ' \
	'case-stats gbk.csv -b ' 'case-stats gbk.csv --sort -c' \
	'zhili-cat alias.tsv -f ' 'zhili-cat -c z.yaml alias.tsv -f ' \
	'zhili-cat --config=z.yaml alias.tsv -f ' 'zhili-cat two.xlsx -f ' \
	'zhili-cat no-such.csv -f gri' 'zhili-cat gbk.csv -f case_id,c' \
	'zhili-cat gbk.csv --partition ' 'zhili-cat --partition case_' \
	'zhili-cat --parts 2 --prefix '
