# An unknown kind is rejected, with the nearest kind when it looks like a
# slip (日常服物), or the list of kinds (an empty kind; 志愿服务, two of
# four characters off); a kind is trimmed ( 应急服务 ).  B1 keeps 2 h of
# 日常服务 (20.00) and 2 h of 应急服务 (40.00).
volunteer-points --as-of 2025-12-31 data/kind-bad.csv
