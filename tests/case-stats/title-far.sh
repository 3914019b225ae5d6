# No row of the first 20 names the fields case-stats needs: the message
# names them as it always has, with the first row for the header.
case-stats data/title-far.csv
