set pagination off
set confirm off
file @ELF@
target extended-remote @SOCKET@
break bottom
continue
stepi
stepi
printf "forward: pc %#x\n", $pc
reverse-stepi
printf "back one: pc %#x\n", $pc
continue
printf "second hit: watched %d\n", watched
reverse-continue
printf "previous hit: watched %d pc %#x\n", watched, $pc
stepi
delete
reverse-finish
printf "before the call: pc %#x\n", $pc
x/i $pc - 4
reverse-step
printf "a line back: pc %#x\n", $pc
reverse-continue
continue
continue
