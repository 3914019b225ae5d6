# A net pay below zero that only the months before show (the state of
# the year computed again after months checked without it).  data/jump.yaml:
# no threshold, 0% to 30000 then 10% less 2000.  Contributions 20.5% of
# 4000: 820.  S1 January and February: gross 15720, taxable 14900 a month
# (29800 after February), 0% (no tax): net 14900.  March: gross 1320,
# taxable 29800 + 500 = 30300: 3030 - 2000 = 1030 of tax, net 1320 - 820 -
# 1030 = -530: rejected; April the same again after February.  S2: the
# same month alone, taxable 500: no tax, net 500.
for j in 1 2; do
	{ worker-salary -j $j -c data/jump.yaml data/jump.tsv; echo "exit $?" >&2; } | cut -f 1,6,13,18-23
done
