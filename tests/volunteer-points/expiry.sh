# Expiry exactly at its boundary.  E1 earns 50.00 on 2024-01-15 (month M =
# 2024-01) and 20.00 on 2024-02-29.  expiry-months 24: January's points are
# usable through 2026-01-31 (the last day of M + 24) and gone on
# 2026-02-01; February's through 2026-02-28, gone on 2026-03-01.
for d in 2026-01-31 2026-02-01 2026-02-28 2026-03-01; do
	volunteer-points --as-of $d data/expiry.csv | sed 1d | sed "s/^/$d /"
done
# The ledger: an expiry is dated the day the points are gone, what = the
# month they were earned.
volunteer-points --as-of 2026-03-01 --report ledger data/expiry.csv
# expiry-months 1: January's gone on 2024-03-01 (2024 a leap year: the
# last usable day 2024-02-29), February's on 2024-04-01.
for d in 2024-02-29 2024-03-01 2024-03-31 2024-04-01; do
	volunteer-points -c data/expiry1.yaml --as-of $d data/expiry.csv |
		sed 1d | sed "s/^/$d /"
done
# expiry-months 0: never.
volunteer-points -c data/expiry0.yaml --as-of 2099-12-31 data/expiry.csv
