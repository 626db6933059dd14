// Copyright 2026 The okrd Authors.
//
// The package layer of an XLSX file (OPC): relationships, part names, and
// the workbook part with its sheet list. Never assumes paths: the workbook
// is found through _rels/.rels (falling back to xl/workbook.xml only when
// there is no officeDocument relationship), sheets, styles and shared
// strings through the workbook's relationships, matched by the type's last
// path segment so transitional and Strict OOXML both work. External targets
// are ignored. Internal to the XLSX reader; exposed for its tests.
//
// Errors (InvalidArgument unless noted), "<file>: <part>: <message>":
//   missing workbook part, a root element that is not a SpreadsheetML
//   workbook, a sheet without a usable relationship or of an unknown kind,
//   a relationship target that leaves the package; more than max_sheets
//   sheets (ResourceExhausted); and whatever the zip and XML layers report.
//
// Threads: thread-compatible.

#ifndef OKR_IMPORTERS_XLSX_XLSX_PACKAGE_H_
#define OKR_IMPORTERS_XLSX_XLSX_PACKAGE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/limits.h"
#include "core/base/result.h"
#include "importers/zip/sheet_details.h"
#include "importers/zip/zip_archive.h"

namespace okr {

struct OpcRelationship {
  std::string id;
  std::string type;    // Full type URI.
  std::string target;  // Resolved part name; empty for external targets.
};

struct XlsxSheetEntry {
  std::string name;
  std::string state = "visible";  // "visible", "hidden", "veryHidden".
  SheetType type = SheetType::kWorksheet;
  std::string part;  // Zip part name of the sheet.
};

struct XlsxWorkbook {
  std::string part;                    // "xl/workbook.xml" usually.
  std::vector<XlsxSheetEntry> sheets;  // Workbook order.
  bool date1904 = false;
  std::string shared_strings_part;  // Empty when there is none.
  std::string styles_part;          // Empty when there is none.
};

// Reads the package relationships and the workbook part.
Result<XlsxWorkbook> ReadXlsxWorkbook(ZipArchive* zip, const Limits& limits);

// Resolves a relationship target against the part that holds the
// relationship (relative to its folder, or package-absolute with a leading
// '/'); '.' and '..' are applied. nullopt if the target leaves the package.
std::optional<std::string> ResolvePartTarget(std::string_view source_part,
                                             std::string_view target);

// "xl/_rels/workbook.xml.rels" for "xl/workbook.xml"; "_rels/.rels" for "".
std::string RelationshipsPartFor(std::string_view source_part);

// Whether a relationship type URI ends in "/<last_segment>".
bool RelationshipTypeIs(std::string_view type, std::string_view last_segment);

}  // namespace okr

#endif  // OKR_IMPORTERS_XLSX_XLSX_PACKAGE_H_
