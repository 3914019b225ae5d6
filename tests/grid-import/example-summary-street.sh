grid-import --summary ../../examples/data/roster/秀水街道/*.csv
