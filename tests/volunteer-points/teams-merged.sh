# A team named only on merged records is a row: its volunteers had
# service records in it (volunteers 2), but none counts (active 0 ...).
# Line 3 merges into line 2 (both verified: the first read is kept), line
# 4 (待审核) into line 5 (verified).  队一: B1 and B2, 2 h each at 10
# points: 4.00 h, 40.00, one project, two services.  The total counts each
# volunteer once (2).  Then --volunteer as the ids are read, full-width
# folded and trimmed: " Ｂ１ " is B1.
volunteer-points --as-of 2025-12-31 --report teams --total data/teams-merged.csv
volunteer-points --as-of 2025-12-31 --report ledger --volunteer " Ｂ１ " data/teams-merged.csv
