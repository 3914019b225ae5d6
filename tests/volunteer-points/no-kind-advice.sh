# A file of service records without a kind column: the message advises
# default-multiplier; followed (data/default-mult.yaml sets 0.5), the
# records are read: N1's 2 h earn 2 × 10 × 0.5 = 10.00 points.
volunteer-points --as-of 2025-12-31 data/no-kind.csv
volunteer-points -c data/default-mult.yaml --as-of 2025-12-31 data/no-kind.csv
