# The roster as Excel on Chinese Windows saves it (GB18030, CRLF, dates
# 2016/9/1) read with --encoding gbk (no notice; the items have a
# byte-order mark, so they are UTF-8 still): the year per post, in
# Chinese.  The .out was written by examples/tools/expect-workers.py.
worker-salary --encoding gbk --summary --by post --total --zh ../../examples/data/workers/roster.csv ../../examples/data/workers/items-2025.csv
