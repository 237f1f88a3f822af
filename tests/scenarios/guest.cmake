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
