// Copyright 2026 The okrd Authors.

#include "importers/xlsx/xlsx_reader.h"

#include <utility>

#include "importers/xlsx/xlsx_package.h"
#include "importers/xlsx/xlsx_shared_strings.h"
#include "importers/xlsx/xlsx_sheet_parser.h"
#include "importers/xlsx/xlsx_styles.h"
#include "importers/zip/row_builder.h"
#include "importers/zip/xml_stream.h"
#include "importers/zip/zip_archive.h"

namespace okr {
namespace {

Status CheckInput(std::string_view bytes, const XlsxOptions& options,
                  const Limits& limits) {
  const Location file = Location::InFile(options.file_name);
  if (static_cast<int64_t>(bytes.size()) > limits.max_input_bytes) {
    return file.Error(StatusCode::kResourceExhausted,
                      "input of " + std::to_string(bytes.size()) +
                          " bytes is larger than max_input_bytes (" +
                          std::to_string(limits.max_input_bytes) + ")");
  }
  if (LooksLikeCompoundFile(bytes)) {
    return file.Error(StatusCode::kInvalidArgument,
                      "file is password-protected (an encrypted workbook) "
                      "or an Excel 97-2003 .xls file; save it as an .xlsx "
                      "workbook without a password");
  }
  return Status::Ok();
}

// What a whole read inflates, near enough for a progress display: the
// declared sizes of the XML parts under xl/ (sheets, shared strings,
// styles, the workbook; a theme too, which is small).
int64_t ProgressTotal(const ZipArchive& zip) {
  int64_t total = 0;
  for (const ZipArchive::Entry& e : zip.entries()) {
    if (e.name.starts_with("xl/") && e.name.ends_with(".xml")) {
      total += static_cast<int64_t>(e.size);
    }
  }
  return total;
}

// Everything a sheet read needs, built once per file.
class WorkbookReader {
 public:
  WorkbookReader(ZipArchive* zip, const XlsxOptions& options,
                 const Limits& limits, RowSink* sink)
      : zip_(zip),
        options_(options),
        limits_(limits),
        sink_(sink),
        rows_(options.file_name, limits, sink,
              [zip, sink, total = ProgressTotal(*zip)] {
                sink->Progress(zip->inflated_total(), total);
                return zip->CheckDeadline();
              }) {}

  Status Run() {
    OKR_ASSIGN_OR_RETURN(book_, ReadXlsxWorkbook(zip_, limits_));
    OKR_RETURN_IF_ERROR(ReadStyles());
    OKR_RETURN_IF_ERROR(ReadStrings());
    for (size_t i = 0; i < book_.sheets.size(); ++i) {
      OKR_RETURN_IF_ERROR(ReadSheet(book_.sheets[i], static_cast<int>(i)));
    }
    return Status::Ok();
  }

 private:
  Result<const ZipArchive::Entry*> FindPart(const std::string& part,
                                            std::string_view what) {
    const ZipArchive::Entry* entry = zip_->Find(part);
    if (entry != nullptr) return entry;
    return InvalidArgument(Location::InFile(options_.file_name).ToString() +
                           ": " + std::string(what) + " part " + part +
                           " is missing from the archive");
  }

  Status ReadStyles() {
    if (book_.styles_part.empty()) return Status::Ok();
    OKR_ASSIGN_OR_RETURN(const ZipArchive::Entry* entry,
                         FindPart(book_.styles_part, "the styles"));
    OKR_ASSIGN_OR_RETURN(styles_, ReadXlsxStyles(zip_, *entry, limits_));
    return Status::Ok();
  }

  Status ReadStrings() {
    if (book_.shared_strings_part.empty()) return Status::Ok();
    OKR_ASSIGN_OR_RETURN(
        const ZipArchive::Entry* entry,
        FindPart(book_.shared_strings_part, "the shared strings"));
    OKR_ASSIGN_OR_RETURN(strings_, ReadSharedStrings(zip_, *entry, limits_));
    return Status::Ok();
  }

  Status ReadSheet(const XlsxSheetEntry& sheet, int index) {
    OKR_RETURN_IF_ERROR(
        sink_->BeginSheet(SheetInfo{sheet.name, sheet.state, index}));
    SheetDetails details;
    details.type = sheet.type;
    if (sheet.type == SheetType::kWorksheet) {
      OKR_ASSIGN_OR_RETURN(const ZipArchive::Entry* entry,
                           FindPart(sheet.part, "the worksheet"));
      rows_.BeginSheet(sheet.name);
      const XlsxSheetContext context{
          &strings_, &styles_,
          book_.date1904 ? DateSystem::k1904 : DateSystem::k1900};
      XlsxSheetParser parser(context, &rows_, &details);
      OKR_RETURN_IF_ERROR(ParseXmlPart(zip_, *entry, &parser, limits_));
    }
    if (options_.details != nullptr) {
      OKR_RETURN_IF_ERROR(options_.details->OnSheetDetails(details));
    }
    return sink_->EndSheet();
  }

  ZipArchive* zip_;
  const XlsxOptions& options_;
  const Limits& limits_;
  RowSink* sink_;
  RowBuilder rows_;
  XlsxWorkbook book_;
  XlsxStyles styles_;
  SharedStrings strings_;
};

}  // namespace

Status ReadXlsx(std::string_view bytes, const XlsxOptions& options,
                const Limits& limits, RowSink* sink) {
  OKR_RETURN_IF_ERROR(CheckInput(bytes, options, limits));
  OKR_ASSIGN_OR_RETURN(ZipArchive zip,
                       ZipArchive::Open(bytes, options.file_name, limits));
  WorkbookReader reader(&zip, options, limits, sink);
  return reader.Run();
}

}  // namespace okr
