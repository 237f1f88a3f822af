# One scenario on both engines (tests/leon3/CMakeLists.txt): the two runs,
# their consoles and notices kept in WORK, then compare_engines.
file(MAKE_DIRECTORY ${WORK})
foreach(engine sim qemu)
  if(engine STREQUAL sim)
    set(extra --board qemu-leon3 --quiet-hypercalls) # the image reports no failed hypercalls
  else()
    set(extra --engine qemu)
  endif()
  execute_process(COMMAND ${HVSIM} run ${CONFIG} ${IMAGES} --mafs ${MAFS} ${extra}
                          --trace ${WORK}/${engine}.trace
                  OUTPUT_FILE ${WORK}/${engine}.console ERROR_FILE ${WORK}/${engine}.stderr
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    file(READ ${WORK}/${engine}.stderr err)
    message(FATAL_ERROR "hvsim run (${engine}) failed (${status}):\n${err}")
  endif()
endforeach()
# The notices: the same lines once their times are set aside.
foreach(engine sim qemu)
  file(STRINGS ${WORK}/${engine}.stderr lines REGEX "^hvsim: [0-9]+ us: ")
  list(TRANSFORM lines REPLACE "^hvsim: [0-9]+ us: " "")
  set(notices_${engine} "${lines}")
endforeach()
if(NOT notices_sim STREQUAL notices_qemu)
  message(FATAL_ERROR "notices differ:\nsim:  ${notices_sim}\nqemu: ${notices_qemu}")
endif()
set(args ${WORK}/sim.trace ${WORK}/qemu.trace)
if(NUMBERS)
  list(APPEND args --numbers)
endif()
execute_process(COMMAND ${COMPARE} ${args} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the engines disagree")
endif()
