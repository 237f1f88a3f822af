set pagination off
set confirm off
file @ELF@
target extended-remote @SOCKET@
continue
bt
continue
