# Names instead of numbers (docs/trace.md, "Names"): a run whose partition
# divides by zero, exported with its ELF's symbols.
add_test(NAME names.trace_export
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_names.sh $<TARGET_FILE:hvsim>
          ${HVSIM_SPARC_BINARY_DIR}/tests/guest/fault_divzero.elf --
          ${CMAKE_SOURCE_DIR}/tests/guest/two_partitions.xml
          -p 0=${HVSIM_SPARC_BINARY_DIR}/tests/guest/fault_divzero.elf
          -p 1=${HVSIM_SPARC_BINARY_DIR}/tests/guest/healthy.elf --mafs 3)
