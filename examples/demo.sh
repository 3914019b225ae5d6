#!/bin/sh
# demo.sh: what `make demo` shows.  For now the example export of the case
# platform (GBK, as Excel saves it) read by zhili-cat and shown as a table;
# the issues that add the programs turn this into the monthly report.
here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-$here/../build}
PATH=$BUILD/bin:$PATH
export PATH
cd "$here" || exit 3
zhili-cat -o table -f case_id,reported_at,community,category,status,satisfaction \
	data/cases-sample-gbk.csv
