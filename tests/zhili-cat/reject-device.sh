# A --reject file that is a device is written directly: not replaced, its
# mode kept (issue 11, item 1: --reject /dev/null as root left /dev/null
# readable by root only).
zhili-cat --reject /dev/null data/bad.csv > /dev/null 2>&1; echo "exit $?"
ls -l /dev/null | cut -c1-10
zhili-cat --reject /dev/stdout data/bad.csv 2> /dev/null | tail -2
