# libFuzzer targets (clang -fsanitize=fuzzer), built with clang whatever the
# project's compiler is, with AddressSanitizer and UndefinedBehaviorSanitizer.
#
# hvsim_fuzz_target(NAME SOURCES file.c... [INCLUDES dir...] [SEEDS dir] [RUNS n])
#   builds NAME from SOURCES (which must need no library but libc) and
#   registers the test fuzz.NAME: n runs (default 100000) from a fixed seed,
#   starting from the inputs in SEEDS (read only: new inputs go to a scratch
#   corpus emptied first), so that the same inputs are tried every time; any
#   crash, leak or undefined behaviour fails it. Without clang, the target
#   is skipped with a message.
find_program(HVSIM_CLANG clang)

function(hvsim_fuzz_target name)
  cmake_parse_arguments(F "" "RUNS;SEEDS" "SOURCES;INCLUDES" ${ARGN})
  if(NOT HVSIM_CLANG)
    message(STATUS "clang not found: fuzz target ${name} not built")
    return()
  endif()
  if(NOT F_RUNS)
    set(F_RUNS 100000)
  endif()
  set(includes)
  set(depends ${F_SOURCES})
  foreach(dir ${F_INCLUDES})
    list(APPEND includes -I${dir})
    file(GLOB_RECURSE headers CONFIGURE_DEPENDS ${dir}/*.h)
    list(APPEND depends ${headers})
  endforeach()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${name}.fuzz)
  add_custom_command(OUTPUT ${out}
    COMMAND ${HVSIM_CLANG} -std=c11 -g -O1 -Wall -Wextra -Werror
            -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
            ${includes} ${F_SOURCES} -o ${out}
    DEPENDS ${depends}
    COMMENT "Building fuzz target ${name}"
    VERBATIM)
  add_custom_target(${name} ALL DEPENDS ${out})
  set(corpus ${CMAKE_CURRENT_BINARY_DIR}/${name}.corpus)
  add_test(NAME fuzz.${name}
    COMMAND sh -c "rm -rf \"$1\" && mkdir \"$1\" && \"$2\" -seed=1 -runs=$3 -max_len=4096 \"$1\" $4"
            fuzz ${corpus} ${out} ${F_RUNS} "${F_SEEDS}")
endfunction()
