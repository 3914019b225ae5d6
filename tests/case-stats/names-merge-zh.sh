# --merge takes the --zh titles of the --by fields too
case-stats --partial -b community,month data/d1.csv >"$TMP/p"
case-stats --merge -b 社区 -m 事件总数,办结数 --sort -事件总数 "$TMP/p"
