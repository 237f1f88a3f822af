# How a partition is compiled and linked, in one place for the in-tree build
# (cmake/sparc-leon3.cmake, cmake/partition.cmake) and the installed SDK
# (hvsimConfig.cmake: hvsim_add_partition). Installed with the SDK.
#
# Only what makes a LEON3 partition image: no warning flags. Our own
# partitions add ours (-Wall -Wextra -Werror...); a user's partition builds
# with the user's.

# LEON3 code: V8 only (-mcpu=leon3), 32-bit, absolute (no PIC/PIE), no C library.
set(HVSIM_SPARC_CPU_FLAGS -m32 -mcpu=leon3 -fno-pic -fno-pie -ffreestanding -fno-builtin -nostdlib)
# -nostdinc: no C library header (the cross compiler ships glibc's) may stand
# in for one xal does not provide; the compiler's own (stddef.h, stdint.h...)
# come back with -isystem $(gcc -print-file-name=include).
set(HVSIM_PARTITION_COMPILE_FLAGS -ffunction-sections -fdata-sections
    -fno-asynchronous-unwind-tables -nostdinc)
# The default optimisation; a partition's own options come after it and win.
set(HVSIM_PARTITION_OPTIMIZE_FLAGS -O2 -g)
set(HVSIM_PARTITION_DEFAULT_STACK_SIZE 16384)
# Plain ld options (the linker is called directly: the gcc driver would pull
# in the V8+/PIC 32-bit libgcc, which LEON3 cannot run): every SPARC link,
# then a partition's. The caller adds -T partition.ld and
# --defsym=__xal_base=BASE, --defsym=__xal_stack_size=N.
set(HVSIM_SPARC_LD_FLAGS -melf32_sparc -nostdlib)
# xmImageHdr: the image header (docs/xal.md), kept by --gc-sections.
set(HVSIM_PARTITION_LINK_FLAGS --undefined=_start --undefined=xmImageHdr --gc-sections
    --build-id=none -zmax-page-size=4096 -znoexecstack)

# hvsim_partition_check_args(FUNCTION NAME BASE STACK_SIZE SOURCES...)
# The checks every partition's arguments get; FATAL_ERROR naming FUNCTION.
function(hvsim_partition_check_args fn name base stack_size)
  if(NOT base MATCHES "^0[xX][0-9a-fA-F]+$")
    message(FATAL_ERROR "${fn}(${name}): BASE must be a hex address, got '${base}'")
  endif()
  if(NOT ARGN)
    message(FATAL_ERROR "${fn}(${name}): no SOURCES")
  endif()
  if(NOT stack_size MATCHES "^(0[xX][0-9a-fA-F]+|[0-9]+)$")
    message(FATAL_ERROR "${fn}(${name}): STACK_SIZE must be a number, got '${stack_size}'")
  endif()
endfunction()

# hvsim_sparc_gcc_include(GCC OUT): the cross compiler's own header folder.
function(hvsim_sparc_gcc_include gcc out)
  execute_process(COMMAND ${gcc} -print-file-name=include
                  OUTPUT_VARIABLE dir OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE result)
  if(NOT result EQUAL 0 OR NOT EXISTS ${dir}/stdint.h)
    message(FATAL_ERROR "cannot find ${gcc}'s include directory (got '${dir}')")
  endif()
  set(${out} ${dir} PARENT_SCOPE)
endfunction()
