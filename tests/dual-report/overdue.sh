# Overdue: listed_at + deadline-days (30) on or before the period's last
# day, and not registered by the deadline.  Listed 2025-01-01: the
# deadline is 01-31.  O1 never registers; O2 registers on the deadline
# day; O3 the day after; O4 is listed 02-01 (deadline 03-03); O5 has no
# listed_at: never overdue.  Columns: unit, members, registered,
# overdue.  Up to 01-30: nobody overdue.  To 01-31, the deadline day: O1
# and O3.  To 02-01: O1 and O3 (registered late: still overdue).  To
# 03-03: O4 too; O4 is not counted before 02-01 (01-30, 01-31).
for to in 2025-01-30 2025-01-31 2025-02-01 2025-03-02 2025-03-03; do
	echo "to $to:"
	dual-report --from 2025-01-01 --to $to data/overdue.csv | cut -f 1-3,5 | tail -n +2 | tr '\n' ' '
	echo
done
# deadline-days 0: no deadline, nobody overdue.
dual-report -c data/nodeadline.yaml --from 2025-01-01 --to 2025-03-03 data/overdue.csv | cut -f 1,5 | tail -n +2 | tr '\n' ' '
echo
