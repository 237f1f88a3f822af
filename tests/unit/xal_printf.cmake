# xal's printf core (portable C) compiled for the host, against the host snprintf.
set(D ${CMAKE_CURRENT_LIST_DIR})
set(XAL_SRC ${CMAKE_CURRENT_LIST_DIR}/../../xal/src)
hvsim_unit_test(test_xal_printf SOURCES ${D}/test_xal_printf.c ${XAL_SRC}/format.c)
target_include_directories(test_xal_printf PRIVATE ${XAL_SRC})
