# Texts longer than those kept as words (an id of 61 bytes, names of 30,
# teams of 66, a project and an item of 75 and 60), in one file with a
# redemption between the services.  The two ids share their first 60
# bytes.  The first: 2 h 日常服务 (20.00), 3 h 专业服务 (45.00), 1 h
# 日常服务 (10.00) = 6.00 h, 75.00 earned, 10.00 redeemed, 65.00 left; its
# latest record (01-04) gives the name 欧阳欧阳欧阳欧阳欧明 and the team
# ...第二分队.  The second: 1.00 h, 10.00, the first name and team.  Teams:
# 第一分队 3 services (6.00 h, 75.00 earned) of 2 volunteers, 第二分队 1
# (1.00 h, 10.00).
volunteer-points --as-of 2025-12-31 data/long-texts.csv
volunteer-points --as-of 2025-12-31 --report teams data/long-texts.csv
