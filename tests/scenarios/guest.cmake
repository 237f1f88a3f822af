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
hvsim_guest_test(xal_boot)
hvsim_guest_test(xal_boot_area_end)
hvsim_guest_test(xmq_layout)
hvsim_guest_test(xm_names)

# Host-checked guest programs (tests/guest/guest_test.h): the same portable
# source built for the host prints the expected output at test time. They
# run for several major frames: fib and the recursion take more than one
# 10 ms slot; the partition halts when done.
function(hvsim_guest_host_test name)
  add_executable(${name}_host ${GUEST_SRC}/${name}.c ${GUEST_SRC}/host_main.c)
  add_test(NAME guest.${name}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_host_output.sh $<TARGET_FILE:${name}_host> --
            $<TARGET_FILE:hvsim> run ${GUEST_SRC}/one_partition.xml
            -p 0=${GUEST_IMAGES}/${name}.elf --mafs 10)
endfunction()
foreach(name recursion ackermann fib qsort)
  hvsim_guest_host_test(${name})
endforeach()

# The FPU against the host's IEEE 754 arithmetic (tests/guest/fpu_ieee.c),
# in a partition with flags "fp".
add_executable(fpu_ieee_host ${GUEST_SRC}/fpu_ieee.c ${GUEST_SRC}/fpu_env_host.c
               ${GUEST_SRC}/host_main.c)
target_compile_options(fpu_ieee_host PRIVATE -fno-math-errno -frounding-math -ffp-contract=off)
target_link_libraries(fpu_ieee_host PRIVATE m)
add_test(NAME guest.fpu_ieee
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_host_output.sh $<TARGET_FILE:fpu_ieee_host> --
          $<TARGET_FILE:hvsim> run ${GUEST_SRC}/fpu.xml -p 0=${GUEST_IMAGES}/fpu_ieee.elf --mafs 1)
# FP exceptions through the trap table, the virtual EF (tests/guest/fpu_trap.c).
add_test(NAME guest.fpu_trap
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_output.sh ${GUEST_SRC}/fpu_trap.expected --
          $<TARGET_FILE:hvsim> run ${GUEST_SRC}/fpu.xml -p 0=${GUEST_IMAGES}/fpu_trap.elf --mafs 1)
# A warm and a cold reset clear the FP registers and %fsr (tests/guest/fpu_reset.c).
add_test(NAME guest.fpu_reset
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_output.sh ${GUEST_SRC}/fpu_reset.expected --
          $<TARGET_FILE:hvsim> run ${GUEST_SRC}/fpu.xml -p 0=${GUEST_IMAGES}/fpu_reset.elf --mafs 1)
# Two FP partitions keep their FP registers across context switches.
add_test(NAME guest.fpu_switch
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_output.sh ${GUEST_SRC}/fpu_switch.expected --
          $<TARGET_FILE:hvsim> run ${GUEST_SRC}/fpu_two.xml -p 0=${GUEST_IMAGES}/fpu_switch_p0.elf
          -p 1=${GUEST_IMAGES}/fpu_switch_p1.elf --mafs 200)
# XM_CF files in XM-Q's style: 80 MHz (the processor's clock), Slot@vCpuId,
# a repeated slot id; the same without Processor@frequency (the board's).
foreach(config xmq_style xmq_style_nofreq)
  add_test(NAME guest.${config}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_output.sh ${GUEST_SRC}/${config}.expected --
            $<TARGET_FILE:hvsim> run ${GUEST_SRC}/${config}.xml -p 0=${GUEST_IMAGES}/xmq_clock.elf
            --mafs 3)
endforeach()
