printf "a,b\tc\n1,2\t3\n" | zhili-cat --csv -o json; echo "exit $?"; printf "a,b\n1,2\n" | zhili-cat --tsv -o json
