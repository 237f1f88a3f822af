# libFuzzer targets (clang -fsanitize=fuzzer), built with clang whatever the
# project's compiler is, with AddressSanitizer and UndefinedBehaviorSanitizer.
#
# hvsim_fuzz_target(NAME [SOURCES file.c...] [LIBRARIES lib...] [INCLUDES dir...] [PKG prefix...]
#                   [DEPENDS target...] [SEEDS file-or-dir...] [STRIP objcopy]
#                   [DICT file] [RUNS n] [MAX_LEN n])
#   builds NAME from SOURCES and the sources of the project's LIBRARIES
#   (so that a file moved from one library to another needs no change
#   here), each compiled by clang with the fuzzer's
#   coverage instrumentation and the sanitizers: project code is never taken
#   from the project's own libraries, which the project's compiler built
#   uninstrumented. Libraries outside the project (libxml2, libelf) are
#   linked as they are, their flags from pkg-config: PKG names prefixes of
#   the pkg_check_modules() calls of the top-level CMakeLists.txt (LIBXML2:
#   -I/usr/include/libxml2 and -lxml2). DEPENDS: targets that must be built
#   first (one generating a source, the SPARC build for ELF seeds).
#   Registers the test fuzz.NAME (cmake/fuzz_run.cmake): n runs (default
#   100000) from a fixed seed, starting from the seeds (files, or every file
#   of a folder; .elf files stripped with STRIP when given), so that the
#   same inputs are tried every time; any crash, leak, undefined behaviour
#   or input taking more than 30 s fails it, the input left in
#   NAME-crash-*, NAME-leak-*... beside the target. MAX_LEN (default 4096):
#   the largest input tried (a longer seed is cut). DICT: libFuzzer's
#   dictionary of the format's words. Without clang or its libFuzzer, the
#   target is skipped with a message.
find_program(HVSIM_CLANG clang)
# libFuzzer and the sanitizers' runtimes are a package of their own
# (libclang-rt-dev, only recommended by clang): without them, skip.
if(HVSIM_CLANG AND NOT DEFINED HVSIM_CLANG_FUZZER)
  set(probe ${CMAKE_BINARY_DIR}/CMakeFiles/fuzz_probe)
  file(WRITE ${probe}.c "#include <stddef.h>\n#include <stdint.h>\n"
    "int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n")
  execute_process(COMMAND ${HVSIM_CLANG} -fsanitize=fuzzer,address,undefined ${probe}.c -o ${probe}
    RESULT_VARIABLE status OUTPUT_QUIET ERROR_QUIET)
  if(status EQUAL 0)
    set(HVSIM_CLANG_FUZZER ON CACHE INTERNAL "clang links libFuzzer and the sanitizers")
  else()
    set(HVSIM_CLANG_FUZZER OFF CACHE INTERNAL "clang links libFuzzer and the sanitizers")
  endif()
endif()
set(HVSIM_FUZZ_RUN ${CMAKE_CURRENT_LIST_DIR}/fuzz_run.cmake)

# Compiles `source` to an object of target `name`; its path in *out_var.
function(hvsim_fuzz_object name index source flags out_var)
  get_filename_component(base ${source} NAME_WE)
  set(object ${CMAKE_CURRENT_BINARY_DIR}/${name}.objects/${index}_${base}.o)
  add_custom_command(OUTPUT ${object}
    COMMAND ${HVSIM_CLANG} ${flags} -MD -MF ${object}.d -c ${source} -o ${object}
    DEPENDS ${source}
    DEPFILE ${object}.d
    COMMENT "Building fuzz object ${name}/${base}.o"
    VERBATIM)
  set(${out_var} ${object} PARENT_SCOPE)
endfunction()

# The C sources of the project's libraries, as absolute paths.
function(hvsim_fuzz_library_sources out_var)
  set(sources)
  foreach(library ${ARGN})
    get_target_property(files ${library} SOURCES)
    get_target_property(dir ${library} SOURCE_DIR)
    foreach(file ${files})
      if(NOT IS_ABSOLUTE ${file})
        set(file ${dir}/${file})
      endif()
      if(file MATCHES "\\.c$")
        list(APPEND sources ${file})
      endif()
    endforeach()
  endforeach()
  set(${out_var} ${sources} PARENT_SCOPE)
endfunction()

function(hvsim_fuzz_target name)
  cmake_parse_arguments(F "" "RUNS;MAX_LEN;STRIP;DICT" "SOURCES;LIBRARIES;INCLUDES;PKG;DEPENDS;SEEDS"
    ${ARGN})
  if(NOT HVSIM_CLANG OR NOT HVSIM_CLANG_FUZZER)
    message(STATUS "clang with libFuzzer not found (packages clang, libclang-rt-dev): "
                   "fuzz target ${name} not built")
    return()
  endif()
  if(NOT F_RUNS)
    set(F_RUNS 100000)
  endif()
  if(NOT F_MAX_LEN)
    set(F_MAX_LEN 4096)
  endif()
  set(sanitizers -fsanitize=address,undefined -fno-sanitize-recover=all)
  set(flags -std=c11 -g -O1 ${HVSIM_WARNINGS} -fsanitize=fuzzer-no-link ${sanitizers})
  foreach(dir ${F_INCLUDES})
    list(APPEND flags -I${dir})
  endforeach()
  set(libs)
  foreach(pkg ${F_PKG})
    list(APPEND flags ${${pkg}_CFLAGS})
    list(APPEND libs ${${pkg}_LDFLAGS})
  endforeach()
  hvsim_fuzz_library_sources(library_sources ${F_LIBRARIES})
  set(objects)
  set(index 0)
  foreach(source ${F_SOURCES} ${library_sources})
    hvsim_fuzz_object(${name} ${index} ${source} "${flags}" object)
    list(APPEND objects ${object})
    math(EXPR index "${index} + 1")
  endforeach()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${name}.fuzz)
  add_custom_command(OUTPUT ${out}
    COMMAND ${HVSIM_CLANG} -fsanitize=fuzzer ${sanitizers} ${objects} ${libs} -o ${out}
    DEPENDS ${objects}
    COMMENT "Linking fuzz target ${name}"
    VERBATIM)
  add_custom_target(${name} ALL DEPENDS ${out})
  if(F_DEPENDS OR F_LIBRARIES)
    add_dependencies(${name} ${F_DEPENDS} ${F_LIBRARIES}) # the libraries: their generated sources
  endif()
  set(seeds)
  foreach(seed ${F_SEEDS})
    if(IS_DIRECTORY ${seed})
      file(GLOB found CONFIGURE_DEPENDS ${seed}/*)
      list(APPEND seeds ${found})
    else()
      list(APPEND seeds ${seed})
    endif()
  endforeach()
  list(JOIN seeds "|" seeds)
  add_test(NAME fuzz.${name}
    COMMAND ${CMAKE_COMMAND} -DFUZZER=${out} -DDIR=${CMAKE_CURRENT_BINARY_DIR}/${name}
            -DSEEDS=${seeds} -DSTRIP=${F_STRIP} -DDICT=${F_DICT} -DRUNS=${F_RUNS}
            -DMAX_LEN=${F_MAX_LEN}
            -P ${HVSIM_FUZZ_RUN})
endfunction()
