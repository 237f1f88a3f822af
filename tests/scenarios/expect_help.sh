#!/usr/bin/env bash
# expect_help.sh HVSIM
# Every subcommand that `hvsim --help` lists answers --help, -h (if -h is
# not an option of its own) and
# `hvsim help CMD` with exit status 0 and the same text on stdout, which
# starts with its usage line and lists each option the synopsis names;
# the man page (`hvsim help --man`) has a section for it.
set -u
hvsim=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$hvsim" --help >"$tmp/top" || fail "hvsim --help: exit status $?"
commands=$(sed -n '/^commands:$/,/^$/p' "$tmp/top" | awk 'NF > 1 {print $1}')
[ -n "$commands" ] || fail "hvsim --help lists no commands"
"$hvsim" help --man >"$tmp/man" || fail "hvsim help --man: exit status $?"
for cmd in $commands; do
    "$hvsim" "$cmd" --help >"$tmp/help" 2>"$tmp/err" || fail "hvsim $cmd --help: exit status $?"
    [ -s "$tmp/err" ] && fail "hvsim $cmd --help wrote on stderr: $(cat "$tmp/err")"
    head -1 "$tmp/help" | grep -q "^usage: hvsim $cmd " || fail "hvsim $cmd --help: no usage line"
    cp "$tmp/help" "$tmp/h"
    if grep -q "^  -h, --help" "$tmp/help"; then # unless -h means something else (pack)
        "$hvsim" "$cmd" -h >"$tmp/h" || fail "hvsim $cmd -h: exit status $?"
    fi
    "$hvsim" help "$cmd" >"$tmp/helpcmd" || fail "hvsim help $cmd: exit status $?"
    cmp -s "$tmp/help" "$tmp/h" || fail "hvsim $cmd -h differs from --help"
    cmp -s "$tmp/help" "$tmp/helpcmd" || fail "hvsim help $cmd differs from hvsim $cmd --help"
    # every option of the usage line is explained in the option list
    for option in $(head -1 "$tmp/help" | grep -oE -- '(^| |\[)--?[a-z][a-z0-9-]*' | tr -d ' ['); do
        grep -qE -- "^  $option( |$)" "$tmp/help" || fail "hvsim $cmd --help: $option not explained"
    done
    grep -qF ".SS \"hvsim $cmd\"" "$tmp/man" || fail "the man page has no section for $cmd"
    echo "ok: hvsim $cmd --help ($(wc -l <"$tmp/help") lines)"
done
