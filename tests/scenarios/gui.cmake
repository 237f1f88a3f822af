# The timeline end to end: `hvsim run ... --png` renders without a display,
# the same image every time; bad GUI options and no display are one line.
set(S ${CMAKE_CURRENT_LIST_DIR})
set(HELLO ${CMAKE_SOURCE_DIR}/scenarios/hello)
set(HELLO_IMAGES ${HVSIM_SPARC_BINARY_DIR}/scenarios/hello)
set(HVSIM_HELLO_RUN $<TARGET_FILE:hvsim> run ${HELLO}/xm_cf.xml
    -p 0=${HELLO_IMAGES}/hello_p0.elf -p 1=${HELLO_IMAGES}/hello_p1.elf)
set(GUI_OUT ${CMAKE_CURRENT_BINARY_DIR}/gui)
file(MAKE_DIRECTORY ${GUI_OUT})

# Without any display: SDL's video subsystem is never started for --png.
add_test(NAME gui.png_hello COMMAND ${S}/expect_same_png.sh ${GUI_OUT}/hello.png --
  env -u DISPLAY -u WAYLAND_DISPLAY ${HVSIM_HELLO_RUN} --mafs 3 --png ${GUI_OUT}/hello.png)
add_test(NAME gui.png_range COMMAND ${S}/expect_same_png.sh ${GUI_OUT}/hello_range.png --
  ${HVSIM_HELLO_RUN} --mafs 2 --png ${GUI_OUT}/hello_range.png --from 45ms --to 60ms
  --size 800x300)

function(hvsim_gui_error name regex)
  add_test(NAME gui.${name} COMMAND ${S}/expect_error.sh 2 ${regex} -- ${ARGN})
endfunction()
hvsim_gui_error(bad_size "--size expects WIDTHxHEIGHT" ${HVSIM_HELLO_RUN} --png x.png --size 10x10)
hvsim_gui_error(bad_time "--from expects a time" ${HVSIM_HELLO_RUN} --png x.png --from soon)
hvsim_gui_error(empty_range "--from must be before --to"
  ${HVSIM_HELLO_RUN} --png ${GUI_OUT}/never.png --from 5ms --to 1ms)
hvsim_gui_error(unwritable_png "^hvsim: /nonexistent/x.png: cannot create: No such file or directory$"
  ${HVSIM_HELLO_RUN} --png /nonexistent/x.png)
hvsim_gui_error(no_font "^hvsim: /nonexistent/font.ttf: cannot open the font"
  env HVSIM_FONT=/nonexistent/font.ttf ${HVSIM_HELLO_RUN} --png ${GUI_OUT}/never.png)
# --gui with no display: a clear line within a second, not a crash or a hang.
# SDL chooses its driver (2.26 falls back to an invisible offscreen window);
# XDG_RUNTIME_DIR unset too, as over SSH, where libwayland complains.
set(HVSIM_NO_DISPLAY env -u DISPLAY -u WAYLAND_DISPLAY -u XDG_RUNTIME_DIR -u SDL_VIDEODRIVER)
set(HVSIM_NO_DISPLAY_LINE
  "^hvsim: cannot open a window: no display answered \\(DISPLAY is unset, WAYLAND_DISPLAY is unset\\) \\(--png renders without a display\\)$")
hvsim_gui_error(no_display "${HVSIM_NO_DISPLAY_LINE}" ${HVSIM_NO_DISPLAY} ${HVSIM_HELLO_RUN} --gui)
set_tests_properties(gui.no_display PROPERTIES TIMEOUT ${HVSIM_TIMEOUT_FACTOR}) # 1 s

# hvsim view: a trace recorded by `hvsim run --trace` (fixture), viewed
# with no display: the same image every time; its window needs a display.
add_test(NAME gui.view_record COMMAND ${HVSIM_HELLO_RUN} --mafs 3 --trace ${GUI_OUT}/hello.trace)
set_tests_properties(gui.view_record PROPERTIES FIXTURES_SETUP gui_hello_trace)
add_test(NAME gui.view_png COMMAND ${S}/expect_same_png.sh ${GUI_OUT}/hello_view.png --
  env -u DISPLAY -u WAYLAND_DISPLAY $<TARGET_FILE:hvsim> view ${GUI_OUT}/hello.trace
  --png ${GUI_OUT}/hello_view.png --from 45ms --to 60ms --size 800x300)
hvsim_gui_error(view_no_display "${HVSIM_NO_DISPLAY_LINE}"
  ${HVSIM_NO_DISPLAY} $<TARGET_FILE:hvsim> view ${GUI_OUT}/hello.trace)
set_tests_properties(gui.view_no_display PROPERTIES TIMEOUT ${HVSIM_TIMEOUT_FACTOR}) # 1 s
# A display that does not answer: SDL's own reason.
hvsim_gui_error(view_dead_display "^hvsim: cannot open a window: no display answered \\(DISPLAY=:4711, "
  env -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER DISPLAY=:4711 $<TARGET_FILE:hvsim> view ${GUI_OUT}/hello.trace)
set_tests_properties(gui.view_png gui.view_no_display gui.view_dead_display PROPERTIES
  FIXTURES_REQUIRED gui_hello_trace)
# A file that is not a trace, and bad view options: one line, status 2.
hvsim_gui_error(view_not_a_trace "^${CMAKE_SOURCE_DIR}/README.md: not an hvsim trace file$"
  $<TARGET_FILE:hvsim> view ${CMAKE_SOURCE_DIR}/README.md --png ${GUI_OUT}/never.png)
hvsim_gui_error(view_missing "^/nonexistent.trace: cannot open: No such file or directory$"
  $<TARGET_FILE:hvsim> view /nonexistent.trace)
hvsim_gui_error(view_usage "^hvsim view: usage: hvsim view TRACE" $<TARGET_FILE:hvsim> view)
hvsim_gui_error(view_bad_option "^hvsim view: unknown option --mafs$"
  $<TARGET_FILE:hvsim> view x.trace --mafs 3)
# Recorded and viewed, the same image as the run's own --png. A run that
# ends idle after its last record (the HALT fault run: 32 cycles) ends
# later than its file does, so the range is given there (docs/gui.md).
add_test(NAME gui.view_matches_run COMMAND ${S}/expect_view_matches_run.sh "" --
  ${HVSIM_HELLO_RUN} --mafs 3)
add_test(NAME gui.view_matches_fault_run COMMAND ${S}/expect_view_matches_run.sh "--to 60ms" --
  $<TARGET_FILE:hvsim> run ${CMAKE_CURRENT_BINARY_DIR}/hm_halt.xml
  -p 0=${HVSIM_SPARC_BINARY_DIR}/tests/guest/fault_hm.elf
  -p 1=${HVSIM_SPARC_BINARY_DIR}/tests/guest/healthy.elf --mafs 3)
# Port-message arrows from a file: the header (format version 2) has the
# ports and channels, so the comm run's sampling and queuing messages are
# drawn as the run draws them. A version-1 file (written before) still
# views, its port accesses as ticks.
add_test(NAME gui.view_matches_comm_run COMMAND ${S}/expect_view_matches_run.sh "" --
  $<TARGET_FILE:hvsim> run ${CMAKE_SOURCE_DIR}/tests/guest/comm.xml
  -p 0=${HVSIM_SPARC_BINARY_DIR}/tests/guest/comm_producer.elf
  -p 1=${HVSIM_SPARC_BINARY_DIR}/tests/guest/comm_consumer.elf --mafs 2)
add_test(NAME gui.view_version_1 COMMAND ${S}/expect_same_png.sh ${GUI_OUT}/comm_v1.png --
  env -u DISPLAY -u WAYLAND_DISPLAY $<TARGET_FILE:hvsim> view
  ${CMAKE_SOURCE_DIR}/tests/unit/comm_v1.trace --png ${GUI_OUT}/comm_v1.png)
