# A configuration's alias that is another field's name, title or alias
# already would do nothing (编号 is volunteer_id's: a roster headed 编号,
# 工作单位, 报到社区 was read as a units file): a configuration error,
# exit 2, saying whose it is and what to head the column.
dual-report -c data/alias-taken.yaml data/roster-bh.csv
echo "exit $?"
# Its advice: the column headed 党员编号 is read as member_id.
dual-report --report members data/roster-dybh.csv
echo "exit $?"
