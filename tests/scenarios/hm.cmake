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
          "^hvsim: [0-9]+ us: partition 0 \\(Target\\): HM event XM_HM_EV_APP_NUMERIC_ERROR at pc 0x401[0-9a-f]{5} <XM_hm_raise_event\\+0x[0-9a-f]+>, action XM_HM_AC_IGNORE$"
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
set(EVENT SPARCV8_DIVIDE_EXCEPTION)
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
# A virtual interrupt that cannot be delivered (tests/guest/virq_badtbr.c:
# a trap table past its memory): after the notice, the registers (the
# partition's own %tbr), where it was, no instruction (none caused it).
add_test(NAME fault.report_virq
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_stderr.sh
          "^hvsim: [0-9]+ us: partition 0 \\(Faulty\\): virtual interrupt: no valid virtual trap table \\(TBR\\)"
          "^hvsim:   pc 0x401000[0-9a-f]{2} npc 0x401000[0-9a-f]{2} psr 0x[0-9a-f]{8} wim 0x[0-9a-f]{8} tbr 0x40300010 y 0x[0-9a-f]{8}$"
          "^hvsim:   %g0-7" "^hvsim:   %o0-7" "^hvsim:   %l0-7" "^hvsim:   %i0-7"
          "^hvsim:   #0  0x401000[0-9a-f]{2} PartitionMain at tests/guest/virq_badtbr.c:[0-9]+$"
          "^hvsim:   #1  0x40100044 _start at xal/src/crt0.S:[0-9]+$"
          -- $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/two_partitions.xml
             -p 0=${HM_IMAGES}/virq_badtbr.elf -p 1=${HM_IMAGES}/healthy.elf --mafs 3)
# A fault in a loop under IGNORE (tests/guest/fault_loop.c, 1234 times at
# one PC) does not flood: its first three notices (the first with its
# report), a line at the 10th, 100th and 1000th, one at the end.
set(LOOP_NOTICE "partition 0 \\(Faulty\\): illegal instruction \\(tt 0x02\\) at pc 0x4010006c <PartitionMain\\+0x8>: HM event XM_HM_EV_SPARCV8_ILLEGAL_INSTR, action XM_HM_AC_IGNORE$")
set(LOOP_MORE "partition 0 \\(Faulty\\): \\.\\.\\. ")
set(LOOP_EVENT "more: HM event XM_HM_EV_SPARCV8_ILLEGAL_INSTR at pc 0x4010006c <PartitionMain\\+0x8>, action XM_HM_AC_IGNORE")
add_test(NAME fault.loop_does_not_flood
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_stderr.sh
          "^hvsim: [0-9]+ us: ${LOOP_NOTICE}"
          "^hvsim:   pc 0x4010006c " "^hvsim:   %g0-7" "^hvsim:   %o0-7" "^hvsim:   %l0-7"
          "^hvsim:   %i0-7" "^hvsim:   instruction: 00000000  unimp 0$"
          "^hvsim:   #0  0x4010006c PartitionMain at tests/guest/fault_loop.c:[0-9]+$"
          "^hvsim:   #1  0x40100044 _start at xal/src/crt0.S:[0-9]+$"
          "^hvsim: [0-9]+ us: ${LOOP_NOTICE}" "^hvsim: [0-9]+ us: ${LOOP_NOTICE}"
          "^hvsim: [0-9]+ us: ${LOOP_MORE}7 ${LOOP_EVENT} \\(10 so far\\)$"
          "^hvsim: [0-9]+ us: ${LOOP_MORE}90 ${LOOP_EVENT} \\(100 so far\\)$"
          "^hvsim: [0-9]+ us: ${LOOP_MORE}900 ${LOOP_EVENT} \\(1000 so far\\)$"
          "^hvsim: at the end: ${LOOP_MORE}234 ${LOOP_EVENT} \\(1234 in all\\)$"
          -- $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/scenarios/faults/ignore/xm_cf.xml
             -p 0=${HM_IMAGES}/fault_loop.elf
             -p 1=${HVSIM_SPARC_BINARY_DIR}/scenarios/faults/faults_healthy.elf --mafs 2)
