// Copyright 2026 The okrd Authors.

#include "importers/detect.h"

#include "core/base/file.h"
#include "importers/xml/xml_format.h"

namespace okr {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' ||
                        s[0] == '\n')) {
    s.remove_prefix(1);
  }
  return s;
}

Result<FileFormat> DetectZip(std::string_view bytes, std::string_view file) {
  // ODS stores its mimetype first and uncompressed; zip entry names are
  // stored uncompressed in the central directory.
  if (bytes.substr(0, 128).find("application/vnd.oasis.opendocument.spreadsheet") !=
      std::string_view::npos) {
    return FileFormat::kOds;
  }
  if (bytes.find("xl/workbook.xml") != std::string_view::npos ||
      bytes.find("[Content_Types].xml") != std::string_view::npos) {
    return FileFormat::kXlsx;
  }
  if (bytes.find("content.xml") != std::string_view::npos) {
    return FileFormat::kOds;
  }
  return InvalidArgument(std::string(file) +
                         ": a zip file that is neither XLSX nor ODS");
}

}  // namespace

std::string_view FileFormatName(FileFormat format) {
  switch (format) {
    case FileFormat::kCsv: return "csv";
    case FileFormat::kXlsx: return "xlsx";
    case FileFormat::kOds: return "ods";
    case FileFormat::kXml: return "xml";
  }
  return "?";
}

std::optional<FileFormat> ParseFileFormat(std::string_view name) {
  for (FileFormat f : {FileFormat::kCsv, FileFormat::kXlsx, FileFormat::kOds,
                       FileFormat::kXml}) {
    if (FileFormatName(f) == name) return f;
  }
  if (name == "tsv" || name == "txt") return FileFormat::kCsv;
  return std::nullopt;
}

Result<FileFormat> DetectFileFormat(std::string_view bytes,
                                    std::string_view file_name) {
  const std::string file(file_name);
  if (bytes.empty()) return InvalidArgument(file + ": the file is empty");
  if (StartsWith(bytes, "PK\x03\x04")) return DetectZip(bytes, file);
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return InvalidArgument(
        file + ": a password-protected Office file or a legacy .xls; save it "
               "as .xlsx (without a password) or .csv");
  }
  const std::string_view text = SkipBomAndSpace(bytes);
  if (StartsWith(text, "<?xml") || StartsWith(text, "<okrd")) {
    if (LooksLikeOrganisationXml(bytes)) return FileFormat::kXml;
    return InvalidArgument(file + ": XML, but not okrd's format (see "
                                  "importers/xml/okrd.xsd)");
  }
  return FileFormat::kCsv;
}

Result<std::string> ReadInputFile(const std::string& path,
                                  const Limits& limits) {
  return ReadWholeFile(path, limits.max_input_bytes, "max_input_bytes");
}

}  // namespace okr
