// Copyright 2026 The okrd Authors.

#include "importers/import_file.h"

#include <unistd.h>

#include "importers/template/template_export.h"
#include "importers/xml/xml_format.h"

namespace okr {
namespace {

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// XML problems come as one Status with a line each; make them diagnostics.
FileImport FromXml(Result<Organisation> read) {
  FileImport out{.format = FileFormat::kXml};
  if (read.ok()) {
    out.org = std::move(read).value();
    return out;
  }
  std::string_view all = read.status().message();
  while (!all.empty()) {
    const size_t nl = all.find('\n');
    std::string line(all.substr(0, nl));
    const size_t colon = line.find(": ");
    if (colon != std::string::npos) line.insert(colon + 2, "error: ");
    out.errors.push_back(line);
    all = nl == std::string_view::npos ? "" : all.substr(nl + 1);
  }
  return out;
}

// The sheets okrd export writes beside "plan.csv", when present.
Status AddCompanions(const std::string& path, const Limits& limits,
                     std::vector<NamedInput>* inputs) {
  if (path == "-") return Status::Ok();
  for (TemplateSheet kind : {TemplateSheet::kPeople, TemplateSheet::kUnits,
                             TemplateSheet::kCycles, TemplateSheet::kCheckIns}) {
    const std::string companion = CsvCompanionFileName(path, kind);
    if (companion == path || access(companion.c_str(), F_OK) != 0) continue;
    OKR_ASSIGN_OR_RETURN(std::string bytes, ReadInputFile(companion, limits));
    inputs->push_back({BaseName(companion), std::move(bytes)});
  }
  return Status::Ok();
}

}  // namespace

Result<FileImport> ImportFile(const std::string& path,
                              const FileImportOptions& options,
                              const Limits& limits) {
  OKR_ASSIGN_OR_RETURN(std::string bytes, ReadInputFile(path, limits));
  const std::string name = BaseName(path);
  FileFormat format = FileFormat::kCsv;
  if (options.format) {
    format = *options.format;
  } else {
    OKR_ASSIGN_OR_RETURN(format, DetectFileFormat(bytes, name));
  }
  switch (format) {
    case FileFormat::kXml: {
      Result<Organisation> org = ReadOrganisationXml(bytes, name, limits);
      if (!org.ok() && org.status().code() != StatusCode::kInvalidArgument) {
        return org.status();
      }
      return FromXml(std::move(org));
    }
    case FileFormat::kCsv:
    case FileFormat::kXlsx:
    case FileFormat::kOds: {
      std::vector<NamedInput> inputs{{name, std::move(bytes)}};
      if (format == FileFormat::kCsv) {
        OKR_RETURN_IF_ERROR(AddCompanions(path, limits, &inputs));
      }
      return ImportSpreadsheet(inputs, format, options, limits);
    }
  }
  return Internal("unknown format");
}

}  // namespace okr
