# gui/: the model and the interaction logic without SDL; rendering headless
# (software surfaces, no display) with pixel checks.
set(D ${CMAKE_CURRENT_LIST_DIR})
hvsim_unit_test(test_gui_model SOURCES ${D}/test_gui_model.c ${D}/test_gui_fixture.c
  LIBS hvsim_gui_core)
# unanswered_reads_do_not_rescan takes under a second; a model whose time
# grows with the square of the port writes took minutes.
set_tests_properties(unit.test_gui_model PROPERTIES TIMEOUT 30)
hvsim_unit_test(test_gui_place SOURCES ${D}/test_gui_place.c LIBS hvsim_gui_core)
hvsim_unit_test(test_gui_view SOURCES ${D}/test_gui_view.c ${D}/test_gui_fixture.c
  LIBS hvsim_gui_core)
hvsim_unit_test(test_gui_latency SOURCES ${D}/test_gui_latency.c ${D}/test_gui_fixture.c
  ${D}/test_gui_headless.c
  LIBS hvsim_gui)
hvsim_unit_test(test_gui_render SOURCES ${D}/test_gui_render.c ${D}/test_gui_fixture.c
  ${D}/test_gui_headless.c
  LIBS hvsim_gui)
# Live stepping on the hello scenario (SPARC images from the sub-build).
hvsim_unit_test(test_gui_live SOURCES ${D}/test_gui_live.c LIBS hvsim_gui_core)
hvsim_link_simulator(test_gui_live)
add_dependencies(test_gui_live sparc)
target_compile_definitions(test_gui_live PRIVATE
  HELLO_CONFIG="${CMAKE_SOURCE_DIR}/scenarios/hello/xm_cf.xml"
  HELLO_IMAGES="${HVSIM_SPARC_BINARY_DIR}/scenarios/hello")
# hvsim view on a recorded paper case 2 and the comm run (headless), a
# version-1 file and damaged files.
hvsim_unit_test(test_gui_view_file SOURCES ${D}/test_gui_view_file.c ${D}/test_gui_fixture.c
  LIBS hvsim_gui)
hvsim_link_simulator(test_gui_view_file)
add_dependencies(test_gui_view_file sparc)
target_compile_definitions(test_gui_view_file PRIVATE
  PAPER_CONFIG="${CMAKE_SOURCE_DIR}/scenarios/paper/case2/xm_cf.xml"
  PAPER_IMAGES="${HVSIM_SPARC_BINARY_DIR}/scenarios/paper"
  COMM_CONFIG="${CMAKE_SOURCE_DIR}/tests/guest/comm.xml"
  COMM_IMAGES="${HVSIM_SPARC_BINARY_DIR}/tests/guest"
  V1_TRACE="${D}/comm_v1.trace"
  OVERRUN_TRACE="${D}/overrun_v2.trace")
