# Standard input is read by one thread, whatever -j says: the figures and
# messages of jobs-tsv (but the name of the input).
volunteer-points -j 2 --as-of 2025-12-31 --total
