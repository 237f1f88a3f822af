set pagination off
set confirm off
file @ELF@
target extended-remote @SOCKET@
info threads
break bottom
continue
bt
break *bottom+20
continue
stepi
printf "in the delay slot: pc %#x npc %#x\n", $pc, $npc
x/i $pc
stepi
printf "after the return: pc %#x\n", $pc
printf "fsr %#x\n", $fsr
set $f3 = 1.5
info registers f3
delete
watch watched
continue
printf "watch stop: pc %#x\n", $pc
x/i $pc - 4
delete
info threads
monitor maf 3
continue
monitor status
continue
monitor hm
continue
