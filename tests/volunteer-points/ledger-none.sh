# --volunteer with an id no service record has (A9; a2, since ids are
# compared exactly): a warning, and a ledger of no events, not everyone's.
volunteer-points --as-of 2025-12-31 --report ledger --volunteer A9 data/town-s.csv data/town-r.csv
volunteer-points --as-of 2025-12-31 --report ledger --volunteer a2 data/town-s.csv data/town-r.csv
