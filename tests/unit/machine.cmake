# The whole simulated machine on the hello scenario (its SPARC images come
# from the SPARC sub-build).
hvsim_unit_test(test_machine SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_machine.c)
hvsim_link_simulator(test_machine)
add_dependencies(test_machine sparc)
target_compile_definitions(test_machine PRIVATE
  HELLO_CONFIG="${CMAKE_SOURCE_DIR}/scenarios/hello/xm_cf.xml"
  HELLO_IMAGES="${HVSIM_SPARC_BINARY_DIR}/scenarios/hello")

# The documented interrupt latency bound on the simulated machine.
hvsim_unit_test(test_latency_bound SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_latency_bound.c)
hvsim_link_simulator(test_latency_bound)
add_dependencies(test_latency_bound sparc)
target_compile_definitions(test_latency_bound PRIVATE
  LATENCY_CONFIG="${CMAKE_SOURCE_DIR}/tests/guest/latency.xml"
  GUEST="${HVSIM_SPARC_BINARY_DIR}/tests/guest")

# Repeated HM events at one place: a few lines, not one per event.
hvsim_unit_test(test_notice_repeats SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_notice_repeats.c)
hvsim_link_simulator(test_notice_repeats)
target_compile_definitions(test_notice_repeats PRIVATE _POSIX_C_SOURCE=200809L)
