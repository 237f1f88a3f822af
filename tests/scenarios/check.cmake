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
