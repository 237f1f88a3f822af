# sim/ input loaders: XM_CF units and config loader (sim/config, which
# needs nothing of the simulator), partition image loader.
get_filename_component(HVSIM_CFG_ROOT ${CMAKE_CURRENT_LIST_DIR}/../.. ABSOLUTE)
set(HVSIM_CFG_INCLUDES ${HVSIM_CFG_ROOT} ${HVSIM_CFG_ROOT}/hvcore/include)

hvsim_unit_test(test_config_units
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_config_units.c ${HVSIM_CFG_ROOT}/sim/config/units.c)
target_include_directories(test_config_units PRIVATE ${HVSIM_CFG_INCLUDES})

hvsim_unit_test(test_config SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_config.c LIBS hvsim_config)
target_include_directories(test_config PRIVATE ${HVSIM_CFG_INCLUDES})
hvsim_unit_test(test_check_first SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_check_first.c
  LIBS hvsim_config)
target_include_directories(test_check_first PRIVATE ${HVSIM_CFG_INCLUDES})

target_compile_definitions(test_config PRIVATE
  HVSIM_TEST_CONFIGS="${HVSIM_CFG_ROOT}/tests/configs"
  HVSIM_TEST_SCRATCH="${CMAKE_CURRENT_BINARY_DIR}")

# Image fixtures: a tiny LEON3 program linked two ways. `-N` gives one
# segment at exactly 0x40100000; the plain `-Ttext` link puts the ELF headers
# in a first segment below 0x40100000, which a partition area there cannot
# hold (the no-fit case). The object file itself is the ET_REL case.
find_program(HVSIM_SPARC_GCC sparc64-linux-gnu-gcc REQUIRED)
find_program(HVSIM_SPARC_LD sparc64-linux-gnu-ld REQUIRED)

set(HVSIM_IMG_DIR ${CMAKE_CURRENT_BINARY_DIR}/image_fixtures)
set(HVSIM_IMG_SRC ${CMAKE_CURRENT_LIST_DIR}/test_image_sparc.c)
add_custom_command(
  OUTPUT ${HVSIM_IMG_DIR}/sparc.o ${HVSIM_IMG_DIR}/sparc_omagic.elf ${HVSIM_IMG_DIR}/sparc_paged.elf
  COMMAND ${CMAKE_COMMAND} -E make_directory ${HVSIM_IMG_DIR}
  COMMAND ${HVSIM_SPARC_GCC} -m32 -mcpu=leon3 -fno-pic -fno-pie -ffreestanding -nostdlib -O2
          -c ${HVSIM_IMG_SRC} -o ${HVSIM_IMG_DIR}/sparc.o
  COMMAND ${HVSIM_SPARC_LD} -m elf32_sparc -N -Ttext=0x40100000 -e start
          ${HVSIM_IMG_DIR}/sparc.o -o ${HVSIM_IMG_DIR}/sparc_omagic.elf
  COMMAND ${HVSIM_SPARC_LD} -m elf32_sparc -Ttext=0x40100000 -e start
          ${HVSIM_IMG_DIR}/sparc.o -o ${HVSIM_IMG_DIR}/sparc_paged.elf
  DEPENDS ${HVSIM_IMG_SRC}
  COMMENT "Building SPARC image fixtures"
  VERBATIM)
add_custom_target(test_image_fixtures
  DEPENDS ${HVSIM_IMG_DIR}/sparc.o ${HVSIM_IMG_DIR}/sparc_omagic.elf
          ${HVSIM_IMG_DIR}/sparc_paged.elf)

hvsim_unit_test(test_image
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_image.c ${HVSIM_CFG_ROOT}/sim/image.c
          ${HVSIM_CFG_ROOT}/sim/image_xef.c
  LIBS hvsim_common xef PkgConfig::LIBELF)
target_include_directories(test_image PRIVATE ${HVSIM_CFG_INCLUDES})
add_dependencies(test_image test_image_fixtures)
target_compile_definitions(test_image PRIVATE
  HVSIM_TEST_IMAGES="${HVSIM_IMG_DIR}"
  HVSIM_TEST_CONFIGS="${HVSIM_CFG_ROOT}/tests/configs"
  HVSIM_TEST_SCRATCH="${CMAKE_CURRENT_BINARY_DIR}")
