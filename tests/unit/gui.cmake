# gui/: the model and the interaction logic without SDL; rendering headless
# (software surfaces, no display) with pixel checks.
set(D ${CMAKE_CURRENT_LIST_DIR})
hvsim_unit_test(test_gui_model SOURCES ${D}/test_gui_model.c ${D}/test_gui_fixture.c
  LIBS hvsim_gui_core)
hvsim_unit_test(test_gui_view SOURCES ${D}/test_gui_view.c ${D}/test_gui_fixture.c
  LIBS hvsim_gui_core)
hvsim_unit_test(test_gui_render SOURCES ${D}/test_gui_render.c ${D}/test_gui_fixture.c
  LIBS hvsim_gui)
