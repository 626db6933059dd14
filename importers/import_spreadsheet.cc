// Copyright 2026 The okrd Authors.
//
// ImportSpreadsheet: a CSV, XLSX or ODS reader streaming into the template
// mapper. Separate from import_file.cc so that file stays format-neutral.

#include <cassert>

#include "importers/csv/csv_reader.h"
#include "importers/import_file.h"
#include "importers/ods/ods_reader.h"
#include "importers/template/workbook_mapper.h"
#include "importers/xlsx/xlsx_reader.h"

namespace okr {
namespace {

// Passes rows on to the mapper and progress to FileImportOptions::progress.
class ProgressSink : public RowSink {
 public:
  ProgressSink(RowSink* to, const FileImportOptions& options)
      : to_(to), options_(options) {}
  Status BeginSheet(const SheetInfo& sheet) override {
    return to_->BeginSheet(sheet);
  }
  Status Row(int64_t row, const std::vector<Cell>& cells) override {
    return to_->Row(row, cells);
  }
  Status EndSheet() override { return to_->EndSheet(); }
  void Progress(int64_t done, int64_t total) override {
    options_.progress(done, total);
  }

 private:
  RowSink* to_;
  const FileImportOptions& options_;
};

Status ReadInto(std::string_view bytes, const std::string& name,
                FileFormat format, const FileImportOptions& options,
                const Limits& limits, WorkbookMapper* mapper) {
  ProgressSink with_progress(mapper, options);
  RowSink* sink = options.progress ? static_cast<RowSink*>(&with_progress)
                                   : static_cast<RowSink*>(mapper);
  switch (format) {
    case FileFormat::kXlsx:
      return ReadXlsx(bytes, {.file_name = name}, limits, sink);
    case FileFormat::kOds:
      return ReadOds(bytes, {.file_name = name}, limits, sink);
    case FileFormat::kCsv: {
      CsvInfo info;
      Status s = ReadCsv(bytes, {.file_name = name, .delimiter = options.delimiter},
                         limits, sink, &info);
      // Mapping happens in Finish(), so the sniffed delimiter can still say
      // how to read "1.234,5".
      mapper->SetDecimalComma(DecimalCommaForDelimiter(info.delimiter));
      return s;
    }
    case FileFormat::kXml:
      break;
  }
  return Internal("not a spreadsheet format");
}

}  // namespace

Result<FileImport> ImportSpreadsheet(const std::vector<NamedInput>& inputs,
                                     FileFormat format,
                                     const FileImportOptions& options,
                                     const Limits& limits) {
  assert(!inputs.empty());
  const std::string& name = inputs.front().name;
  WorkbookMapper mapper({.file_name = name,
                         .is_csv = format == FileFormat::kCsv,
                         .sheet = options.sheet,
                         .default_cycle = options.default_cycle,
                         .date_order = options.date_order,
                         .today = options.today});
  for (const NamedInput& input : inputs) {
    mapper.SetFileName(input.name);
    OKR_RETURN_IF_ERROR(
        ReadInto(input.bytes, input.name, format, options, limits, &mapper));
  }
  MappedWorkbook mapped = mapper.Finish();
  FileImport out{.format = format, .org = std::move(mapped.org)};
  for (const Diagnostic& d : mapped.diagnostics) {
    (d.error ? out.errors : out.warnings).push_back(d.ToString());
  }
  out.derived_objectives = std::move(mapped.derived_objectives);
  out.derived_krs = std::move(mapped.derived_krs);
  out.kr_confidence = std::move(mapped.kr_confidence);
  out.where = std::move(mapped.where);
  out.derived_units = std::move(mapped.derived_units);
  out.derived_cycles = std::move(mapped.derived_cycles);
  return out;
}

}  // namespace okr
