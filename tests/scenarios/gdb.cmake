# hvsim run --gdb: gdb-multiarch -batch drives a debugging session of the
# gdb_target partition beside a running neighbour (tests/guest/gdb.xml),
# and the debugged run ends with the trace hash of the undebugged one.
set(GDB_IMAGES ${HVSIM_SPARC_BINARY_DIR}/tests/guest)
find_program(HVSIM_GDB gdb-multiarch)
if(HVSIM_GDB)
  add_test(NAME gdb.session
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_gdb.sh ${CMAKE_CURRENT_LIST_DIR}/gdb/session.gdb
            ${CMAKE_CURRENT_LIST_DIR}/gdb/session.expected ${GDB_IMAGES}/gdb_target.elf --
            $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/gdb.xml
            -p 0=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p0.elf
            -p 1=${GDB_IMAGES}/gdb_target.elf --mafs 7)
endif()
if(HVSIM_GDB)
  # Bad requests get error replies and leave the session and the run intact.
  add_test(NAME gdb.bad_input
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_gdb.sh ${CMAKE_CURRENT_LIST_DIR}/gdb/bad_input.gdb
            ${CMAKE_CURRENT_LIST_DIR}/gdb/bad_input.expected ${GDB_IMAGES}/gdb_target.elf --
            $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/gdb.xml
            -p 0=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p0.elf
            -p 1=${GDB_IMAGES}/gdb_target.elf --mafs 3)
endif()
# A socket that cannot be made: one line, exit status 2.
hvsim_bad_input(gdb_bad_socket "^hvsim: --gdb /nonexistent/dir/gdb.sock: "
  $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/gdb.xml
  -p 0=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p0.elf
  -p 1=${GDB_IMAGES}/gdb_target.elf --gdb /nonexistent/dir/gdb.sock)
hvsim_bad_input(gdb_bad_address "--gdb expects :PORT, HOST:PORT or a socket path"
  $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/gdb.xml --gdb :99999)
# A port in use: the second server says so in one line (exit status 2).
add_test(NAME bad_input.gdb_port_in_use
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_gdb_port_in_use.sh
          $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/gdb.xml
          -p 0=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p0.elf
          -p 1=${GDB_IMAGES}/gdb_target.elf)
