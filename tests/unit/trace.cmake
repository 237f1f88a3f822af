# sim/: the trace recorder, file format and exporters; the scenario script
# parser and expectations (against synthetic traces).
get_filename_component(HVSIM_TRACE_ROOT ${CMAKE_CURRENT_LIST_DIR}/../.. ABSOLUTE)
set(HVSIM_TRACE_SOURCES)
foreach(f trace trace_kinds trace_file trace_read trace_export trace_json)
  list(APPEND HVSIM_TRACE_SOURCES ${HVSIM_TRACE_ROOT}/sim/${f}.c)
endforeach()
hvsim_unit_test(test_trace
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_trace.c ${HVSIM_TRACE_SOURCES})
target_include_directories(test_trace PRIVATE ${HVSIM_TRACE_ROOT}
  ${HVSIM_TRACE_ROOT}/hvcore/include)
target_compile_definitions(test_trace PRIVATE _POSIX_C_SOURCE=200809L
  HVSIM_TEST_SCRATCH="${CMAKE_CURRENT_BINARY_DIR}")

# The scenario code names HM events as the configuration loader does: the
# whole simulator library.
hvsim_unit_test(test_scenario SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_scenario.c)
hvsim_link_simulator(test_scenario)
target_include_directories(test_scenario PRIVATE ${HVSIM_TRACE_ROOT}
  ${HVSIM_TRACE_ROOT}/hvcore/include)
target_compile_definitions(test_scenario PRIVATE _POSIX_C_SOURCE=200809L
  HVSIM_TEST_SCRATCH="${CMAKE_CURRENT_BINARY_DIR}")
