grid-import --summary --total ../../examples/data/roster/*/*.csv
