# C400 and C33736 share the 32 bits of their ids' hash by which the
# records were once grouped: they are told apart (ids.sh tries ids of
# every length in the index of volunteers that replaced it).  C400:
# 3 h 日常服务 (30.00) and 1 h 专业服务 (15.00): 4.00 h, 45.00, its
# latest record's team 队二; C33736: 2 h 日常服务 (20.00) and 1 h
# 应急服务 (20.00): 3.00 h, 40.00; C1: 4 h, 40.00.
volunteer-points --as-of 2025-12-31 --total data/collide.csv
