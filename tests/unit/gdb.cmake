# sim/gdb: the remote protocol's packet layer.
hvsim_unit_test(test_gdb_rsp SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_gdb_rsp.c LIBS hvsim_gdb)
target_compile_definitions(test_gdb_rsp PRIVATE _POSIX_C_SOURCE=200809L)
