case-stats data/nostatus.csv
