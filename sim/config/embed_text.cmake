# cmake -DINPUT=file -DOUTPUT=file.c -DNAME=symbol -P embed_text.cmake
# Writes a C file defining `const char NAME[]` (the file's bytes plus a NUL)
# and `const unsigned NAME_size` (without the NUL), so a text file becomes
# part of the binary and nothing is read from the source tree at run time.
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n    "
       bytes "${bytes}")
file(WRITE ${OUTPUT}
  "/* Generated from ${INPUT} by embed_text.cmake: do not edit. */\n"
  "extern const char ${NAME}[];\n"
  "extern const unsigned ${NAME}_size;\n"
  "const char ${NAME}[] = {\n    ${bytes}0x00};\n"
  "const unsigned ${NAME}_size = ${size}u;\n")
