# The test of one fuzz target (cmake/fuzz.cmake), run as
#   cmake -DFUZZER=target.fuzz -DDIR=prefix -DSEEDS="a|b|..." [-DSTRIP=objcopy] [-DDICT=file]
#         -DRUNS=n -DMAX_LEN=n -P fuzz_run.cmake
# The seeds are copied into DIR.seeds at test time, each under a name of its
# own (several scenarios' files are all xm_cf.xml), as some are built files
# (guest ELFs, stripped with STRIP: their debug sections are bytes the loader
# never reads). Then RUNS inputs from a fixed seed, the new ones kept in
# memory only (no corpus folder: writing each to disk took longer than
# running it), so that every run tries the same inputs. DIR.seeds stays, as
# the corpus for longer runs (docs/reliability.md).
file(REMOVE_RECURSE ${DIR}.seeds)
file(MAKE_DIRECTORY ${DIR}.seeds)
string(REPLACE "|" ";" SEEDS "${SEEDS}")
set(index 0)
foreach(seed ${SEEDS})
  get_filename_component(base ${seed} NAME)
  set(copy ${DIR}.seeds/${index}_${base})
  if(STRIP AND base MATCHES "\\.elf$")
    execute_process(COMMAND ${STRIP} --strip-all ${seed} ${copy} RESULT_VARIABLE status)
  else()
    execute_process(COMMAND ${CMAKE_COMMAND} -E copy ${seed} ${copy} RESULT_VARIABLE status)
  endif()
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "seed ${seed}: cannot copy it (${status})")
  endif()
  math(EXPR index "${index} + 1")
endforeach()
file(GLOB copies ${DIR}.seeds/*)
list(JOIN copies "," copies)
set(dict)
if(DICT)
  set(dict -dict=${DICT})
endif()
execute_process(COMMAND ${FUZZER} ${dict} -seed=1 -runs=${RUNS} -max_len=${MAX_LEN} -timeout=30
                        -artifact_prefix=${DIR}- -seed_inputs=${copies}
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (${status}): the input is in ${DIR}-*")
endif()
