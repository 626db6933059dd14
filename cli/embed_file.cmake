# Writes a C++ source defining kExampleXlsx/kExampleXlsxSize from a binary
# file: cmake -DINPUT=... -DOUTPUT=... -P embed_file.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}"
  "// Generated from ${INPUT}; do not edit.\n"
  "#include <cstddef>\n"
  "namespace okr {\n"
  "extern const unsigned char kExampleXlsx[] = {\n${bytes}\n};\n"
  "extern const size_t kExampleXlsxSize = ${size};\n"
  "}  // namespace okr\n")
