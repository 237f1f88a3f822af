# Scenarios (docs/scenarios.md), the trace file (docs/trace.md) and the
# paper benchmark's command (docs/paper-benchmark.md), end to end.
set(S ${CMAKE_CURRENT_LIST_DIR})
set(HVSIM_BIN $<TARGET_FILE:hvsim>)

# Every scenario under scenarios/ passes: hello and the paper's cases 1-8
# (two major frames each), with a JUnit report.
add_test(NAME scenario.all
  COMMAND ${HVSIM_BIN} scenario ${CMAKE_SOURCE_DIR}/scenarios -j 2
          --junit ${CMAKE_CURRENT_BINARY_DIR}/scenarios.junit.xml
          --build-dir ${CMAKE_BINARY_DIR})
set_tests_properties(scenario.all PROPERTIES PASS_REGULAR_EXPRESSION "\n24 passed, 0 failed\n")

# A changed slot duration makes its scenario fail with the Reader's first
# differing line: Counter 1 loses 10 ms of its 100 ms.
add_test(NAME scenario.paper_slot_changed
  COMMAND ${S}/expect_scenario_drift.sh ${HVSIM_BIN} ${CMAKE_BINARY_DIR}
          ${CMAKE_SOURCE_DIR}/scenarios/paper/case5
          "s|<Slot id=\"0\" start=\"0ms\" duration=\"100ms\"|<Slot id=\"0\" start=\"0ms\" duration=\"90ms\"|"
          "changed/case5/scenario.hvsim:[0-9]+: console of Reader differs from [^ ]*expected.txt at line 1 [^\"]*expected: \"MAF 1: 831882 [^\"]*\"[^\"]*actual: +\"MAF 1: 748[0-9]{3} ")

# Isolation is what the fault scenarios check: were a partition's fault to
# reach its neighbour (here its table resets the whole system instead of
# halting it), the neighbour's console differs from the fault-free run's.
add_test(NAME scenario.faults_isolation_broken
  COMMAND ${S}/expect_scenario_drift.sh ${HVSIM_BIN} ${CMAKE_BINARY_DIR}
          ${CMAKE_SOURCE_DIR}/scenarios/faults/halt "s|XM_HM_AC_HALT|XM_HM_AC_HYPERVISOR_WARM_RESET|"
          "changed/halt/scenario.hvsim:[0-9]+: console of Healthy differs from [^ ]*/none/healthy.txt at line 2 [^\"]*expected: \"Healthy: slot 1 at 30021 us[^\"]*\"[^\"]*actual: +\"Healthy: slot 0 at ")

# Script errors: each is file:line, all in one run, exit status 2.
add_test(NAME scenario.bad_script
  COMMAND ${S}/expect_status.sh 2
          "bad_scenario/scenario.hvsim:3: usage: run N mafs.*bad_scenario/scenario.hvsim:4: usage: expect console.*bad_scenario/scenario.hvsim:5: usage: inject trap PARTITION TT.*ERROR  [^ ]*bad_scenario .could not run.*0 passed, 1 failed"
          -- ${HVSIM_BIN} scenario ${S}/bad_scenario --build-dir ${CMAKE_BINARY_DIR})

# --trace and --hash: deterministic bytes, the console untouched, the file
# read back with the run's hash, the exports.
add_test(NAME trace.files
  COMMAND ${S}/expect_trace_files.sh -- ${HVSIM_BIN} ${CMAKE_SOURCE_DIR}/scenarios/hello/xm_cf.xml
          -p 0=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p0.elf
          -p 1=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p1.elf --mafs 3)
add_test(NAME trace.not_a_trace
  COMMAND ${S}/expect_error.sh 2 "^${CMAKE_SOURCE_DIR}/README.md: not an hvsim trace file$" --
          ${HVSIM_BIN} trace ${CMAKE_SOURCE_DIR}/README.md)

# The benchmark's command, on its quickest case for one major frame: Table
# 5's rows with the paper's figure, ours and the difference.
add_test(NAME bench.paper_case5
  COMMAND ${HVSIM_BIN} bench paper --case 5 --mafs 1 --build-dir ${CMAKE_BINARY_DIR})
set_tests_properties(bench.paper_case5 PROPERTIES PASS_REGULAR_EXPRESSION
  "Table 5\\..*\nAvg +831760 +8318[0-9][0-9] +\\+0\\.0[0-9][0-9]%")

# The configuration's simulator extension (docs/configuration.md): checked
# by the schema like the rest of the file; its costs apply (hello with
# every cost 0: lines 2 us after the slot start, the register accesses),
# and --cost still wins over them.
set(EXT ${S}/simulator_ext)
add_test(NAME config_ext.bad
  COMMAND ${S}/expect_status.sh 2
          "bad.xml:40: Simulator@board 'pc-at' is not one of xm-leon3, qemu-leon3.*bad.xml:41: Costs@entry 'fast' is not a decimal number.*bad.xml:41: <Costs> has unknown attribute 'speed'"
          -- ${HVSIM_BIN} check ${EXT}/bad.xml)
set(EXT_RUN ${HVSIM_BIN} run ${EXT}/no_costs.xml
    -p 0=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p0.elf
    -p 1=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p1.elf --mafs 2)
add_test(NAME config_ext.costs
  COMMAND ${S}/expect_status.sh 0 "Partition1: slot 0 at 50002 us.Partition0: slot 1 at 100001 us"
          -- ${EXT_RUN})
add_test(NAME config_ext.cost_option_wins
  COMMAND ${S}/expect_status.sh 0 "Partition1: slot 0 at 50010 us.Partition0: slot 1 at 100009 us"
          -- ${EXT_RUN} --cost entry=200)

# Injections end to end: a fault injected into an idle partition waits for
# its slot and halts it; IRQ and UART injections are recorded (the hash).
add_test(NAME scenario.inject_fault
  COMMAND ${HVSIM_BIN} scenario ${S}/inject_fault --build-dir ${CMAKE_BINARY_DIR})
set_tests_properties(scenario.inject_fault PROPERTIES PASS_REGULAR_EXPRESSION
  "ok     [^\n]*inject_fault \\(6 expectations\\)\n1 passed, 0 failed\n")

# inject plan: a request before the first run stands (the system boots
# first) and switches at the end of frame 0; a plan the configuration does
# not have is a one-line error, and the scenario cannot run on (status 2).
add_test(NAME scenario.inject_plan_bad
  COMMAND ${S}/expect_status.sh 2
          "^[^:]*inject_plan_bad/scenario.hvsim:11: inject plan 3: not a plan to switch to \\(the configuration has plans 0..2; plan 0 comes back only with a reset\\).ERROR  [^ ]*inject_plan_bad \\(could not run\\)"
          -- ${HVSIM_BIN} scenario ${S}/inject_plan_bad --build-dir ${CMAKE_BINARY_DIR})
# inject uart2 needs a board with UART2: on qemu-leon3 it is a one-line
# error and the scenario cannot run on (status 2).
add_test(NAME scenario.inject_uart2_qemu
  COMMAND ${S}/expect_status.sh 2
          "inject_uart2_qemu/scenario.hvsim:7: inject uart2: board qemu-leon3 has no UART2.ERROR  [^ ]*inject_uart2_qemu \\(could not run\\)"
          -- ${HVSIM_BIN} scenario ${S}/inject_uart2_qemu --build-dir ${CMAKE_BINARY_DIR})

# The qemu engine (docs/scenarios.md, "On QEMU"): hello passes on the LEON3
# image under QEMU; a scenario that says it cannot run there is skipped
# with its reason, exit 0; every scenario either passes or is skipped;
# wrong expectations still fail there.
add_test(NAME scenario.qemu_hello
  COMMAND ${HVSIM_BIN} scenario ${CMAKE_SOURCE_DIR}/scenarios/hello --engine qemu
          --build-dir ${CMAKE_BINARY_DIR})
set_tests_properties(scenario.qemu_hello PROPERTIES
  PASS_REGULAR_EXPRESSION "ok     [^\n]*scenarios/hello \\(7 expectations\\)\n1 passed, 0 failed\n")
add_test(NAME scenario.qemu_skipped
  COMMAND ${S}/expect_status.sh 0
          "scenario [^ ]*scenarios/inject_uart: cannot run on qemu: Echo drives UART2, which leon3_generic does not have.*.skip   [^ ]*scenarios/inject_uart \\(cannot run on qemu\\).0 passed, 0 failed, 1 skipped on qemu"
          -- ${HVSIM_BIN} scenario ${CMAKE_SOURCE_DIR}/scenarios/inject_uart --engine qemu
             --build-dir ${CMAKE_BINARY_DIR})
add_test(NAME scenario.qemu_all
  COMMAND ${HVSIM_BIN} scenario ${CMAKE_SOURCE_DIR}/scenarios -j 2 --engine qemu
          --build-dir ${CMAKE_BINARY_DIR})
set_tests_properties(scenario.qemu_all PROPERTIES
  PASS_REGULAR_EXPRESSION "\n13 passed, 0 failed, 11 skipped on qemu\n")
add_test(NAME scenario.qemu_wrong
  COMMAND ${S}/expect_status.sh 1
          "scenario.hvsim:14: console of Partition1 does not contain .Partition1: slot 3 at # us. \\(3 lines so far, the last .Partition1: slot 2 at # us.\\).*..*scenario.hvsim:15: state of Partition1: expected ready, got idle..*scenario.hvsim:16: HM events with action HALT for Partition0: expected at least 1, got 0.*.FAILED [^ ]*qemu_wrong \\(3 of 5 expectations failed\\)"
          -- ${HVSIM_BIN} scenario ${S}/qemu_wrong --engine qemu --build-dir ${CMAKE_BINARY_DIR})
add_test(NAME scenario.qemu_no_update
  COMMAND ${S}/expect_status.sh 2 "--update records the simulator's values: not with --engine qemu"
          -- ${HVSIM_BIN} scenario ${CMAKE_SOURCE_DIR}/scenarios/hello --engine qemu --update)
set_tests_properties(scenario.qemu_hello scenario.qemu_skipped scenario.qemu_all scenario.qemu_wrong
  PROPERTIES LABELS leon3)
# Run from inside its folder, a scenario has its real name, not ".".
add_test(NAME scenario.named_from_inside COMMAND $<TARGET_FILE:hvsim> scenario .
  --build-dir ${CMAKE_BINARY_DIR})
set_tests_properties(scenario.named_from_inside PROPERTIES
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/scenarios/hello
  PASS_REGULAR_EXPRESSION "^ok +${CMAKE_SOURCE_DIR}/scenarios/hello \\(")
add_test(NAME scenario.qemu_board_skip
  COMMAND ${S}/expect_status.sh 0
          "scenario [^ ]*qemu_uart2: cannot run on qemu: [^ ]*uart2.xml:[0-9]+: I/O ports at 0x80100100 of partition 1 \\(Partition1\\) are UART2.s; qemu-leon3 has no UART2.skip   [^ ]*qemu_uart2 \\(cannot run on qemu\\)"
          -- ${HVSIM_BIN} scenario ${S}/qemu_uart2 --engine qemu --build-dir ${CMAKE_BINARY_DIR})
set_tests_properties(scenario.qemu_board_skip PROPERTIES LABELS leon3)
# A relative --build-dir is the current directory's (scripts name their
# images relative to their own folder: it was read from there).
get_filename_component(BUILD_PARENT ${CMAKE_BINARY_DIR} DIRECTORY)
get_filename_component(BUILD_NAME ${CMAKE_BINARY_DIR} NAME)
add_test(NAME scenario.relative_build_dir COMMAND $<TARGET_FILE:hvsim> scenario
  ${CMAKE_SOURCE_DIR}/scenarios/hello --build-dir ${BUILD_NAME})
set_tests_properties(scenario.relative_build_dir PROPERTIES WORKING_DIRECTORY ${BUILD_PARENT}
  PASS_REGULAR_EXPRESSION "^ok +${CMAKE_SOURCE_DIR}/scenarios/hello \\(")
hvsim_bad_input(scenario_build_dir_missing
  "^hvsim scenario: --build-dir /nonexistent/build: No such file or directory$"
  $<TARGET_FILE:hvsim> scenario ${CMAKE_SOURCE_DIR}/scenarios/hello --build-dir /nonexistent/build)
# --shard K/N: a stable split of the scenarios for parallel CI jobs.
add_test(NAME scenario.shards COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_shards.sh
  $<TARGET_FILE:hvsim> 3 ${CMAKE_SOURCE_DIR}/scenarios/faults --build-dir ${CMAKE_BINARY_DIR})
hvsim_bad_input(shard_out_of_range "^hvsim scenario: --shard expects K/N with 1 <= K <= N, got 4/3$"
  $<TARGET_FILE:hvsim> scenario ${CMAKE_SOURCE_DIR}/scenarios/hello --shard 4/3)
# Every export checks the trace whole, the same way, before it writes
# (issue 11: --json exported a trace whose end record did not match).
add_test(NAME trace.damaged_refused_by_every_export
  COMMAND ${S}/expect_trace_damaged.sh ${HVSIM_BIN} ${CMAKE_SOURCE_DIR}/scenarios/hello/xm_cf.xml
          -p 0=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p0.elf
          -p 1=${HVSIM_SPARC_BINARY_DIR}/scenarios/hello/hello_p1.elf --mafs 2)

# A script is checked whole before anything runs: every name, slot, time
# and path mistake in one pass, sorted by line, exit status 2; a file that
# --update writes is no mistake with --update (docs/scenarios.md).
set(CHECKED "checked_whole/scenario.hvsim")
string(CONCAT CHECKED_WHOLE
  "^${CHECKED}:4: image [^ ]*/no_such_image.elf: No such file or directory."
  "${CHECKED}:5: the configuration has no partition 'Partition2' \\(its partitions: Partition0, Partition1\\)."
  "${CHECKED}:6: bad cost 'entry=fast' [[:print:]]*."
  "${CHECKED}:7: partition 1 \\(Partition1\\) has no image: every partition needs one \\(image Partition1 FILE\\)."
  "${CHECKED}:8: run until 10ms: that is in the past, the scenario is at 30ms \\(line 7\\)."
  "${CHECKED}:9: run until slot 5: no plan has slot 5 \\(slots of plan 0: 0..1\\)."
  "${CHECKED}:10: the configuration has no partition 'Nobody' [[:print:]]*."
  "${CHECKED}:11: expect console: file checked_whole/not_recorded_yet.txt: No such file or directory \\(hvsim scenario --update writes it\\)."
  "${CHECKED}:12: expect console: file checked_whole/recorded_by_nobody.txt: No such file or directory \\(the scenario that records it writes it\\)."
  "${CHECKED}:13: unknown health-monitor event 'NO_SUCH_EVENT' [[:print:]]*."
  "${CHECKED}:14: the configuration has no plan 4 \\(its plans are 0..0\\)."
  "${CHECKED}:16: the configuration has no partition 'Ghost' [[:print:]]*."
  "${CHECKED}:17: run until slot 0 of maf 0: that major frame has ended, the scenario is at least at 130ms \\(line 15\\)."
  "ERROR  checked_whole \\(could not run\\).0 passed, 1 failed.$")
add_test(NAME scenario.checked_whole
  COMMAND ${S}/expect_status.sh 2 "${CHECKED_WHOLE}"
          -- ${HVSIM_BIN} scenario checked_whole --build-dir ${CMAKE_BINARY_DIR})
add_test(NAME scenario.checked_whole_update
  COMMAND ${HVSIM_BIN} scenario checked_whole --update --build-dir ${CMAKE_BINARY_DIR})
set_tests_properties(scenario.checked_whole scenario.checked_whole_update PROPERTIES
  WORKING_DIRECTORY ${S})
set_tests_properties(scenario.checked_whole_update PROPERTIES
  PASS_REGULAR_EXPRESSION "recorded_by_nobody.txt: No such file.*ERROR  checked_whole"
  FAIL_REGULAR_EXPRESSION "not_recorded_yet")
# Absolute paths are paths, not /regular expressions/.
configure_file(${S}/absolute_paths.hvsim.in
  ${CMAKE_CURRENT_BINARY_DIR}/absolute_paths/scenario.hvsim @ONLY)
add_test(NAME scenario.absolute_paths
  COMMAND ${HVSIM_BIN} scenario ${CMAKE_CURRENT_BINARY_DIR}/absolute_paths
          --build-dir ${CMAKE_BINARY_DIR})
set_tests_properties(scenario.absolute_paths PROPERTIES
  PASS_REGULAR_EXPRESSION "ok     [^\n]*absolute_paths \\(2 expectations\\)\n1 passed, 0 failed\n")
add_test(NAME scenario.checked_no_config
  COMMAND ${S}/expect_status.sh 2
          "^checked_no_config/scenario.hvsim:3: config checked_no_config/no_such_xm_cf.xml: No such file or directory.checked_no_config/scenario.hvsim:6: run until 2ms: that is in the past, the scenario is at 5ms \\(line 5\\).ERROR  checked_no_config"
          -- ${HVSIM_BIN} scenario checked_no_config --build-dir ${CMAKE_BINARY_DIR})
set_tests_properties(scenario.checked_no_config PROPERTIES WORKING_DIRECTORY ${S})
