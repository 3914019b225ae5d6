# A volunteer's name and team are those of their latest service record (by
# date and time; at the same time, the one read later), verified or not,
# merged ones too, rejected ones not.  N1: of the two of 05-01 10:00 (a
# duplicate: the verified one kept, 1 + 1 h in all, nothing unverified),
# the one read later (王晓明, 元宝山队, merged) gives them.  N2: latest-2.csv's line 2
# (the same day and time as latest.csv's line 5, read later; a duplicate
# of it, merged) gives 李小红, 滦江队; line 3, later but rejected (0 h),
# does not count.  Their stars count in that team.
volunteer-points --as-of 2025-12-31 data/latest.csv data/latest-2.csv 2> /dev/null
volunteer-points --as-of 2025-12-31 --report stars data/latest.csv data/latest-2.csv 2> /dev/null
