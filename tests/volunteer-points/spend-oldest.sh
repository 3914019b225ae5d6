# A redemption spends the oldest unexpired points first; expiry takes what
# is left of a month.  expiry-months 2: points of January are gone on
# 04-01, of February on 05-01, of March on 06-01.
# O1 earns 30.00 (Jan), 20.00 (Feb), 40.00 (Mar); 03-20 redeems 25: from
# January, 5 left; 04-01 those 5 expire; 04-15 redeems 50 of the 60: all of
# February's 20, 30 of March's; 05-01 nothing of February left (no event);
# 06-01 March's last 10 expire.  earned 90, redeemed 75, expired 15,
# balance 0.
# O2 spends all it has (10 on 01-06), earns 20 more in the same month
# (01-07), redeems 5 (01-08): January's 15 left expire on 04-01: earned 30,
# redeemed 15, expired 15, balance 0.
# O3 earns 30 (Jan): 10 redeemed on 03-31, the last day they are usable;
# on 04-01 the expiry comes first in the day (20 gone), so a redemption of
# 10 that day is more than the balance 0.00: rejected, the balance stays.
volunteer-points -c data/expiry2.yaml --as-of 2025-12-31 data/spend-s.csv data/spend-r.csv
volunteer-points -c data/expiry2.yaml --as-of 2025-12-31 --report ledger data/spend-s.csv data/spend-r.csv
