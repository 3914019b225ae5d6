printf "" | zhili-cat; echo "exit $?"; printf "\n\n" | zhili-cat -o json; echo "exit $?"
