# hvcore/drivers against the device models, through a port whose register
# accesses go to a bus (bus_port.c).
hvsim_unit_test(test_drivers
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_drivers.c ${CMAKE_CURRENT_LIST_DIR}/bus_port.c
  LIBS hvcore hvsim_devices)
