# The example data (examples/data/workers/README): the payslips of seven
# workers in January, February, April to June and December.  SQ0001,
# 正职 past 60 by the facts (60), the award of January taxed, nothing
# withheld from February; SQ0042, May entered twice (the later rejected);
# SQ0046, 社会工作师 of 2025: the allowance from the month after; SQ0052,
# a base pay of its own, tax past the 36000 bracket; SQ0062, hired in
# 2025; SQ0123, no April (its row's id lost a digit): May counts two
# months' 5000; SQ0215, whose negative deduction of September is
# rejected.  The .out was written by examples/tools/expect-workers.py,
# not by the program.
worker-salary ../../examples/data/workers/roster.csv ../../examples/data/workers/items-2025.csv |
	awk -F '\t' 'NR == 1 || ($1 ~ /^SQ0(001|042|046|052|062|123|215)$/ && $6 ~ /-(01|02|04|05|06|12)$/)'
