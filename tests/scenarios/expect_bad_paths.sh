#!/usr/bin/env bash
# expect_bad_paths.sh HVSIM CONFIG IMAGE0 IMAGE1
# Every option and operand of hvsim that names a file, given a path that
# cannot be used (issue 11): a directory, /dev/full, a file in a folder
# that does not exist, a file that cannot be read (or written), /dev/zero
# and a FIFO nobody writes to. Each must end within 20 s (no hang, no read
# without bound) with exit status 2 and one line naming the path and the
# reason (`PATH: ...`) on stderr (a console expectation's file: the
# script's check or the expectation fails, exit 2 or 1, and the runner's
# report on stdout says why), or, for a FIFO with no writer, read as empty input.
#
# The table: NAME | KINDS | STREAM | COMMAND, where @ stands for the path.
# Kinds: dir full nodir unreadable (inputs), unwritable (outputs), zero,
# fifo. As root (CI containers) permissions do not stop a read or a write:
# there, unreadable is /proc/self/clear_refs (reading it fails, EINVAL)
# and unwritable /proc/version (writing it fails, EIO).
set -u
hvsim=$1 config=$2 image0=$3 image1=$4
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
cd "$work" || exit 1
run=(run "$config" -p 0="$image0" -p 1="$image1" --mafs 1)
"$hvsim" "${run[@]}" --trace good.trace >/dev/null 2>&1 || { echo "FAIL: the good run"; exit 1; }
mkdir adir scenario
mkfifo fifo
if [ "$(id -u)" = 0 ]; then
    unreadable=/proc/self/clear_refs unwritable=/proc/version
else
    echo x >unreadable && chmod 000 unreadable && unreadable=$work/unreadable
    echo x >unwritable && chmod 444 unwritable && unwritable=$work/unwritable
fi
# Scenario scripts take paths relative to their folder (hello's partition
# names); `bad` is made a link to each bad path in turn.
ln -s "$config" scenario/xm_cf.xml
ln -s "$image0" scenario/p0.elf
ln -s "$image1" scenario/p1.elf
printf 'image Partition0 p0.elf\nimage Partition1 p1.elf\nrun 1 mafs\n' >scenario/ok.hvsim
cp scenario/ok.hvsim scenario/expect_file.hvsim
echo 'expect console all file bad' >>scenario/expect_file.hvsim
in="dir full nodir unreadable zero fifo"
out="dir full nodir unwritable"
table=(
    "run CONFIG|$in|err|run @ -p 0=$image0 -p 1=$image1 --mafs 1"
    "run -p|$in|err|run $config -p 0=@ -p 1=$image1 --mafs 1"
    "run --container|$in|err|run $config --container @ --mafs 1"
    "run --uart-in|$in|err|${run[*]} --uart-in @"
    "run --uart2-in|$in|err|${run[*]} --uart2-in @"
    "run --console|$out|err|${run[*]} --console @"
    "run --uart2-out|dir nodir|err|${run[*]} --uart2-out @"
    "run --trace|$out|err|${run[*]} --trace @"
    "run --png|$out|err|${run[*]} --png @"
    "check CONFIG|$in|err|check @"
    "trace FILE|$in|err|trace @"
    "trace --text|$out|err|trace good.trace --text @"
    "trace --json|$out|err|trace good.trace --json @"
    "trace --latency|$out|err|trace good.trace --latency @"
    "trace --elf|$in|err|trace good.trace --elf 0=@ --text /dev/null"
    "view FILE|$in|err|view @ --png x.png"
    "view --png|$out|err|view good.trace --png @"
    "view --elf|$in|err|view good.trace --elf 0=@ --png x.png"
    "xef info|$in|err|xef info @"
    "xef build FILE|$in|err|xef build -o x.xef @"
    "xef build -o|$out|err|xef build -o @ $image0"
    "scenario --junit|$out|err|scenario scenario/ok.hvsim --junit @"
    "scenario expect file|dir nodir unreadable zero fifo|out|scenario scenario/expect_file.hvsim"
    "scenario --update file|dir full nodir unwritable|out|scenario scenario/expect_file.hvsim --update"
    "pack list|$in|err|pack list @"
)

path_of() {
    case $1 in
    dir) echo "$work/adir" ;;
    full) echo /dev/full ;;
    nodir) echo "$work/no/such/folder/file" ;;
    unreadable) echo "$unreadable" ;;
    unwritable) echo "$unwritable" ;;
    zero) echo /dev/zero ;;
    fifo) echo "$work/fifo" ;;
    esac
}

failures=0
check() { # name kind stream command...
    local name=$1 kind=$2 stream=$3 path status lines
    shift 3
    path=$(path_of "$kind")
    local -a argv=()
    for word in $*; do argv+=("${word//@/$path}"); done
    ln -sfn "$path" scenario/bad
    timeout 20 "$hvsim" "${argv[@]}" >out.txt 2>err.txt </dev/null
    status=$?
    local problem=
    if [ $status = 124 ]; then
        problem="did not end within 20 s"
    elif [ "$kind" = fifo ] && [ $status -le 2 ]; then
        : # a FIFO with no writer reads as empty: whatever follows from that
    elif [ "$stream" = out ] && [ $status != 1 ] && [ $status != 2 ]; then
        problem="exit status $status, not 1 or 2 (the expectation fails, or the check before the run)"
    elif [ "$stream" = err ] && [ $status != 2 ]; then
        problem="exit status $status, not 2"
    elif [ "$stream" = err ]; then
        lines=$(wc -l <err.txt)
        if [ "$lines" != 1 ]; then
            problem="$lines lines on stderr, not 1"
        elif ! grep -qF -- "$path: " err.txt; then
            problem="the line does not name $path"
        fi
    elif ! grep -qF -- "scenario/bad" out.txt; then
        problem="the report does not name scenario/bad"
    fi
    if [ -n "$problem" ]; then
        echo "FAIL: $name, $kind ($path): $problem"
        sed 's/^/    stderr: /' err.txt | head -3
        failures=$((failures + 1))
    fi
}

for row in "${table[@]}"; do
    IFS='|' read -r name kinds stream command <<<"$row"
    for kind in $kinds; do
        check "$name" "$kind" "$stream" $command
    done
done
[ $failures = 0 ] || { echo "$failures failures"; exit 1; }
echo "every bad path: one line, exit 2"
