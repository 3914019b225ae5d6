# GBK whose words happen to be valid UTF-8 but one (中文): the evidence
# says UTF-8, and the warning's advice, --encoding gb18030, reads it
# right (issue 11, item 5).
zhili-cat data/gbk-like-utf8.csv; echo "exit $?"
zhili-cat --encoding gb18030 data/gbk-like-utf8.csv
