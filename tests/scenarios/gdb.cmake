# hvsim run --gdb: gdb-multiarch -batch drives debugging sessions of the
# gdb_target partition beside a running neighbour (tests/guest/gdb.xml),
# and each debugged run ends with the trace hash of the undebugged one.
set(GDB_IMAGES ${HVSIM_SPARC_BINARY_DIR}/tests/guest)
set(GDB_RUN $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/gdb.xml
    -p 0=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p0.elf -p 1=${GDB_IMAGES}/gdb_target.elf)
find_program(HVSIM_GDB gdb-multiarch)
# hvsim_gdb_test(NAME MAFS): tests/scenarios/gdb/NAME.gdb, NAME.expected
function(hvsim_gdb_test name mafs)
  if(HVSIM_GDB)
    add_test(NAME gdb.${name}
      COMMAND ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/expect_gdb.sh
              ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/gdb/${name}.gdb
              ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/gdb/${name}.expected
              ${GDB_IMAGES}/gdb_target.elf -- ${GDB_RUN} --mafs ${mafs})
  endif()
endfunction()
# A session: break in partition 1 while partition 0 runs, bt across window
# overflows, stepi through a delay slot, a watchpoint, threads, monitor maf,
# a division by zero.
hvsim_gdb_test(session 7)
# Reverse execution by re-run: reverse-stepi, reverse-continue to the
# previous breakpoint hit and to the start, reverse-finish, reverse-step.
hvsim_gdb_test(reverse 7)
# Bad requests get error replies and leave the session and the run intact.
hvsim_gdb_test(bad_input 3)
# A socket that cannot be made: one line, exit status 2.
hvsim_bad_input(gdb_bad_socket "^hvsim: --gdb /nonexistent/dir/gdb.sock: "
  ${GDB_RUN} --gdb /nonexistent/dir/gdb.sock)
hvsim_bad_input(gdb_bad_address "--gdb expects :PORT, HOST:PORT or a socket path"
  ${GDB_RUN} --gdb :99999)
# A port in use: the second server says so in one line (exit status 2).
add_test(NAME bad_input.gdb_port_in_use
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_gdb_port_in_use.sh ${GDB_RUN})
# Fault reports (by default; --fault-report is accepted): after the notice,
# registers, the faulting instruction, a backtrace symbolised with files
# from the image's source root; a stack that overflowed says so with its
# bounds, a recursion's frames of one call folded into one line.
set(FAULT_REPORT_REGS "^hvsim:   pc 0x[0-9a-f]{8} npc 0x[0-9a-f]{8} psr 0x[0-9a-f]{8} wim 0x[0-9a-f]{8} tbr 0x[0-9a-f]{8} y 0x[0-9a-f]{8}$"
    "^hvsim:   %g0-7( [0-9a-f]{8}){8}$" "^hvsim:   %o0-7( [0-9a-f]{8}){8}$"
    "^hvsim:   %l0-7( [0-9a-f]{8}){8}$" "^hvsim:   %i0-7( [0-9a-f]{8}){8}$")
add_test(NAME gdb.fault_report_divzero
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_stderr.sh
    "^hvsim: 92232 us: partition 1 \\(Target\\): division by zero \\(tt 0x2a\\) at pc 0x40200130 <PartitionMain\\+0x5c>: HM event XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION, action XM_HM_AC_HALT$"
    ${FAULT_REPORT_REGS}
    "^hvsim:   instruction: [0-9a-f]{8}  sdiv %i1, %g1, %o1$"
    "^hvsim:   #0  0x40200130 PartitionMain at tests/guest/gdb_target.c:[0-9]+$"
    "^hvsim:   #1  0x402000[0-9a-f]{2} _start at xal/src/crt0.S:[0-9]+$"
    -- ${GDB_RUN} --mafs 7 --fault-report)
add_test(NAME gdb.fault_report_stack_overflow
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_stderr.sh
    "^hvsim: [0-9]+ us: partition 1 \\(Target\\): data access exception \\(tt 0x09\\) at pc 0x40200084 <descend\\+0x4>, address 0x401f[0-9a-f]{4}: HM event XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION, action XM_HM_AC_HALT$"
    ${FAULT_REPORT_REGS}
    "^hvsim:   instruction: f027bffc  st %i0, \\[%fp\\+-4\\]$"
    "^hvsim:   #0  0x40200084 descend at tests/guest/gdb_target.c:25$"
    "^hvsim:   #1  0x40200094 descend at tests/guest/gdb_target.c:27$"
    "^hvsim:   #2-#[0-9]+ the same call, [0-9]+ frames$"
    "^hvsim:   #[0-9]+ 0x402000[0-9a-f]{2} PartitionMain at tests/guest/gdb_target.c:[0-9]+$"
    "^hvsim:   #[0-9]+ 0x40200044 _start at xal/src/crt0.S:[0-9]+$"
    "^hvsim:   stack overflow: %sp 0x401f[0-9a-f]{4} is outside the stack \\[0x40202018, 0x40206018\\)$"
    -- $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/gdb.xml
       -p 0=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p0.elf
       -p 1=${GDB_IMAGES}/gdb_overflow.elf --mafs 2)
# A fault in a leaf function (no `save`): its caller, in %o7, is frame #1,
# in the report and in GDB's backtrace at the fault's stop.
set(GDB_LEAF_RUN $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/gdb.xml
    -p 0=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p0.elf -p 1=${GDB_IMAGES}/gdb_leaf.elf)
add_test(NAME gdb.fault_report_leaf
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_stderr.sh
    "^hvsim: [0-9]+ us: partition 1 \\(Target\\): data access exception \\(tt 0x09\\) at pc 0x402000[0-9a-f]{2} <load_from(\\+0x[0-9a-f]+)?>, address 0x00000000: HM event XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION, action XM_HM_AC_HALT$"
    ${FAULT_REPORT_REGS}
    "^hvsim:   instruction: [0-9a-f]{8}  ld \\[%o0\\], %o0$"
    "^hvsim:   #0  0x402000[0-9a-f]{2} load_from at tests/guest/gdb_leaf.c:15$"
    "^hvsim:   #1  0x402000[0-9a-f]{2} PartitionMain at tests/guest/gdb_leaf.c:22$"
    "^hvsim:   #2  0x40200044 _start at xal/src/crt0.S:[0-9]+$"
    -- ${GDB_LEAF_RUN} --mafs 3)
if(HVSIM_GDB)
  add_test(NAME gdb.leaf_backtrace
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_gdb.sh ${CMAKE_CURRENT_LIST_DIR}/gdb/leaf.gdb
            ${CMAKE_CURRENT_LIST_DIR}/gdb/leaf.expected ${GDB_IMAGES}/gdb_leaf.elf --
            ${GDB_LEAF_RUN} --mafs 3)
endif()
# --itrace: bottom()'s instructions in both frames, the same trace hash as
# without the listing.
add_test(NAME gdb.itrace
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_itrace.sh 1:0x40200064-0x40200080
          ${CMAKE_CURRENT_LIST_DIR}/gdb/itrace_bottom.expected -- ${GDB_RUN} --mafs 2)
hvsim_bad_input(itrace_bad_spec "--itrace expects PARTITION"
  ${GDB_RUN} --itrace 1:0x10-0x5)
# Ctrl-C while the system runs stops it (SIGINT) within the run's polling.
find_program(HVSIM_PYTHON3 python3)
if(HVSIM_PYTHON3)
  add_test(NAME gdb.ctrl_c
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_gdb_ctrl_c.sh ${CMAKE_CURRENT_LIST_DIR}/gdb/ctrl_c.py
            -- ${GDB_RUN} --mafs 100000)
endif()
