printf "a,b\n" | zhili-cat -o table; printf "a,b\n" | zhili-cat -o json; echo done
