# Division codes that are not codes of digits (a letter, full-width
# digits, none): each said at its line through --print-config, the first
# through a run; with digits, the file is taken and the code used.
cd "$TMP" || exit
printf '%s\n' 'grid-import:' '  divisions:' '    新城街道: "13080300A"' \
	'    新城社区: "１３０８０３００４００１"' '    旧城社区: ~' > z.yaml
grid-import -c z.yaml --print-config > /dev/null; echo "exit $?"
grid-import -c z.yaml "$OLDPWD/data/rows.csv" > /dev/null; echo "exit $?"
printf '%s\n' 'grid-import:' '  divisions:' '    新城街道: "130803004"' \
	'    新城社区: "130803004001"' > z.yaml
printf '%s\n' '街道,社区,网格编号,楼栋' '新城街道,新城社区,1,1号楼' > r.csv
grid-import -c z.yaml --level community r.csv; echo "exit $?"
