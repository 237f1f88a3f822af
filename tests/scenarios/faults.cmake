# Fault isolation end to end: a partition taking each kind of fault is
# halted by the health monitor (xmcparser's default action) with one notice
# naming the trap, its PC (read from the image), for access faults the
# address, and the HM event and action; its neighbour prints the same bytes
# as when nothing faults (tests/guest/fault.c, healthy.c, two_partitions.xml).
find_program(HVSIM_SPARC_NM sparc64-linux-gnu-nm REQUIRED)
set(FAULT_IMAGES ${HVSIM_SPARC_BINARY_DIR}/tests/guest)
function(hvsim_fault_test kind notice event)
  add_test(NAME fault.${kind}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_fault.sh ${HVSIM_SPARC_NM}
            ${FAULT_IMAGES}/fault_${kind}.elf ${FAULT_IMAGES}/fault_none.elf
            "^hvsim: [0-9]+ us: partition 0 \\(Faulty\\): ${notice}: HM event XM_HM_EV_${event}, action XM_HM_AC_HALT$" --
            $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/two_partitions.xml
            -p 1=${FAULT_IMAGES}/healthy.elf --mafs 3)
endfunction()
hvsim_fault_test(privileged "privileged instruction \\(tt 0x03\\) at pc @PC@"
  SPARCV8_PRIVILEGED_INSTR)
hvsim_fault_test(misaligned "memory address not aligned \\(tt 0x07\\) at pc @PC@"
  SPARCV8_MEM_ADDR_NOT_ALIGNED)
hvsim_fault_test(divzero "division by zero \\(tt 0x2a\\) at pc @PC@" SPARCV8_DIVIDE_EXCEPTION)
# An FP instruction in a partition without flags="fp" (XtratuM: FP_DISABLED).
hvsim_fault_test(fpdisabled "fp disabled \\(tt 0x04\\) at pc @PC@" SPARCV8_FP_DISABLED)
# A store into the other partition's memory (not mapped for this one).
hvsim_fault_test(unmapped "data access exception \\(tt 0x09\\) at pc @PC@, address 0x40200010"
  SPARCV8_DATA_ACCESS_EXCEPTION)
hvsim_fault_test(readonly "data access exception \\(tt 0x09\\) at pc @PC@, address 0x40300000"
  SPARCV8_DATA_ACCESS_EXCEPTION)
# A software trap is reflected to the partition's virtual trap table; with
# none (TBR never set, or a table past its memory) it is unrecoverable.
hvsim_fault_test(notbr
  "software trap \\(tt 0x85\\) at pc @PC@: no valid virtual trap table \\(TBR\\)"
  PARTITION_UNRECOVERABLE)
hvsim_fault_test(badtbr
  "software trap \\(tt 0x85\\) at pc @PC@: no valid virtual trap table \\(TBR\\)"
  PARTITION_UNRECOVERABLE)

# Each health-monitor action a partition table may choose for the same
# fault (fault_hm: a division by zero, with a trap handler installed), in a
# configuration made from tests/guest/hm_fault.xml.in. What the faulty
# partition prints is tests/guest/hm_<action>.expected; the healthy one
# prints the same bytes as when nothing faults.
function(hvsim_hm_action_test action)
  string(TOLOWER ${action} name)
  set(ACTION ${action})
  set(EVENT SPARCV8_DIVIDE_EXCEPTION)
  configure_file(${CMAKE_SOURCE_DIR}/tests/guest/hm_fault.xml.in
                 ${CMAKE_CURRENT_BINARY_DIR}/hm_${name}.xml @ONLY)
  add_test(NAME fault.hm_${name}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_fault.sh ${HVSIM_SPARC_NM}
            ${FAULT_IMAGES}/fault_hm.elf ${FAULT_IMAGES}/fault_none.elf
            "^hvsim: [0-9]+ us: partition 0 \\(Faulty\\): division by zero \\(tt 0x2a\\) at pc @PC@: HM event XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION, action XM_HM_AC_${action}$"
            --faulty ${CMAKE_SOURCE_DIR}/tests/guest/hm_${name}.expected --
            $<TARGET_FILE:hvsim> run ${CMAKE_CURRENT_BINARY_DIR}/hm_${name}.xml
            -p 1=${FAULT_IMAGES}/healthy.elf --mafs 3)
endfunction()
foreach(action IGNORE PARTITION_COLD_RESET PARTITION_WARM_RESET SUSPEND HALT PROPAGATE)
  hvsim_hm_action_test(${action})
endforeach()

# A virtual interrupt whose delivery fails (fault_virq: no valid trap
# table) is the HM event PARTITION_UNRECOVERABLE; the notice names the
# action the table chose, which is what happened (issue 11: it said
# "partition halted" whatever the action). tests/guest/virq_<action>.expected.
function(hvsim_virq_action_test action)
  string(TOLOWER ${action} name)
  set(ACTION ${action})
  set(EVENT PARTITION_UNRECOVERABLE)
  configure_file(${CMAKE_SOURCE_DIR}/tests/guest/hm_fault.xml.in
                 ${CMAKE_CURRENT_BINARY_DIR}/virq_${name}.xml @ONLY)
  add_test(NAME fault.virq_${name}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_fault.sh ${HVSIM_SPARC_NM}
            ${FAULT_IMAGES}/fault_virq.elf ${FAULT_IMAGES}/fault_none.elf
            "^hvsim: [0-9]+ us: partition 0 \\(Faulty\\): virtual interrupt: no valid virtual trap table \\(TBR\\): HM event XM_HM_EV_PARTITION_UNRECOVERABLE, action XM_HM_AC_${action}$"
            --faulty ${CMAKE_SOURCE_DIR}/tests/guest/virq_${name}.expected --
            $<TARGET_FILE:hvsim> run ${CMAKE_CURRENT_BINARY_DIR}/virq_${name}.xml
            -p 1=${FAULT_IMAGES}/healthy.elf --mafs 3)
endfunction()
foreach(action IGNORE PARTITION_COLD_RESET HALT)
  hvsim_virq_action_test(${action})
endforeach()
