# The ledger of SL00408 (examples/data/volunteers/README): points spent
# oldest first across months, what is left of 2023-04, 2023-05 and 2023-07
# expiring, a day over the daily cap, and on 2025-08-01 an expiry before a
# redemption that is then more than the balance (rejected: on stderr).  The
# .out was written by examples/tools/expect-volunteers.py.
volunteer-points --as-of 2026-01-15 --report ledger --volunteer SL00408 ../../examples/data/volunteers/*.csv
