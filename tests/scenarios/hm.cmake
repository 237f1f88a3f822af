# The system-partition scenario (tests/guest/hm_system.xml): Supervisor
# suspends, resumes, shuts down and warm-resets Target, reads the HM log
# after Target's division by zero (which its table halts), cold-resets it,
# reads the system status and halts the system. The console must be
# tests/guest/hm_system.expected; stderr has the fault notice and the halt
# notice (Target's refused calls' notices silenced), and nothing runs after
# the halt (--mafs 8 asks for more frames).
set(HM_IMAGES ${HVSIM_SPARC_BINARY_DIR}/tests/guest)
set(HVSIM_HM_SYSTEM $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/hm_system.xml
    -p 0=${HM_IMAGES}/hm_target.elf -p 1=${HM_IMAGES}/hm_supervisor.elf --mafs 8)
add_test(NAME scenario.hm_system
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_output.sh
          ${CMAKE_SOURCE_DIR}/tests/guest/hm_system.expected -- ${HVSIM_HM_SYSTEM})
# Target's own event (XM_hm_raise_event, a leaf: its caller from %o7) has
# a notice and a backtrace; its division by zero the whole fault report.
add_test(NAME scenario.hm_system.notices
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_stderr.sh
          "^hvsim: [0-9]+ us: partition 0 \\(Target\\): HM event XM_HM_EV_APP_NUMERIC_ERROR at pc 0x401[0-9a-f]{5}, action XM_HM_AC_IGNORE$"
          "^hvsim:   #0  0x401[0-9a-f]{5} XM_hm_raise_event at xal/src/[a-z]+.h:[0-9]+$"
          "^hvsim:   #1  0x401[0-9a-f]{5} PartitionMain at tests/guest/hm_target.c:[0-9]+$"
          "^hvsim:   #2  0x40100044 _start at xal/src/crt0.S:[0-9]+$"
          "^hvsim: [0-9]+ us: partition 0 \\(Target\\): division by zero \\(tt 0x2a\\) .*: HM event XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION, action XM_HM_AC_HALT$"
          "^hvsim:   pc 0x" "^hvsim:   %g0-7" "^hvsim:   %o0-7" "^hvsim:   %l0-7" "^hvsim:   %i0-7"
          "^hvsim:   instruction: [0-9a-f]{8}  udiv "
          "^hvsim:   #0  0x401[0-9a-f]{5} PartitionMain at tests/guest/hm_target.c:[0-9]+$"
          "^hvsim:   #1  0x40100044 _start at xal/src/crt0.S:[0-9]+$"
          "^hvsim: [0-9]+ us: system halted by partition 1 \\(Supervisor\\)$"
          -- ${HVSIM_HM_SYSTEM} --quiet-hypercalls)
add_test(NAME scenario.hm_system.deterministic
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_same_bytes.sh -- ${HVSIM_HM_SYSTEM})

# A fault whose partition table resets the whole system (warm): both
# partitions start again, plan 0 from the fault's time on (Healthy's slot 0
# comes again 10 ms after the fault). tests/guest/hm_hypervisor_warm_reset.expected.
set(ACTION HYPERVISOR_WARM_RESET)
configure_file(${CMAKE_SOURCE_DIR}/tests/guest/hm_fault.xml.in
               ${CMAKE_CURRENT_BINARY_DIR}/hm_hypervisor_warm_reset.xml @ONLY)
add_test(NAME scenario.hm_hypervisor_warm_reset
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_output.sh
          ${CMAKE_SOURCE_DIR}/tests/guest/hm_hypervisor_warm_reset.expected --
          $<TARGET_FILE:hvsim> run ${CMAKE_CURRENT_BINARY_DIR}/hm_hypervisor_warm_reset.xml
          -p 0=${HM_IMAGES}/fault_hm.elf -p 1=${HM_IMAGES}/healthy.elf --mafs 4)
# Console lines and notices in the order they happened with both streams in
# one pipe (2>&1 | cat, as a CI log): the lines completed before the fault
# at 22 ms come before its notice (stdout is line-buffered).
add_test(NAME scenario.notices_in_order COMMAND sh -c
  "$<TARGET_FILE:hvsim> run ${CMAKE_CURRENT_BINARY_DIR}/hm_partition_cold_reset.xml \
   -p 0=${HM_IMAGES}/fault_hm.elf -p 1=${HM_IMAGES}/healthy.elf --mafs 3 2>&1 | cat | \
   awk '/^Healthy: slot 0 at/ {line = NR} /^hvsim: 22034 us: .*HM event/ {notice = NR} \
        END {exit !(line && notice && line < notice)}'")
