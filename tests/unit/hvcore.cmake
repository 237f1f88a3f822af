# hvcore through the fake port (its drivers run against the device models).
set(D ${CMAKE_CURRENT_LIST_DIR})
add_library(hvcore_fake_port STATIC ${D}/fake_port.c ${D}/bus_port.c)
target_link_libraries(hvcore_fake_port PUBLIC hvcore hvsim_devices)
target_include_directories(hvcore_fake_port PUBLIC ${D} ${CMAKE_SOURCE_DIR})
hvsim_unit_test(test_sched SOURCES ${D}/test_sched.c LIBS hvcore hvcore_fake_port)
hvsim_unit_test(test_hypercall SOURCES ${D}/test_hypercall.c LIBS hvcore hvcore_fake_port)
hvsim_unit_test(test_vtrap SOURCES ${D}/test_vtrap.c LIBS hvcore hvcore_fake_port)
