# Dates of 10 bytes, read through the table of months, as date_parse
# reads them: 2024-02-29 (a leap year), 2025-02-28, 2025-04-30,
# 1999-12-31 and 2025-12-31 (--as-of itself) count, and 2025/01/05,
# 2025-1-6, 2025-02-3 and full-width ２０２５-０１-０７ (other forms);
# 2025-02-29, 2025-04-31 (twice, the second after its month was met),
# 2025-01-00, 2025-01-3a, 0000-01-01 and 2025-00-01 are not dates, and
# 2026-01-01 is after --as-of.  V1: 9 records of 1 h 日常服务: 9.00 h,
# 90.00 earned, 1999-12's 10.00 expired (at the end of 2001-12), 80.00.
volunteer-points --as-of 2025-12-31 data/dates.tsv
