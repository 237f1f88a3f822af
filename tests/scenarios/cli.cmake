# The command line's conventions (sim/common/cli_options.h): --help on every
# subcommand, `hvsim help CMD`, --version, --opt=value, -p0=FILE, the man page.
set(S ${CMAKE_CURRENT_LIST_DIR})
set(HELLO ${CMAKE_SOURCE_DIR}/scenarios/hello)
set(HELLO_IMAGES ${HVSIM_SPARC_BINARY_DIR}/scenarios/hello)
add_test(NAME cli.help_every_command COMMAND ${S}/expect_help.sh $<TARGET_FILE:hvsim>)
add_test(NAME cli.version COMMAND $<TARGET_FILE:hvsim> --version)
set_tests_properties(cli.version PROPERTIES PASS_REGULAR_EXPRESSION "^hvsim ${PROJECT_VERSION}\n$")
# --mafs=3 and -p0=FILE, -p 1:FILE: the same run as the spelled-out options.
add_test(NAME cli.attached_values COMMAND ${S}/expect_output.sh ${HELLO}/expected.txt --
  $<TARGET_FILE:hvsim> run ${HELLO}/xm_cf.xml --mafs=3 -p0=${HELLO_IMAGES}/hello_p0.elf
  -p 1:${HELLO_IMAGES}/hello_p1.elf)
hvsim_bad_input(flag_with_value "^hvsim run: --hash takes no value$"
  $<TARGET_FILE:hvsim> run ${HELLO}/xm_cf.xml --hash=yes)
hvsim_bad_input(option_without_value "^hvsim run: --mafs needs a value \\(N\\)$"
  $<TARGET_FILE:hvsim> run ${HELLO}/xm_cf.xml --mafs)
hvsim_bad_input(unknown_long_with_value "^hvsim trace: unknown option --frob$"
  $<TARGET_FILE:hvsim> trace x.trace --frob=1)
hvsim_bad_input(help_unknown_command "^hvsim: help: no command named frob$"
  $<TARGET_FILE:hvsim> help frob)
# A time without its unit is refused, as in XM_CF and scenario scripts.
hvsim_bad_input(time_without_unit "^hvsim: --from expects a time with its unit"
  $<TARGET_FILE:hvsim> view x.trace --png x.png --from 10)
# The man page renders without a groff warning.
find_program(GROFF groff)
if(GROFF)
  add_test(NAME cli.man_page COMMAND ${CMAKE_COMMAND} -E env
    sh -c "$<TARGET_FILE:hvsim> help --man | ${GROFF} -man -Tutf8 -ww -z 2>&1 | (! grep .)")
endif()
# Every option and operand that names a file, given a directory,
# /dev/full, a missing folder, an unreadable (unwritable) file, /dev/zero
# and a FIFO nobody writes to: one line naming the file and the reason,
# exit 2, never a hang or a read without bound (issue 11;
# sim/common/files.h, docs/simulator.md).
add_test(NAME bad_input.every_path COMMAND ${S}/expect_bad_paths.sh $<TARGET_FILE:hvsim>
  ${HELLO}/xm_cf.xml ${HELLO_IMAGES}/hello_p0.elf ${HELLO_IMAGES}/hello_p1.elf)
set_tests_properties(bad_input.every_path PROPERTIES TIMEOUT 300)
