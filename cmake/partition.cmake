# Partitions: SPARC V8 ELF images linked with xal/ (crt0, libxm, stdio).
#
# add_partition(NAME BASE <hexaddr> SOURCES file.c... [LIBS lib...] [STACK_SIZE bytes])
#   builds NAME.elf: code and read-only data at BASE, data/bss/stack from the
#   next 4 KiB page on (xal/partition.ld), entry _start, linked with xal.
#
# hvsim_sparc_target_options(target) gives a target (xal itself, or a library a
# partition links) the same compile options as partitions.

set(XAL_DIR ${CMAKE_CURRENT_LIST_DIR}/../xal)
get_filename_component(XAL_DIR ${XAL_DIR} ABSOLUTE)
set(XAL_LINKER_SCRIPT ${XAL_DIR}/partition.ld)
set(XAL_DEFAULT_STACK_SIZE 16384)

# The compiler's own freestanding headers (stddef.h, stdarg.h, stdint.h...).
# Partitions use -nostdinc so that no C library header (the cross compiler
# ships glibc's) can stand in for one xal does not provide.
execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=include
                OUTPUT_VARIABLE XAL_GCC_INCLUDE OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE XAL_GCC_INCLUDE_RESULT)
if(NOT XAL_GCC_INCLUDE_RESULT EQUAL 0 OR NOT EXISTS ${XAL_GCC_INCLUDE}/stdint.h)
  message(FATAL_ERROR "cannot find the compiler's include directory (got '${XAL_GCC_INCLUDE}')")
endif()

function(hvsim_sparc_target_options target)
  target_compile_options(${target} PRIVATE
    -O2 -g -ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables
    -nostdinc "SHELL:-isystem ${XAL_GCC_INCLUDE}")
endfunction()

function(add_partition name)
  cmake_parse_arguments(P "" "BASE;STACK_SIZE" "SOURCES;LIBS" ${ARGN})
  if(P_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "add_partition(${name}): unknown arguments ${P_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT P_BASE MATCHES "^0[xX][0-9a-fA-F]+$")
    message(FATAL_ERROR "add_partition(${name}): BASE must be a hex address, got '${P_BASE}'")
  endif()
  if(NOT P_SOURCES)
    message(FATAL_ERROR "add_partition(${name}): no SOURCES")
  endif()
  if(NOT P_STACK_SIZE)
    set(P_STACK_SIZE ${XAL_DEFAULT_STACK_SIZE})
  endif()
  if(NOT P_STACK_SIZE MATCHES "^(0[xX][0-9a-fA-F]+|[0-9]+)$")
    message(FATAL_ERROR "add_partition(${name}): STACK_SIZE must be a number, got '${P_STACK_SIZE}'")
  endif()

  add_executable(${name} ${P_SOURCES})
  hvsim_sparc_target_options(${name})
  # XtratuM partitions define PartitionMain() with no prototype in sight, as
  # int or void: xm.h cannot declare it, so the warning would reject them.
  target_compile_options(${name} PRIVATE -Wno-missing-prototypes)
  target_link_libraries(${name} PRIVATE ${P_LIBS} xal)
  # The linker is ld itself (cmake/sparc-leon3.cmake): plain ld options.
  target_link_options(${name} PRIVATE
    -T ${XAL_LINKER_SCRIPT}
    --defsym=__xal_base=${P_BASE}
    --defsym=__xal_stack_size=${P_STACK_SIZE}
    --undefined=_start
    --undefined=xmImageHdr
    --gc-sections
    --build-id=none
    "SHELL:-z max-page-size=4096"
    "SHELL:-z noexecstack"
    -Map=${CMAKE_CURRENT_BINARY_DIR}/${name}.map)
  # SUFFIX: the toolchain file's CMAKE_EXECUTABLE_SUFFIX is reset by CMake's
  # Generic platform module, so name the image here.
  set_target_properties(${name} PROPERTIES SUFFIX .elf LINK_DEPENDS ${XAL_LINKER_SCRIPT})
endfunction()
