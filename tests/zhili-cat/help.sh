zhili-cat --help | head -n 3; zhili-cat -h | grep -c "^  -f FIELDS"
