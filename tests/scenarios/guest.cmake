# Guest programs (tests/guest) run in the simulator under one_partition.xml;
# each must print exactly its .expected file.
set(GUEST_SRC ${CMAKE_SOURCE_DIR}/tests/guest)
set(GUEST_IMAGES ${HVSIM_SPARC_BINARY_DIR}/tests/guest)
function(hvsim_guest_test name)
  add_test(NAME guest.${name}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_output.sh ${GUEST_SRC}/${name}.expected --
            $<TARGET_FILE:hvsim> run ${GUEST_SRC}/one_partition.xml
            -p 0=${GUEST_IMAGES}/${name}.elf --mafs 1)
endfunction()
hvsim_guest_test(printf_test)
hvsim_guest_test(vtrap_test)
hvsim_guest_test(psr_test)
hvsim_guest_test(flush_test)

# Two partitions under two_partitions.xml for 3 major frames: the console
# must equal NAME.expected, and stderr must be one line matching REGEX.
function(hvsim_guest_pair_test name p0 p1 regex)
  set(run $<TARGET_FILE:hvsim> run ${GUEST_SRC}/two_partitions.xml
      -p 0=${GUEST_IMAGES}/${p0}.elf -p 1=${GUEST_IMAGES}/${p1}.elf --mafs 3)
  add_test(NAME guest.${name}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_output.sh ${GUEST_SRC}/${name}.expected -- ${run})
  add_test(NAME guest.${name}.diagnostic
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_error.sh 0 ${regex} -- ${run})
endfunction()
hvsim_guest_pair_test(notbr_test notbr_test notbr_peer
  "partition 0 \\(Faulty\\): software trap \\(tt 0x85\\) at pc 0x401[0-9a-f]{5}: no valid virtual trap table \\(TBR\\): partition halted$")
