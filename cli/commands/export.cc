// Copyright 2026 The okrd Authors.
//
// okrd export: the database as an XLSX workbook, CSV files or okrd XML, in
// the same template the importer reads, so the file can be edited and
// imported again.

#include <algorithm>

#include "cli/command.h"
#include "cli/store_access.h"
#include "core/base/file.h"
#include "importers/detect.h"
#include "importers/template/template_export.h"
#include "importers/xml/xml_format.h"

namespace okr {
namespace {

// Writes `data` to `path` through a temporary file and a rename, so a
// reader never sees half a file.
Status WriteFileAtomically(const std::string& path, std::string_view data) {
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return IoError("cannot write " + tmp);
  const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  if (std::fclose(f) != 0 || !ok) {
    std::remove(tmp.c_str());
    return IoError("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return IoError("cannot rename " + tmp + " to " + path);
  }
  return Status::Ok();
}

Result<FileFormat> ChooseFormat(const ParsedFlags& flags,
                                const std::string& path) {
  std::string name = flags.Get("format").value_or("");
  if (name.empty()) {
    const size_t dot = path.rfind('.');
    name = dot == std::string::npos ? "" : path.substr(dot + 1);
  }
  std::optional<FileFormat> format = ParseFileFormat(name);
  if (!format || *format == FileFormat::kOds) {
    return UsageError::Make("cannot tell the format of \"" + path +
                            "\": use --format xlsx, csv or xml");
  }
  return *format;
}

Status ExportCsv(const Organisation& org, const std::string& cycle,
                 const std::string& path, const CliEnv& env) {
  for (const ExportSheet& sheet : BuildTemplateSheets(org, cycle)) {
    const std::string file = CsvCompanionFileName(path, sheet.kind);
    OKR_RETURN_IF_ERROR(WriteFileAtomically(file, TemplateSheetCsv(sheet)));
    std::fprintf(env.out, "wrote %s\n", file.c_str());
  }
  return Status::Ok();
}

Status RunExport(const CliEnv& env, const ParsedFlags& flags) {
  const std::optional<std::string> path = flags.Get("output");
  if (!path || path->empty()) return UsageError::Make("-o FILE is required");
  if (!flags.positionals().empty()) {
    return UsageError::Make("unexpected argument '" + flags.positionals()[0] + "'");
  }
  OKR_ASSIGN_OR_RETURN(FileFormat format, ChooseFormat(flags, *path));
  OKR_ASSIGN_OR_RETURN(auto store, OpenStore(env, /*create=*/false));
  OKR_ASSIGN_OR_RETURN(Organisation org, store->Load());
  const std::string cycle = flags.Get("cycle").value_or("");
  if (!cycle.empty() && std::none_of(org.cycles.begin(), org.cycles.end(),
                                     [&](const Cycle& c) { return c.name == cycle; })) {
    return NotFound("no cycle \"" + cycle + "\"");
  }
  switch (format) {
    case FileFormat::kCsv:
      return ExportCsv(org, cycle, *path, env);
    case FileFormat::kXlsx: {
      OKR_ASSIGN_OR_RETURN(std::string bytes,
                           TemplateXlsxBytes(BuildTemplateSheets(org, cycle)));
      OKR_RETURN_IF_ERROR(WriteFileAtomically(*path, bytes));
      break;
    }
    case FileFormat::kXml: {
      XmlWriteResult xml = WriteOrganisationXml(org, cycle);
      if (xml.replaced_characters > 0) {
        std::fprintf(env.err,
                     "okrd: warning: %d control character(s) XML cannot hold "
                     "were written as U+FFFD\n",
                     xml.replaced_characters);
      }
      OKR_RETURN_IF_ERROR(WriteFileAtomically(*path, xml.xml));
      break;
    }
    case FileFormat::kOds:
      break;
  }
  std::fprintf(env.out, "wrote %s\n", path->c_str());
  return Status::Ok();
}

}  // namespace

Command MakeExportCommand() {
  return {.name = "export",
          .summary = "write the OKRs to an XLSX, CSV or okrd XML file",
          .usage = "okrd export -o FILE [--format xlsx|csv|xml] [--cycle NAME]",
          .details =
              "Writes the okrd template: the sheets OKRs, People, Units, "
              "Cycles and Check-ins (as\ncompanion files plan.people.csv, ... "
              "beside plan.csv for CSV). The format follows the\nfile's "
              "extension unless --format says otherwise. Importing the file "
              "again changes nothing.",
          .flags = {{"output", true, "the file to write", "FILE", 'o'},
                    {"format", true, "xlsx, csv or xml (default: from FILE)",
                     "F"},
                    {"cycle", true, "only this cycle's objectives", "NAME"}},
          .run = RunExport};
}

}  // namespace okr
