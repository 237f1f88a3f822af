# sim/: the trace recorder, file format and exporters; the scenario script
# parser and expectations (against synthetic traces).
get_filename_component(HVSIM_TRACE_ROOT ${CMAKE_CURRENT_LIST_DIR}/../.. ABSOLUTE)
hvsim_unit_test(test_trace SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_trace.c LIBS hvsim_trace)
target_include_directories(test_trace PRIVATE ${HVSIM_TRACE_ROOT}
  ${HVSIM_TRACE_ROOT}/hvcore/include)
target_compile_definitions(test_trace PRIVATE _POSIX_C_SOURCE=200809L
  HVSIM_TEST_SCRATCH="${CMAKE_CURRENT_BINARY_DIR}")
# test_latency_many_groups takes well under a second; a summary whose time
# grows with the square of the groups took minutes.
set_tests_properties(unit.test_trace PROPERTIES TIMEOUT 30)

# The scenario code names HM events as the configuration loader does, and
# runs machines: the scenario library over the simulator.
hvsim_unit_test(test_scenario SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_scenario.c)
target_link_libraries(test_scenario PRIVATE hvsim_scenario)
hvsim_link_simulator(test_scenario)
target_include_directories(test_scenario PRIVATE ${HVSIM_TRACE_ROOT}
  ${HVSIM_TRACE_ROOT}/hvcore/include)
target_compile_definitions(test_scenario PRIVATE _POSIX_C_SOURCE=200809L
  HVSIM_TEST_SCRATCH="${CMAKE_CURRENT_BINARY_DIR}")

