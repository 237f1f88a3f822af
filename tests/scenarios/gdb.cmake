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
