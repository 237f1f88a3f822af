# `hvsim check CONFIG.xml`: exit 0 and silence for a valid file, from any
# directory (the schema is built in); exit 2 and every error of an invalid
# file, one `file:line: message` line each, in one run.
set(S ${CMAKE_CURRENT_LIST_DIR})
set(CONFIGS ${CMAKE_SOURCE_DIR}/tests/configs)

add_test(NAME check.valid_full COMMAND $<TARGET_FILE:hvsim> check ${CONFIGS}/full.xml
  WORKING_DIRECTORY /)
set_tests_properties(check.valid_full PROPERTIES FAIL_REGULAR_EXPRESSION ".")
add_test(NAME check.valid_hello COMMAND $<TARGET_FILE:hvsim> check
  ${CMAKE_SOURCE_DIR}/scenarios/hello/xm_cf.xml WORKING_DIRECTORY /)
set_tests_properties(check.valid_hello PROPERTIES FAIL_REGULAR_EXPRESSION ".")

add_test(NAME check.one_error COMMAND ${S}/expect_error.sh 2
  "^${CONFIGS}/bad_slot_partition.xml:14: slot 1 of plan 0 names partition 7, which does not exist$"
  -- $<TARGET_FILE:hvsim> check ${CONFIGS}/bad_slot_partition.xml)

# Every error of a file in one run: schema errors, then semantic ones.
foreach(f bad_schema_values bad_channels bad_hm_actions bad_irq bad_many bad_policy bad_hv_devices)
  add_test(NAME check.all_errors.${f} COMMAND ${S}/expect_fixture.sh 2 ${CONFIGS}/${f}.xml --
    $<TARGET_FILE:hvsim> check ${CONFIGS}/${f}.xml WORKING_DIRECTORY /)
endforeach()

# The hypervisor's own devices granted: `run` refuses the file as `check`
# does, before it looks at any image (issue 11).
add_test(NAME check.hv_devices_run COMMAND ${S}/expect_fixture.sh 2
  ${CONFIGS}/bad_hv_devices_qemu.xml -- $<TARGET_FILE:hvsim> run ${CONFIGS}/bad_hv_devices_qemu.xml
  -p 0=/nonexistent.elf WORKING_DIRECTORY /)

# A grant that can never be used is a warning: reported, exit 0.
add_test(NAME check.policy_warnings COMMAND ${S}/expect_fixture.sh 0 ${CONFIGS}/policy_warnings.xml --
  $<TARGET_FILE:hvsim> check ${CONFIGS}/policy_warnings.xml WORKING_DIRECTORY /)

# The checks scale (issue 11): 100,000 slots and 60,000 areas with a
# conflict of each kind at the end of the file take well under a second
# (comparing every pair took 16 s and 274 s); each conflict names the
# first earlier slot or area it meets.
add_test(NAME check.scales COMMAND ${S}/expect_generated.sh 2 ${CONFIGS}/generate.py
  --slots 100000 --areas 60000 --clash -- $<TARGET_FILE:hvsim> check GEN --
  "GEN:100005: warning: slot id 0 of plan 0 repeats the one at line 4 (XtratuM allows it; a partition sees the id in its PCT's schedInfo.id)"
  "GEN:100005: slot 0 of plan 0 starts at 999995us, before slot 99999 (line 100004) ends at 1s"
  "GEN:100131: partition 0 (P0) has 60001 memory areas, more than 120 (what its PCT page lists)"
  "GEN:160011: area 0x10000000-0x10002000 of partition 0 (P0) overlaps its area at line 100012")
set_tests_properties(check.scales PROPERTIES TIMEOUT 60)
# 20,000 ports in each of two partitions and 20,000 channels: names and
# channel ends found by sorting, not by comparing with every port.
add_test(NAME check.scales_ports COMMAND ${S}/expect_generated.sh 2 ${CONFIGS}/generate.py
  --ports 20000 -- $<TARGET_FILE:hvsim> check GEN --
  "GEN:270: too many ports (the hypervisor holds at most 256)"
  "GEN:40019: port 'p19999' of partition 1 (P1) belongs to no channel"
  "GEN:40152: too many channels (the hypervisor holds at most 128)"
  "GEN:60023: port 'p0' of partition 1 (P1) already belongs to the channel end at line 40024")
set_tests_properties(check.scales_ports PROPERTIES TIMEOUT 60)

# At most 120 areas in a partition, what its PCT page lists (issue 11:
# 2,100 passed `check`, then Unicorn aborted).
add_test(NAME check.area_limit COMMAND ${S}/expect_generated.sh 2 ${CONFIGS}/generate.py
  --areas 121 -- $<TARGET_FILE:hvsim> check GEN --
  "GEN:131: partition 0 (P0) has 121 memory areas, more than 120 (what its PCT page lists)")

# Six partitions at 120 areas each for P0 and 300 shared areas in all run
# (more than 256 shared areas ended `run` with status 3 and no message).
set(HELLO_IMAGES ${HVSIM_SPARC_BINARY_DIR}/scenarios/hello)
set(HELLO_AT ${HVSIM_SPARC_BINARY_DIR}/tests/guest/hello_at_)
add_test(NAME run.many_areas COMMAND ${S}/expect_generated.sh --stdout "^P5: slot 1 at 110021 us$"
  0 ${CONFIGS}/generate.py
  --partitions 6 --slots 6 --slot-us 10000 --areas 20 --shared 100 --
  $<TARGET_FILE:hvsim> run GEN --mafs 2 -p 0=${HELLO_IMAGES}/hello_p0.elf
  -p 1=${HELLO_IMAGES}/hello_p1.elf -p 2=${HELLO_AT}0x40300000.elf -p 3=${HELLO_AT}0x40400000.elf
  -p 4=${HELLO_AT}0x40500000.elf -p 5=${HELLO_AT}0x40600000.elf --)
