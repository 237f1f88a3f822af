# cpu/ tests. SPARC snippets in sparc/ are assembled at build time with the
# Debian cross toolchain and linked at the partition code address; the tests
# get the raw binaries' paths as compile definitions.
find_program(HVSIM_SPARC_GCC sparc64-linux-gnu-gcc REQUIRED)
find_program(HVSIM_SPARC_LD sparc64-linux-gnu-ld REQUIRED)
find_program(HVSIM_SPARC_OBJCOPY sparc64-linux-gnu-objcopy REQUIRED)

set(VCPU_TEST_CODE_ADDRESS 0x40000000)
set(VCPU_TEST_SNIPPETS boot recurse counter bad_stack traps branchy)
set(VCPU_TEST_SNIPPET_DIR ${CMAKE_CURRENT_BINARY_DIR}/vcpu_sparc)

set(vcpu_test_bins)
set(vcpu_test_defs VCPU_TEST_CODE_ADDRESS=${VCPU_TEST_CODE_ADDRESS})
foreach(snippet ${VCPU_TEST_SNIPPETS})
  set(src ${CMAKE_CURRENT_LIST_DIR}/sparc/${snippet}.S)
  set(obj ${VCPU_TEST_SNIPPET_DIR}/${snippet}.o)
  set(elf ${VCPU_TEST_SNIPPET_DIR}/${snippet}.elf)
  set(bin ${VCPU_TEST_SNIPPET_DIR}/${snippet}.bin)
  add_custom_command(OUTPUT ${bin}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${VCPU_TEST_SNIPPET_DIR}
    COMMAND ${HVSIM_SPARC_GCC} -m32 -mcpu=leon3 -c ${src} -o ${obj}
    COMMAND ${HVSIM_SPARC_LD} -m elf32_sparc -Ttext=${VCPU_TEST_CODE_ADDRESS} ${obj} -o ${elf}
    COMMAND ${HVSIM_SPARC_OBJCOPY} -O binary ${elf} ${bin}
    DEPENDS ${src}
    COMMENT "Assembling SPARC test snippet ${snippet}"
    VERBATIM)
  list(APPEND vcpu_test_bins ${bin})
  string(TOUPPER ${snippet} upper)
  list(APPEND vcpu_test_defs VCPU_TEST_BIN_${upper}="${bin}")
endforeach()
add_custom_target(vcpu_test_snippets DEPENDS ${vcpu_test_bins})

hvsim_unit_test(test_vcpu SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_vcpu.c
                ${CMAKE_CURRENT_LIST_DIR}/vcpu_fixture.c LIBS hvsim_cpu)
hvsim_unit_test(test_vcpu_run SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_vcpu_run.c
                ${CMAKE_CURRENT_LIST_DIR}/vcpu_fixture.c LIBS hvsim_cpu)
hvsim_unit_test(test_vcpu_budget SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_vcpu_budget.c
                LIBS hvsim_cpu)
hvsim_unit_test(test_vcpu_traps SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_vcpu_traps.c
                LIBS hvsim_cpu)
hvsim_unit_test(test_vcpu_debug SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_vcpu_debug.c
                ${CMAKE_CURRENT_LIST_DIR}/vcpu_fixture.c LIBS hvsim_cpu)
foreach(t test_vcpu test_vcpu_run test_vcpu_budget test_vcpu_debug)
  target_compile_definitions(${t} PRIVATE ${vcpu_test_defs})
  add_dependencies(${t} vcpu_test_snippets)
endforeach()
hvsim_unit_test(test_vcpu_mmu SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_vcpu_mmu.c LIBS hvsim_cpu)
hvsim_unit_test(test_timing SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_timing.c LIBS hvsim_cpu)
