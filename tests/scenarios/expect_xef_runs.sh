#!/usr/bin/env bash
# expect_xef_runs.sh HVSIM CONFIG MAFS ELF... -- passes when the system runs
# the same (console output and trace hashes, byte for byte) from its ELF
# images, from XEF images plain and compressed (-p ID=FILE.xef), and from a
# container of them (--container); ELF i is partition i. The container
# run's trace file names each partition's image: its digest and payload.
# --quiet-hypercalls: the notices of failed hypercalls name their call
# sites from an ELF's symbols, which a XEF image does not carry.
# docs/xef.md.
set -u
hvsim=$1 config=$2 mafs=$3
shift 3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

elf_args=() i=0
for elf in "$@"; do elf_args+=(-p "$i=$elf"); i=$((i + 1)); done
"$hvsim" run "$config" "${elf_args[@]}" --mafs "$mafs" --hash --quiet-hypercalls >"$dir/elf.out" 2>&1 ||
    fail "the ELF run failed: $(cat "$dir/elf.out")"
grep -q "trace hash" "$dir/elf.out" || fail "no trace hash in the ELF run"

# The hypervisor's slot of the container: the host runs its own hvcore
# (docs/xef.md), so any XEF does; the configuration is the XM_CF itself.
echo "hvsim host engine: hvcore is built in" >"$dir/core.txt"
"$hvsim" xef build -m -o "$dir/core.xef" "$dir/core.txt" >/dev/null || fail "core.xef"
"$hvsim" xef build -m -c -o "$dir/xm_cf.xef" "$config" >/dev/null || fail "xm_cf.xef"

for c in "" -c; do
    xef_args=() pack_args=() digests=() i=0
    for elf in "$@"; do
        x="$dir/p$i$c.xef"
        "$hvsim" xef build $c -p "$config" -o "$x" "$elf" >"$dir/digest" || fail "xef build $c $elf"
        digests[$i]=$(tail -1 "$dir/digest" | cut -d' ' -f1)
        "$hvsim" xef check "$x" >/dev/null || fail "xef check $x"
        "$hvsim" xef info "$x" >"$dir/info" || fail "xef info $x"
        grep -q "^  payload: .*\"$(head -c 16 "$config" | tr -c '[:print:]' '.')\"" "$dir/info" ||
            { cat "$dir/info"; fail "xef info does not show the payload as text"; }
        xef_args+=(-p "$i=$x") pack_args+=(-p "$i:$x")
        i=$((i + 1))
    done
    "$hvsim" run "$config" "${xef_args[@]}" --mafs "$mafs" --hash --quiet-hypercalls >"$dir/xef.out" 2>&1
    cmp -s "$dir/elf.out" "$dir/xef.out" || { diff "$dir/elf.out" "$dir/xef.out" | head; fail "XEF$c run differs"; }
    "$hvsim" pack build -h "$dir/core.xef:$dir/xm_cf.xef" "${pack_args[@]}" "$dir/c$c.pack" >/dev/null ||
        fail "pack build $c"
    "$hvsim" pack list -c "$dir/c$c.pack" >/dev/null || fail "pack list -c $c"
    "$hvsim" run "$config" --container "$dir/c$c.pack" --mafs "$mafs" --hash --quiet-hypercalls \
        --trace "$dir/t$c.trace" >"$dir/pack.out" 2>&1
    cmp -s "$dir/elf.out" "$dir/pack.out" || { diff "$dir/elf.out" "$dir/pack.out" | head; fail "container$c run differs"; }
    # The payload: the configuration file's first 16 bytes, in hex.
    payload=$(head -c 16 "$config" | od -An -tx1 | tr -d ' \n')
    "$hvsim" trace "$dir/t$c.trace" --text - >"$dir/trace.txt" || fail "hvsim trace"
    for ((i = 0; i < ${#digests[@]}; i++)); do
        grep -q "^# partition $i: .*XEF image md5 ${digests[$i]} payload $payload" "$dir/trace.txt" ||
            { grep "^# partition" "$dir/trace.txt"; fail "the trace does not name partition $i's image"; }
    done
done
echo "ok: ELF, XEF, compressed XEF and containers run alike ($(grep -c . "$dir/elf.out") lines)"
