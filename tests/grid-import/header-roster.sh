# a row naming only the street and community (a group title above the
# header) is a title row; the header names a field of the roster's own
grid-import --level building data/two-headers.csv | cut -f1,3,5
