# A run killed by a signal leaves an existing --reject file as it was and
# removes its temporary file.
printf 'id,name,note,_error,_raw\n,,,old.csv:2: an old rejection,"1,old"\n' > "$TMP/rej.csv"
mkfifo "$TMP/fifo"
zhili-cat --reject "$TMP/rej.csv" "$TMP/fifo" > /dev/null 2> "$TMP/err" &
pid=$!
exec 3<> "$TMP/fifo" # (read-write: no wait for a reader that may be gone)
printf 'id,name\n1,x,y\n' >&3
i=0
while [ $i -lt 200 ] && ! ls "$TMP"/rej.csv.?????? > /dev/null 2>&1; do
	sleep 0.05
	i=$((i + 1))
done
kill -TERM $pid
# (the shell's own "Terminated" is not the program's)
{ wait $pid; echo "exit $?"; } 2> /dev/null
exec 3>&-
cat "$TMP/err" "$TMP/rej.csv"
rm "$TMP/err"
ls "$TMP"
