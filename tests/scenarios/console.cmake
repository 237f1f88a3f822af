# Console plumbing of `hvsim run`: line prefixes, a console file, the board
# profile (same lines, QEMU's clock).
set(C ${CMAKE_CURRENT_LIST_DIR}/console)
set(HELLO_RUN $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/scenarios/hello/xm_cf.xml
    -p 0=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p0.elf
    -p 1=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p1.elf --mafs 3)
add_test(NAME console.prefix
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_output.sh ${C}/hello-prefix.expected -- ${HELLO_RUN} --prefix)
add_test(NAME console.file
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_file.sh ${CMAKE_SOURCE_DIR}/scenarios/hello/expected.txt
          ${CMAKE_CURRENT_BINARY_DIR}/hello-console.txt --
          ${HELLO_RUN} --console ${CMAKE_CURRENT_BINARY_DIR}/hello-console.txt)
add_test(NAME console.board_qemu_leon3
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_output.sh ${C}/hello-qemu-leon3.expected --
          ${HELLO_RUN} --board qemu-leon3)
hvsim_bad_input(console_unwritable "^/nonexistent/dir/out.txt: cannot create: No such file or directory$"
  ${HELLO_RUN} --console /nonexistent/dir/out.txt)
hvsim_bad_input(unknown_board "unknown board .*: frobnitz" ${HELLO_RUN} --board frobnitz)
hvsim_bad_input(io_access_zero "io-access must be at least 1" ${HELLO_RUN} --cost io-access=0)
