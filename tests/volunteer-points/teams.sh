# The teams of February 2025 (data/town-s.csv): a team is the one named on
# each service record.  凤凰队: volunteers A1, A2, A4 (A4's March record,
# outside the month, still names them) = 3; active in February A1, A2 = 2;
# hours A1 3 + 2, A2 3 = 8.00; points 30 + 40 + 30 = 100.00; projects 助老,
# 巡逻 = 2; services 3; A2's unverified 2 h.  元宝山队: A3, A4, A6 = 3 (A6
# only in January); active A3, A4; 5 + 1.5 + 5 = 11.50 h, 115.00; projects
# 巡逻, 助老 (A3's empty project not counted) = 2; services 3.  The empty
# team (A5): a row with an empty name, first in byte order; 元 (U+5143)
# before 凤 (U+51E4).  total: volunteers 6 and active 5 (A4 in two teams
# counted once), projects 2 (distinct over all), the rest summed.
volunteer-points --as-of 2025-12-31 --report teams --month 2025-02 --total data/town-s.csv
# All time: 凤凰队 active 3 (A4's March 6 h in it), 9 + 3 + 6 = 18.00 h,
# 110 + 30 + 60 = 200.00 points, 5 services; 元宝山队 active 3, 5 + 1.5 + 5
# + 2 = 13.50 h, 135.00, 4 services.
volunteer-points --as-of 2025-12-31 --report teams data/town-s.csv
