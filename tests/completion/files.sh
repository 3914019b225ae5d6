# File names: every file for the inputs, --reject and --ytd; folders and
# *.yaml, *.yml for -c and --compare; folders for zhili-report's data
# folder and --out; files after "--", after a flag and after --classify
# (whose value is only given with '=').
t=$PWD
cd "$TMP" || exit
mkdir data out
touch a.csv b.tsv book.xlsx conf.yaml old.yml notes.txt
bash "$t/complete.bash" 'zhili-cat ' 'case-stats -b community ' \
	'zhili-cat --bom b' 'zhili-cat --reject ' 'worker-salary --ytd ' \
	'zhili-cat -c ' 'case-stats --config=' 'worker-salary --compare o' \
	'zhili-report ' 'zhili-report --out ' 'zhili-report --out=o' \
	'case-stats --classify ' 'zhili-cat -- ' 'zhili-cat -- -'
