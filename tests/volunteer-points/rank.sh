# The rank of February 2025 by hours: A3 6.5 h first; A1 and A4 5 h share
# place 2 (by volunteer_id within it); A2 3 h is 4th, not 3rd; A5 1 h 5th.
# --top 3 and --top 2 both stop after the two in place 2; --top 4 takes
# A2.  A4's team is that of their latest record (凤凰队, in March).  By
# points: A1 30 + 40 (应急服务 × 2) = 70 before A3's 65.  A6 (January only)
# has nothing in February: no row.
for top in 3 2 4; do
	volunteer-points --as-of 2025-12-31 --report rank --month 2025-02 --top $top data/town-s.csv
done
volunteer-points --as-of 2025-12-31 --report rank --month 2025-02 --by points data/town-s.csv
