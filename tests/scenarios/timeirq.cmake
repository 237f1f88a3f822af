# Timers, plan switching, virtual interrupts, IPVIs and UART2 from inside
# partitions (tests/guest): each program's console must equal its
# .expected file, which holds the exact virtual times.
set(TIMEIRQ_SRC ${CMAKE_SOURCE_DIR}/tests/guest)
set(TIMEIRQ_IMAGES ${HVSIM_SPARC_BINARY_DIR}/tests/guest)
# hvsim_timeirq_test(NAME CONFIG MAFS [IMAGE...]): the images default to NAME.
function(hvsim_timeirq_test name config mafs)
  set(images ${ARGN})
  if(NOT images)
    set(images ${name})
  endif()
  set(args)
  set(id 0)
  foreach(image ${images})
    list(APPEND args -p ${id}=${TIMEIRQ_IMAGES}/${image}.elf)
    math(EXPR id "${id} + 1")
  endforeach()
  add_test(NAME guest.${name}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_output.sh ${TIMEIRQ_SRC}/${name}.expected --
            $<TARGET_FILE:hvsim> run ${TIMEIRQ_SRC}/${config} ${args} --mafs ${mafs})
endfunction()
hvsim_timeirq_test(timer_test timers.xml 6)
hvsim_timeirq_test(plan_test plans.xml 40)
hvsim_timeirq_test(irq_test one_partition.xml 1)
hvsim_timeirq_test(ipvi_test ipvi.xml 3 ipvi_p0 ipvi_p1)
hvsim_timeirq_test(idle_wake timers.xml 4)

# UART2: bytes from --uart2-in reach the partition owning UART2, its echo
# comes out of --uart2-out. qemu-leon3 has no UART2.
add_test(NAME guest.uart_echo
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_uart2.sh ${TIMEIRQ_SRC}/uart_echo.expected
          ${TIMEIRQ_SRC}/uart_echo.uart2.expected --
          $<TARGET_FILE:hvsim> run ${TIMEIRQ_SRC}/uart2.xml -p 0=${TIMEIRQ_IMAGES}/uart_echo.elf
          --mafs 1 --uart2-in ${TIMEIRQ_SRC}/uart_echo.input)
add_test(NAME bad_input.uart2_on_qemu
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_error.sh 2 "this board has no UART2: qemu-leon3" --
          $<TARGET_FILE:hvsim> run ${TIMEIRQ_SRC}/uart2.xml -p 0=${TIMEIRQ_IMAGES}/uart_echo.elf
          --board qemu-leon3 --uart2-in ${TIMEIRQ_SRC}/uart_echo.input)
