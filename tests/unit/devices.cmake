# devices/: register-level models and the bus, qtest style.
set(D ${CMAKE_CURRENT_LIST_DIR})
foreach(t gptimer irqmp apbuart bus)
  hvsim_unit_test(test_${t} SOURCES ${D}/test_${t}.c LIBS hvsim_devices)
endforeach()
