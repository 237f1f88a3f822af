# The hello scenario end to end, its determinism, and bad input to hvsim.
set(S ${CMAKE_CURRENT_LIST_DIR})
set(HELLO ${CMAKE_SOURCE_DIR}/scenarios/hello)
set(HELLO_IMAGES ${HVSIM_SPARC_BINARY_DIR}/scenarios/hello)
set(HVSIM_HELLO $<TARGET_FILE:hvsim> run ${HELLO}/xm_cf.xml
    -p 0=${HELLO_IMAGES}/hello_p0.elf -p 1=${HELLO_IMAGES}/hello_p1.elf --mafs 3)

add_test(NAME scenario.hello
  COMMAND ${S}/expect_output.sh ${HELLO}/expected.txt -- ${HVSIM_HELLO})
add_test(NAME scenario.hello.deterministic COMMAND ${S}/expect_same_bytes.sh -- ${HVSIM_HELLO})

# Bad input (hvsim_bad_input: tests/scenarios/CMakeLists.txt).
hvsim_bad_input(missing_config "^/nonexistent/xm_cf.xml: "
  $<TARGET_FILE:hvsim> run /nonexistent/xm_cf.xml -p 0=x.elf)
hvsim_bad_input(malformed_xml "^${S}/bad/malformed.xml:[0-9]+: "
  $<TARGET_FILE:hvsim> run ${S}/bad/malformed.xml)
hvsim_bad_input(slot_unknown_partition
  "^${S}/bad/slot_unknown_partition.xml:9: .*partition 7"
  $<TARGET_FILE:hvsim> run ${S}/bad/slot_unknown_partition.xml -p 0=x.elf)
hvsim_bad_input(image_not_sparc "^$<TARGET_FILE:hvsim>: .*SPARC"
  $<TARGET_FILE:hvsim> run ${HELLO}/xm_cf.xml
  -p 0=$<TARGET_FILE:hvsim> -p 1=${HELLO_IMAGES}/hello_p1.elf)
hvsim_bad_input(image_does_not_fit "^${HELLO_IMAGES}/hello_p1.elf: .*does not fit .*memory areas \\(0x40100000-0x40200000\\)$"
  $<TARGET_FILE:hvsim> run ${HELLO}/xm_cf.xml
  -p 0=${HELLO_IMAGES}/hello_p1.elf -p 1=${HELLO_IMAGES}/hello_p1.elf)
hvsim_bad_input(missing_image "partition 1 \\(Partition1\\) needs exactly one image"
  $<TARGET_FILE:hvsim> run ${HELLO}/xm_cf.xml -p 0=${HELLO_IMAGES}/hello_p0.elf)
hvsim_bad_input(bad_option "unknown option --frobnicate"
  $<TARGET_FILE:hvsim> run ${HELLO}/xm_cf.xml --frobnicate 1)
# An image for a partition the configuration does not have (hello has 0..1):
# said as such, not as another partition's missing image.
hvsim_bad_input(image_for_no_partition
  "^hvsim: -p 2=${HELLO_IMAGES}/hello_p1.elf: the configuration has no partition 2 \\(its partitions are 0\\.\\.1\\)$"
  $<TARGET_FILE:hvsim> run ${HELLO}/xm_cf.xml -p 0=${HELLO_IMAGES}/hello_p0.elf
  -p 2=${HELLO_IMAGES}/hello_p1.elf)
# The same check, the same line, for the LEON3 image and the qemu engine
# (sim_machine_check_images): not "partition 1 needs exactly one image".
set(NO_PARTITION_2 "^hvsim: -p 2=${HELLO_IMAGES}/hello_p1.elf: the configuration has no partition 2 \\(its partitions are 0\\.\\.1\\)$")
hvsim_bad_input(image_for_no_partition_leon3_image "${NO_PARTITION_2}"
  $<TARGET_FILE:hvsim> leon3-image ${HELLO}/xm_cf.xml -p 0=${HELLO_IMAGES}/hello_p0.elf
  -p 2=${HELLO_IMAGES}/hello_p1.elf -o ${CMAKE_CURRENT_BINARY_DIR}/no_partition.elf)
hvsim_bad_input(image_for_no_partition_qemu "${NO_PARTITION_2}"
  $<TARGET_FILE:hvsim> run ${HELLO}/xm_cf.xml -p 0=${HELLO_IMAGES}/hello_p0.elf
  -p 2=${HELLO_IMAGES}/hello_p1.elf --engine qemu)
