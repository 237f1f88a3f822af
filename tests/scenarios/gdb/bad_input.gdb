set pagination off
set confirm off
file @ELF@
target extended-remote @SOCKET@
python
def attempt(command):
    try:
        gdb.execute(command)
    except gdb.error as e:
        print("error: %s" % e)
end
python attempt("x/4x 0x10000000")
thread 2
python attempt("x/4x 0x40100000")
maint packet m40100000,4
maint packet mzz
maint packet Z9,0,0
maint packet qThreadExtraInfo,9
watch *(int *)0x40202000
watch *(int *)0x40202010
watch *(int *)0x40202020
watch *(int *)0x40202030
watch *(int *)0x40202040
python attempt("continue")
delete
python gdb.execute("maint packet q" + "x" * 5000)
maint packet ?
continue
