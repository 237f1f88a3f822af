# Modelled hypervisor costs (--cost): each moves the times partitions observe
# by exactly its cycles times the number of times it is charged. At 50 MHz a
# µs is 50 cycles; the costs below are whole µs so the shifts are exact.
set(COST_PROBE $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/one_partition.xml
    -p 0=${HVSIM_SPARC_BINARY_DIR}/tests/guest/cost_probe.elf --mafs 2)
set(COST_HELLO $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/scenarios/hello/xm_cf.xml
    -p 0=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p0.elf
    -p 1=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p1.elf --mafs 3)
function(hvsim_cost_test name costs shifts)
  add_test(NAME cost.${name}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_time_shift.sh ${costs} ${shifts} -- ${ARGN})
endfunction()

# cost_probe's lines (tests/guest/cost_probe.c): start = 1 switch, 1 entry,
# 1 hypercall; calls = 101 entries and hypercalls; resume = 2 entries (timer
# interrupt, XM_get_time), 1 switch, 1 hypercall.
hvsim_cost_test(entry "entry=150" "3 303 6" ${COST_PROBE})
hvsim_cost_test(hypercall "hypercall=100" "2 202 2" ${COST_PROBE})
hvsim_cost_test(context_switch "context-switch=250" "5 0 5" ${COST_PROBE})
hvsim_cost_test(all "entry=150,hypercall=100,context-switch=250" "10 505 13" ${COST_PROBE})
# hello: Partition0's first line has no timer interrupt before it, every
# other line one (the slot start) plus XM_get_time's entry; one switch each.
hvsim_cost_test(hello_entry "entry=200" "4 8 8 8 8 8" ${COST_HELLO})
hvsim_cost_test(hello_context_switch "context-switch=500" "10" ${COST_HELLO})

# Bad --cost values: one line, exit status 2.
add_test(NAME bad_input.cost_unknown_name
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_error.sh 2 "--cost expects NAME=CYCLES.*got entri=1" --
          ${COST_PROBE} --cost entri=1)
add_test(NAME bad_input.cost_not_a_number
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_error.sh 2 "--cost expects NAME=CYCLES.*got entry=-1" --
          ${COST_PROBE} --cost entry=-1)
