hello --zh -o table data/names.csv
