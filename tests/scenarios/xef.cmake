# XEF images and containers (docs/xef.md): the hello and ports systems run
# the same from XEF files (plain, compressed) and containers as from their
# ELFs; every corruption is refused with one line and exit status 2.
set(XEF_HELLO ${CMAKE_SOURCE_DIR}/scenarios/hello)
set(XEF_HELLO_IMAGES ${HVSIM_SPARC_BINARY_DIR}/scenarios/hello)
set(XEF_PORTS_IMAGES ${HVSIM_SPARC_BINARY_DIR}/scenarios/ports)
add_test(NAME xef.hello_runs_alike
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_xef_runs.sh $<TARGET_FILE:hvsim>
          ${XEF_HELLO}/xm_cf.xml 3 ${XEF_HELLO_IMAGES}/hello_p0.elf ${XEF_HELLO_IMAGES}/hello_p1.elf)
add_test(NAME xef.ports_runs_alike
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_xef_runs.sh $<TARGET_FILE:hvsim>
          ${CMAKE_SOURCE_DIR}/scenarios/ports/xm_cf.xml 4
          ${XEF_PORTS_IMAGES}/ports_producer.elf ${XEF_PORTS_IMAGES}/ports_consumer.elf)

set(X ${CMAKE_CURRENT_BINARY_DIR}/xef_fixtures)
add_test(NAME xef.fixtures
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/make_xef_fixtures.sh $<TARGET_FILE:hvsim> ${X}
          ${XEF_HELLO}/xm_cf.xml ${XEF_HELLO_IMAGES}/hello_p0.elf ${XEF_HELLO_IMAGES}/hello_p1.elf)
set_tests_properties(xef.fixtures PROPERTIES FIXTURES_SETUP xef_fixtures)

# hvsim_xef_refuses(NAME REGEX ARGS...): hvsim ARGS exits 2 with one line.
function(hvsim_xef_refuses name regex)
  hvsim_bad_input(xef_${name} ${regex} $<TARGET_FILE:hvsim> ${ARGN})
  set_tests_properties(bad_input.xef_${name} PROPERTIES FIXTURES_REQUIRED xef_fixtures)
endfunction()
set(XEF_RUN run ${XEF_HELLO}/xm_cf.xml)
set(P1 -p 1=${X}/p1.xef)
hvsim_xef_refuses(truncated "^${X}/truncated.xef: partition 0 \\(Partition0\\): truncated"
  ${XEF_RUN} -p 0=${X}/truncated.xef ${P1})
hvsim_xef_refuses(cut "^${X}/cut.xef: partition 0 \\(Partition0\\): truncated"
  ${XEF_RUN} -p 0=${X}/cut.xef ${P1})
hvsim_xef_refuses(signature "^${X}/badsig.xef: wrong signature" xef check ${X}/badsig.xef)
hvsim_xef_refuses(version "^${X}/badver.xef: .*unsupported version"
  ${XEF_RUN} -p 0=${X}/badver.xef ${P1})
hvsim_xef_refuses(digest "^${X}/baddigest.xef: partition 0 \\(Partition0\\): digest mismatch"
  ${XEF_RUN} -p 0=${X}/baddigest.xef ${P1})
hvsim_xef_refuses(check_digest "^${X}/baddigest.xef: digest mismatch"
  xef check ${X}/baddigest.xef)
hvsim_xef_refuses(segment_outside_file "^${X}/segout.xef: .*segment 0: segment lies outside"
  ${XEF_RUN} -p 0=${X}/segout.xef ${P1})
hvsim_xef_refuses(stream_overrun "^${X}/overrun.xef: .*segment 0: compressed segment overruns"
  ${XEF_RUN} -p 0=${X}/overrun.xef ${P1})
hvsim_xef_refuses(segment_outside_partition "^${X}/p1.xef: .*does not fit partition 0"
  ${XEF_RUN} -p 0=${X}/p1.xef ${P1})
hvsim_xef_refuses(pack_outside_partition "^${X}/p1.xef: .*does not fit partition 0"
  pack build -h ${X}/core.xef:${X}/xm_cf.xef -p 0:${X}/p1.xef ${X}/never.pack)
hvsim_xef_refuses(container_table "^${X}/badtable.pack: the partition table lies outside"
  ${XEF_RUN} --container ${X}/badtable.pack)
hvsim_xef_refuses(list_table "^${X}/badtable.pack: the partition table lies outside"
  pack list ${X}/badtable.pack)
hvsim_xef_refuses(container_digest "^${X}/baddigest.pack: digest mismatch"
  ${XEF_RUN} --container ${X}/baddigest.pack)
hvsim_xef_refuses(custom_file_undeclared
  "^${X}/custom.pack: core.xef: partition 0 custom file 0: the partition's image header declares 0"
  ${XEF_RUN} --container ${X}/custom.pack)

# libxm's XEF_* from a system partition: custom files placed where its image
# header says, unpacked, a corrupted copy refused, partition 1 loaded into
# its memory and started (tests/guest/xef_loader.c).
add_test(NAME xef.guest_loader
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/expect_xef_loader.sh $<TARGET_FILE:hvsim>
          ${CMAKE_SOURCE_DIR}/tests/guest ${HVSIM_SPARC_BINARY_DIR}/tests/guest)
