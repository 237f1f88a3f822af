# hvcore's objects through the fake port: ports, trace streams, memory copy.
set(D ${CMAKE_CURRENT_LIST_DIR})
add_library(hvcore_object_call STATIC ${D}/object_call.c)
target_link_libraries(hvcore_object_call PUBLIC hvcore_fake_port PkgConfig::CMOCKA)
hvsim_unit_test(test_ports SOURCES ${D}/test_ports.c LIBS hvcore hvcore_object_call)
hvsim_unit_test(test_trace_obj SOURCES ${D}/test_trace_obj.c LIBS hvcore hvcore_object_call)
hvsim_unit_test(test_objects SOURCES ${D}/test_objects.c LIBS hvcore hvcore_object_call)
