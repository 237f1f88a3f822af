cmake_minimum_required(VERSION 3.20)
# The architecture's arrows, checked (docs/architecture.md, "Arrows").
# cmake -DROOT=<source dir> -P check_layout.cmake fails, listing every
# offending #include, when a folder includes a header of one it must not
# depend on, or a library header appears outside the one folder that owns
# that library. hvcore's own rule (only the freestanding C headers) is the
# freestanding build's job (hvcore/CMakeLists.txt).

# Project folders each group may include from ("sim" alone: the
# simulator's own files at the top of sim/).
set(ALLOWED_sim_common "sim/common;hvcore")
set(ALLOWED_sim_config "sim/common;sim/config;hvcore")
set(ALLOWED_sim_trace "sim/common;sim/trace;hvcore")
set(ALLOWED_sim "sim/common;sim/config;sim/trace;sim;cpu;devices;hvcore;xef")
set(ALLOWED_sim_scenario "sim/common;sim/config;sim/trace;sim;sim/scenario;sim/engine;sim/gdb;hvcore")
set(ALLOWED_sim_bench "sim/common;sim/config;sim/trace;sim;sim/scenario;sim/bench;hvcore")
set(ALLOWED_sim_gdb "sim/common;sim/config;sim/trace;sim;sim/gdb;cpu;hvcore")
set(ALLOWED_sim_engine "sim/common;sim/config;sim/trace;sim;sim/engine;hvcore")
set(ALLOWED_sim_xef "sim/common;sim/config;sim;sim/xef;hvcore;xef")
set(ALLOWED_sim_cli "sim/common;sim/config;sim/trace;sim;sim/scenario;sim/bench;sim/engine;sim/xef;sim/gdb;sim/cli;gui;hvcore;devices;xef")
set(ALLOWED_gui "sim/common;sim/config;sim/trace;sim;gui;hvcore")
set(ALLOWED_cpu "cpu;hvcore")
set(ALLOWED_devices "devices")
set(ALLOWED_rsw "rsw;xef")

# System headers only one folder may use: prefix of the include, owner.
set(OWNED_HEADERS "libxml/=sim/config" "unicorn/=cpu" "SDL=gui" "libelf.h=sim" "gelf.h=sim"
  "capstone/=sim/gdb" "elfutils/=sim/gdb")

set(GROUPS sim/common sim/config sim/trace sim sim/scenario sim/bench sim/engine sim/xef sim/gdb sim/cli gui
  cpu devices rsw)
set(problems "")

# The group an include names: "sim/trace/x.h" -> sim/trace, "sim/x.h" -> sim,
# "cpu/vcpu.h" -> cpu, <hvcore/..> or <xm/..> -> hvcore.
function(target_of include out)
  if(include MATCHES "^(hvcore|xm)/")
    set(${out} hvcore PARENT_SCOPE)
  elseif(include MATCHES "^sim/([a-z_]+)/")
    set(${out} "sim/${CMAKE_MATCH_1}" PARENT_SCOPE)
  elseif(include MATCHES "^([a-z_]+)/")
    set(${out} ${CMAKE_MATCH_1} PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()

foreach(group ${GROUPS})
  string(REPLACE "/" "_" key ${group})
  file(GLOB files ${ROOT}/${group}/*.c ${ROOT}/${group}/*.h)
  foreach(f ${files})
    file(RELATIVE_PATH rel_f ${ROOT} ${f})
    file(STRINGS ${f} lines REGEX "^#include")
    foreach(line ${lines})
      if(NOT line MATCHES "^#include[ \t]*[<\"]([^>\"]+)[>\"]")
        continue()
      endif()
      set(inc ${CMAKE_MATCH_1})
      set(target "")
      if(line MATCHES "\"" OR inc MATCHES "^(hvcore|xm)/")
        target_of("${inc}" target) # the project's own headers
      endif()
      if(target AND NOT target IN_LIST ALLOWED_${key})
        string(APPEND problems "${rel_f}: ${group} must not include ${inc} (${target})\n")
      endif()
      foreach(owned ${OWNED_HEADERS})
        string(REPLACE "=" ";" pair ${owned})
        list(GET pair 0 prefix)
        list(GET pair 1 owner)
        string(FIND "${inc}" "${prefix}" at)
        if(at EQUAL 0 AND NOT group STREQUAL owner)
          string(APPEND problems "${rel_f}: only ${owner} may include ${inc}\n")
        endif()
      endforeach()
    endforeach()
  endforeach()
endforeach()

if(problems)
  message(NOTICE "${problems}") # plain lines, one a problem, not re-wrapped
  message(FATAL_ERROR "layout check failed")
endif()
message(STATUS "layout check: every include follows the arrows")
