printf "a,b\n" | zhili-cat -o table; echo "exit $?"; printf "a,b\n" | zhili-cat -o json; echo "exit $?"; echo done
