#!/bin/sh
# `make memcheck`: the REPL session in memcheck-session.txt, piped into `accord repl Rules`
# under valgrind memcheck. Fails on any invalid read or write, use of uninitialised memory,
# or definitely lost block; "possibly lost" and "still reachable" blocks are the Swift
# runtime's caches and libc's, which live until exit on purpose. Run from the repository root.
set -eu
accord=${1:-.build/debug/accord}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed "s#@TMP@#$work#g" Tests/Fixtures/repl/memcheck-session.txt > "$work/session.txt"
status=0
valgrind --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --error-exitcode=99 --log-file="$work/valgrind.log" \
    "$accord" repl Rules < "$work/session.txt" > "$work/out.txt" 2>&1 || status=$?
grep -E "definitely lost|indirectly lost|possibly lost|still reachable|ERROR SUMMARY" "$work/valgrind.log" | sed 's/^==[0-9]*== //'
if [ "$status" -ne 0 ]; then
    echo "memcheck: accord exited with status $status; the end of the session and valgrind's report:"
    tail -n 20 "$work/out.txt"
    cat "$work/valgrind.log"
    exit 1
fi
if [ ! -s "$work/saved.accord" ]; then
    echo "memcheck: the session did not run through (:save wrote nothing); its output:"
    tail -n 40 "$work/out.txt"
    exit 1
fi
echo "memcheck: no memory errors, no definite leaks"
