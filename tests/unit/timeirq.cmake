# hvcore's timers, plans and virtual interrupts through the fake port.
set(D ${CMAKE_CURRENT_LIST_DIR})
hvsim_unit_test(test_virq SOURCES ${D}/test_virq.c LIBS hvcore hvcore_fake_port)
hvsim_unit_test(test_timer SOURCES ${D}/test_timer.c LIBS hvcore hvcore_fake_port)
hvsim_unit_test(test_plan SOURCES ${D}/test_plan.c LIBS hvcore hvcore_fake_port)
hvsim_unit_test(test_idle SOURCES ${D}/test_idle.c LIBS hvcore hvcore_fake_port)
hvsim_unit_test(test_latency SOURCES ${D}/test_latency.c LIBS hvcore hvcore_fake_port)
