#!/usr/bin/env bash
# expect_stderr.sh REGEX... -- COMMAND...
# Passes when COMMAND exits 0 and its stderr has exactly one line per
# REGEX, line n matching the extended REGEX n.
set -u
regexes=()
while [ "$1" != "--" ]; do
    regexes+=("$1")
    shift
done
shift
err=$(mktemp)
trap 'rm -f "$err"' EXIT
"$@" >/dev/null 2>"$err" || { echo "FAIL: exit status $?"; cat "$err"; exit 1; }
mapfile -t lines <"$err"
if [ "${#lines[@]}" -ne "${#regexes[@]}" ]; then
    echo "FAIL: ${#lines[@]} lines on stderr, expected ${#regexes[@]}"; cat "$err"; exit 1
fi
for i in "${!regexes[@]}"; do
    if ! grep -Eq -- "${regexes[$i]}" <<<"${lines[$i]}"; then
        echo "FAIL: stderr line $((i + 1)) does not match /${regexes[$i]}/"; cat "$err"; exit 1
    fi
done
cat "$err" | sed 's/^/ok: /'
