zhili-cat -o csv < data/people2.tsv; echo "exit $?"; printf "a,b\n1,2\n" | zhili-cat -
