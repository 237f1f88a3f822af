# Toolchain file for LEON3 (SPARC V8) with Debian's gcc-sparc64-linux-gnu.
# -mcpu=leon3 keeps V9 instructions out; -m32 -fno-pic -fno-pie give plain
# absolute 32-bit code; the linker is called directly (elf32_sparc) because
# the gcc driver would pull in the V8+/PIC 32-bit libgcc, which LEON3 cannot run.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR sparc)

set(SPARC_PREFIX sparc64-linux-gnu-)
find_program(SPARC_GCC ${SPARC_PREFIX}gcc REQUIRED)
find_program(SPARC_LD ${SPARC_PREFIX}ld REQUIRED)
find_program(SPARC_OBJCOPY ${SPARC_PREFIX}objcopy REQUIRED)

set(CMAKE_C_COMPILER ${SPARC_GCC})
set(CMAKE_ASM_COMPILER ${SPARC_GCC})
set(CMAKE_LINKER ${SPARC_LD})
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

include(${CMAKE_CURRENT_LIST_DIR}/hvsim-sparc-flags.cmake)
list(JOIN HVSIM_SPARC_CPU_FLAGS " " SPARC_CPU_FLAGS)
list(JOIN HVSIM_SPARC_LD_FLAGS " " SPARC_LD_FLAGS)
set(CMAKE_C_FLAGS_INIT "${SPARC_CPU_FLAGS}")
set(CMAKE_ASM_FLAGS_INIT "${SPARC_CPU_FLAGS}")

set(CMAKE_C_LINK_EXECUTABLE
    "<CMAKE_LINKER> ${SPARC_LD_FLAGS} <LINK_FLAGS> <OBJECTS> -o <TARGET> <LINK_LIBRARIES>")
set(CMAKE_ASM_LINK_EXECUTABLE "${CMAKE_C_LINK_EXECUTABLE}")
set(CMAKE_EXECUTABLE_SUFFIX ".elf")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
