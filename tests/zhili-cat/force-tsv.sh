printf "a,b\tc\n1,2\t3\n" | zhili-cat --csv -o json; printf "a,b\n1,2\n" | zhili-cat --tsv -o json
