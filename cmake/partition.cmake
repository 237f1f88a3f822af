# Partitions: SPARC V8 ELF images linked with xal/ (crt0, libxm, stdio).
#
# add_partition(NAME BASE <hexaddr> SOURCES file.c... [LIBS lib...] [STACK_SIZE bytes])
#   builds NAME.elf: code and read-only data at BASE, data/bss/stack from the
#   next 4 KiB page on (xal/partition.ld), entry _start, linked with xal.
#   For the project's own partitions (scenarios/, tests/guest/): they build
#   with the project's warnings. A user's partitions build out of tree with
#   the installed SDK's hvsim_add_partition() and their own (docs/sdk.md).
#
# hvsim_sparc_target_options(target) gives a target (xal itself, or a library a
# partition links) the same compile options as partitions.
include(${CMAKE_CURRENT_LIST_DIR}/hvsim-sparc-flags.cmake)

set(XAL_DIR ${CMAKE_CURRENT_LIST_DIR}/../xal)
get_filename_component(XAL_DIR ${XAL_DIR} ABSOLUTE)
set(XAL_LINKER_SCRIPT ${XAL_DIR}/partition.ld)
hvsim_sparc_gcc_include(${CMAKE_C_COMPILER} XAL_GCC_INCLUDE)

function(hvsim_sparc_target_options target)
  target_compile_options(${target} PRIVATE ${HVSIM_PARTITION_OPTIMIZE_FLAGS}
    ${HVSIM_PARTITION_COMPILE_FLAGS} "SHELL:-isystem ${XAL_GCC_INCLUDE}")
endfunction()

function(add_partition name)
  cmake_parse_arguments(P "" "BASE;STACK_SIZE" "SOURCES;LIBS" ${ARGN})
  if(P_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "add_partition(${name}): unknown arguments ${P_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT P_STACK_SIZE)
    set(P_STACK_SIZE ${HVSIM_PARTITION_DEFAULT_STACK_SIZE})
  endif()
  hvsim_partition_check_args(add_partition ${name} "${P_BASE}" "${P_STACK_SIZE}" ${P_SOURCES})

  add_executable(${name} ${P_SOURCES})
  hvsim_sparc_target_options(${name})
  # XtratuM partitions define PartitionMain() with no prototype in sight, as
  # int or void: xm.h cannot declare it, so the warning would reject them.
  target_compile_options(${name} PRIVATE -Wno-missing-prototypes)
  target_link_libraries(${name} PRIVATE ${P_LIBS} xal)
  # The linker is ld itself (cmake/sparc-leon3.cmake): plain ld options.
  target_link_options(${name} PRIVATE ${HVSIM_PARTITION_LINK_FLAGS}
    -T ${XAL_LINKER_SCRIPT}
    --defsym=__xal_base=${P_BASE}
    --defsym=__xal_stack_size=${P_STACK_SIZE}
    -Map=${CMAKE_CURRENT_BINARY_DIR}/${name}.map)
  # SUFFIX: the toolchain file's CMAKE_EXECUTABLE_SUFFIX is reset by CMake's
  # Generic platform module, so name the image here.
  set_target_properties(${name} PROPERTIES SUFFIX .elf LINK_DEPENDS ${XAL_LINKER_SCRIPT})
endfunction()
