# A partition managing its own memory maps (tests/guest/mmu_test.c,
# mmu.xml; docs/hypercalls.md "Memory maps"): its lines are
# tests/guest/mmu_test.expected, its three faults the expected HM events,
# and its neighbour prints the same bytes as beside a partition that only
# idles (fault_none).
find_program(HVSIM_SPARC_NM sparc64-linux-gnu-nm REQUIRED)
add_test(NAME guest.mmu_maps
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_mmu.sh ${HVSIM_SPARC_NM}
          ${HVSIM_SPARC_BINARY_DIR}/tests/guest/mmu_test.elf
          ${HVSIM_SPARC_BINARY_DIR}/tests/guest/fault_none.elf
          ${CMAKE_SOURCE_DIR}/tests/guest/mmu_test.expected --
          $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/mmu.xml
          -p 1=${HVSIM_SPARC_BINARY_DIR}/tests/guest/healthy.elf --mafs 5 --quiet-hypercalls)
