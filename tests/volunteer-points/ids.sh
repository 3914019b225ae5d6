# Volunteer ids of every length are told apart and found again: V1 and
# V10 (a prefix of the other), 1234567, 12345678 and 123456789 (7, 8, 9
# bytes: an id of 8 bytes or fewer is kept in its index slot, a longer one
# by its hash), 12345678A and 12345678B (the same first 8 bytes), an
# 18-digit id.  Ｖ１ (full width) is V1, " V10 " is V10 (folded,
# trimmed, as every id is).  V1: 2.00 h, 20.00; V10: 3.00 h, its latest
# record's name and team 乙二, 队三; 12345678A: 1.5 h 专业服务 (22.50)
# and 0.5 h (5.00): 2.00 h, 27.50; 130802198001011234: 5.00 h and 1.00
# unverified.
volunteer-points --as-of 2025-12-31 --total data/ids.tsv
