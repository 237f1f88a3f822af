# cmake -DDIR=sdk/template -DOUTPUT=file.c -P embed_template.cmake
# Writes a C file holding every file of DIR (sim/cli/new_template.h:
# sim_new_template[], sim_new_template_count), so that `hvsim new` never
# reads the source tree.
file(GLOB names RELATIVE ${DIR} ${DIR}/*)
list(SORT names)
set(arrays "")
set(table "")
set(index 0)
foreach(name ${names})
  file(READ ${DIR}/${name} hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x..,){12})" "\\1\n    " bytes "${bytes}")
  string(APPEND arrays "static const char file_${index}[] = {\n    ${bytes}0x00};\n")
  string(APPEND table "    {\"${name}\", file_${index}},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE ${OUTPUT}.tmp
  "/* Generated from ${DIR} by sdk/embed_template.cmake: do not edit. */\n"
  "#include \"sim/cli/new_template.h\"\n\n${arrays}\n"
  "const struct sim_new_file sim_new_template[] = {\n${table}};\n"
  "const unsigned sim_new_template_count = ${index}u;\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
