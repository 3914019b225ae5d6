# GBK input, as Excel on Chinese Windows saves it: members in GBK CSV,
# activities in GB18030 CSV with CRLF line ends; read as the UTF-8 files
# are (a notice says so), the same report as units.sh's first.
dual-report data/members-gbk.csv data/units.csv data/acts-gbk.csv
echo "exit $?"
dual-report data/members.csv data/units.csv data/acts.tsv > "$TMP/utf8" 2>/dev/null
dual-report data/members-gbk.csv data/units.csv data/acts-gbk.csv 2>/dev/null | cmp - "$TMP/utf8" && echo "the same as from the UTF-8 files"
# --encoding gbk: no notice.
dual-report --encoding gbk --report members data/members-gbk.csv 2>&1 | head -3
