# A misspelt long option names the nearest; an abbreviation that fits
# several lists them; arguments where none or one is due.
zhili-cat --rejct r.csv data/bad.csv 2>&1 | head -1
zhili-cat --pr data/bad.csv 2>&1 | head -1
zhili-cat --bom=yes data/bad.csv 2>&1 | head -1
zhili-cat data/bad.csv --reject 2>&1 | head -1
zhili-cat -x data/bad.csv 2>&1 | head -1
zhili-cat -f 2>&1 | head -1
zhili-cat --max-rejected 2 --verbose /dev/null; echo "exit $?"
zhili-cat --rejct r.csv data/bad.csv > /dev/null 2>&1; echo "exit $?"
