grid-import --summary --total ../../examples/data/roster/*/*.csv 2>/dev/null
