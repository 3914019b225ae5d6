# a report that does not exist: the nearest one, or the list
volunteer-points --report team data/first-s.csv
volunteer-points --report xx data/first-s.csv
