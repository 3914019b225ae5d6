# Rows of only separators, as Excel leaves below a table, are blank
# lines: not records, not rejected, whatever their count of commas.
printf 'a,b,c\n1,2,3\n,,\n,,,,\n"",""\n4,5,6\n' | zhili-cat; echo "exit $?"
printf 'a\tb\tc\n1\t2\t3\n\t\t\n\t\t\t\t\n' | zhili-cat; echo "exit $?"
