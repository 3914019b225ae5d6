# The feedback sheet (反馈单) of the first quarter: every counting member
# sorted by unit (byte order), then member_id.  M01: 3 activities (01-05
# early), 5.50 h, 3 solved, active (2 non-early, the minimum 2): yes; M02:
# 1 (03-31), no; M03: never registered, nothing, no community; M04 2, yes;
# M05 1, no.  registered_at as read (2025-01-10), empty for M03.
dual-report --report members --quarter 2025-Q1 data/members.csv data/units.csv data/acts.tsv
# --unit: one unit's sheet, the name trimmed and full-width folded as the
# input's are; --mask: 13812345678 → 138****5678, 0314-2012345 (12
# characters) → 031*****2345, 1380000 (7) → *****00, none stays empty.
dual-report --report members --unit ' 区卫健局 ' --mask --quarter 2025-Q1 data/members.csv data/units.csv data/acts.tsv 2>/dev/null
dual-report --report members --mask --quarter 2025-Q1 data/members.csv data/units.csv data/acts.tsv 2>/dev/null | cut -f 1,5
# Under --zh the titles and 是/否.
dual-report --report members --zh --unit 区卫健局 --quarter 2025-Q1 data/members.csv data/units.csv data/acts.tsv 2>/dev/null
