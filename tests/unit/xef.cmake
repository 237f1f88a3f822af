# xef/: MD5 (against libmd), LZSS (round trips and XM-Q's streams), XEF and
# container parsing, building and every refusal.
pkg_check_modules(LIBMD REQUIRED IMPORTED_TARGET libmd)
hvsim_unit_test(test_xef_md5 SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_xef_md5.c
  LIBS xef PkgConfig::LIBMD)
hvsim_unit_test(test_xef_lzss SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_xef_lzss.c LIBS xef)
hvsim_unit_test(test_xef_format SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_xef_format.c LIBS xef)
