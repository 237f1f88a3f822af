# Communication end to end (tests/guest/comm.xml): the producer and the
# consumer exchange sampling messages (validity by refresh period) and
# queued commands (a full queue, an empty one, truncation) over three major
# frames; a user and a system partition write and read trace streams and
# copy memory. Each run must print exactly its .expected file.
set(COMM_IMAGES ${HVSIM_SPARC_BINARY_DIR}/tests/guest)
function(hvsim_comm_test name p0 p1 mafs)
  add_test(NAME guest.${name}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_output.sh ${CMAKE_SOURCE_DIR}/tests/guest/${name}.expected --
            $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/comm.xml
            -p 0=${COMM_IMAGES}/${p0}.elf -p 1=${COMM_IMAGES}/${p1}.elf --mafs ${mafs})
endfunction()
hvsim_comm_test(comm_channels comm_producer comm_consumer 3)
hvsim_comm_test(trace_events trace_user trace_system 1)
