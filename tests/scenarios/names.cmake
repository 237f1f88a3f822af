# Names instead of numbers (docs/trace.md, "Names"): a run whose partition
# divides by zero, exported with its ELF's symbols.
add_test(NAME names.trace_export
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_names.sh $<TARGET_FILE:hvsim>
          ${HVSIM_SPARC_BINARY_DIR}/tests/guest/fault_divzero.elf --
          ${CMAKE_SOURCE_DIR}/tests/guest/two_partitions.xml
          -p 0=${HVSIM_SPARC_BINARY_DIR}/tests/guest/fault_divzero.elf
          -p 1=${HVSIM_SPARC_BINARY_DIR}/tests/guest/healthy.elf --mafs 3)

# Failed hypercalls (docs/simulator.md, "Failed hypercalls"): a missing
# port, a message larger than the port, a read of a source port, each from
# one call site three times; a notice each, then their counts.
add_test(NAME names.hypercall_notices
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_hypercall_notices.sh -- $<TARGET_FILE:hvsim>
          ${CMAKE_SOURCE_DIR}/tests/guest/comm.xml
          -p 0=${HVSIM_SPARC_BINARY_DIR}/tests/guest/misuse.elf
          -p 1=${HVSIM_SPARC_BINARY_DIR}/tests/guest/healthy.elf --mafs 2)

# hvsim trace --elf: a bad value, a partition the trace does not have, a
# file that is not an ELF: one line, exit status 2.
set(NAMES_TRACE ${CMAKE_SOURCE_DIR}/tests/unit/comm_v1.trace)
hvsim_bad_input(trace_elf_value "^hvsim trace: --elf junk: expected ID=FILE$"
  $<TARGET_FILE:hvsim> trace ${NAMES_TRACE} --elf junk)
hvsim_bad_input(trace_elf_partition "^hvsim trace: --elf 9=x.elf: the trace has partitions 0..1 only$"
  $<TARGET_FILE:hvsim> trace ${NAMES_TRACE} --elf 9=x.elf)
hvsim_bad_input(trace_elf_not_elf "README.md: not an ELF file with a readable symbol table$"
  $<TARGET_FILE:hvsim> trace ${NAMES_TRACE} --elf 0=${CMAKE_SOURCE_DIR}/README.md)

# hvsim view --elf (the same option, gui/cli_view.c): the same refusals,
# before any image is written.
set(VIEW_PNG ${CMAKE_CURRENT_BINARY_DIR}/view_elf.png)
hvsim_bad_input(view_elf_value "^hvsim view: --elf junk: expected ID=FILE$"
  $<TARGET_FILE:hvsim> view ${NAMES_TRACE} --elf junk --png ${VIEW_PNG})
hvsim_bad_input(view_elf_partition "^hvsim view: --elf 9=x.elf: the trace has partitions 0..1 only$"
  $<TARGET_FILE:hvsim> view ${NAMES_TRACE} --elf 9=x.elf --png ${VIEW_PNG})
hvsim_bad_input(view_elf_missing "/no/such.elf: cannot open: No such file or directory$"
  $<TARGET_FILE:hvsim> view ${NAMES_TRACE} --elf 0=${CMAKE_CURRENT_BINARY_DIR}/no/such.elf
  --png ${VIEW_PNG})
hvsim_bad_input(view_elf_not_elf "README.md: not an ELF file with a readable symbol table$"
  $<TARGET_FILE:hvsim> view ${NAMES_TRACE} --elf 0=${CMAKE_SOURCE_DIR}/README.md --png ${VIEW_PNG})
