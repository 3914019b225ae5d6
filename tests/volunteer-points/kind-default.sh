# default-multiplier set (the advice of kind-unknown followed): a record of
# an unknown kind (empty included) earns at it.  B1: 20.00 + three times
# 2 h × 10 × 0.5 = 10.00 + 40.00 = 90.00, 10.00 h.  The ledger shows each
# kind as written (empty for the empty one).  kinds: !replace gives only
# the kinds of the file: 日常服务 and 应急服务 are unknown then, only
# 志愿服务 earns (20.00); the kind added to kinds with its multiplier, as
# the message advises.
volunteer-points -c data/default-mult.yaml --as-of 2025-12-31 data/kind-bad.csv
volunteer-points -c data/default-mult.yaml --as-of 2025-12-31 --report ledger data/kind-bad.csv
volunteer-points -c data/kinds-replace.yaml --as-of 2025-12-31 data/kind-bad.csv
echo "exit $?"
