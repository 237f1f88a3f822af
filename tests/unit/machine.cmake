# The whole simulated machine on the hello scenario (its SPARC images come
# from the SPARC sub-build).
hvsim_unit_test(test_machine SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_machine.c)
hvsim_link_simulator(test_machine)
add_dependencies(test_machine sparc)
target_compile_definitions(test_machine PRIVATE
  HELLO_CONFIG="${CMAKE_SOURCE_DIR}/scenarios/hello/xm_cf.xml"
  HELLO_IMAGES="${HVSIM_SPARC_BINARY_DIR}/scenarios/hello")
