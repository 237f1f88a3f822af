#!/bin/sh
# hostile HVSIM OUTDIR CONFIG ATTACKER HEALTHY: the traces of the interrupt
# and console floods (UART bytes finishing while the core works) are in
# time order, so hvsim view takes them (issue 11: "time goes backwards").
set -e
hostile=$1 hvsim=$2 out=$3
shift 3
mkdir -p "$out"
for mode in irq console; do
  "$hostile" "$@" --mafs 3 --mode "$mode" --trace "$out/$mode.trace" >/dev/null
  "$hvsim" view "$out/$mode.trace" --png "$out/$mode.png"
  "$hvsim" view "$out/$mode.trace.idle" --png "$out/$mode.idle.png"
done
echo "traces in time order"
