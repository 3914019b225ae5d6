sh ../../tools/man-examples.sh ../../man/man1/*.1 ../../man/man5/*.5 ../../man/man7/*.7
