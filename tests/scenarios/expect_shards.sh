#!/usr/bin/env bash
# expect_shards.sh HVSIM N DIR...
# `hvsim scenario DIR... --shard K/N` for K = 1..N: each shard passes and
# writes its JUnit file with its own scenarios; together the shards run
# every scenario of the unsharded list exactly once.
set -u
hvsim=$1 n=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
names() { awk '/^(ok|FAILED|ERROR) / {print $2}'; }
"$hvsim" scenario "$@" -j 2 | names | sort >"$tmp/all" || { echo "FAIL: the unsharded run"; exit 1; }
for k in $(seq 1 "$n"); do
    "$hvsim" scenario "$@" --shard "$k/$n" --junit "$tmp/junit$k.xml" >"$tmp/out$k" ||
        { echo "FAIL: shard $k/$n"; cat "$tmp/out$k"; exit 1; }
    cases=$(grep -c "<testcase" "$tmp/junit$k.xml")
    [ "$cases" -eq "$(names <"$tmp/out$k" | wc -l)" ] || { echo "FAIL: shard $k's JUnit file"; exit 1; }
    names <"$tmp/out$k" >>"$tmp/sharded"
done
sort "$tmp/sharded" | diff -u "$tmp/all" - || { echo "FAIL: the shards are not a partition"; exit 1; }
echo "ok: $n shards ran the $(wc -l <"$tmp/all") scenarios once each"
