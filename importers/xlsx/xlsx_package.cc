// Copyright 2026 The okrd Authors.

#include "importers/xlsx/xlsx_package.h"

#include <utility>

#include "importers/table.h"
#include "importers/zip/xml_stream.h"

namespace okr {
namespace {

std::string FileLabel(const ZipArchive& zip) {
  return Location::InFile(zip.file_name()).ToString();
}

Status PartError(const ZipArchive& zip, std::string_view part,
                 std::string_view message) {
  return InvalidArgument(FileLabel(zip) + ": " + std::string(part) + ": " +
                         std::string(message));
}

// Collects the Relationship elements of one .rels part.
class RelationshipsHandler : public XmlHandler {
 public:
  RelationshipsHandler(const ZipArchive& zip, std::string source_part)
      : zip_(zip), source_part_(std::move(source_part)) {}

  Status StartElement(const XmlName& name, const XmlAttrs& attrs) override {
    if (name.local != "Relationship" ||
        (name.ns != XmlNs::kPackageRels && name.ns != XmlNs::kNone)) {
      return Status::Ok();
    }
    OpcRelationship rel;
    rel.id = std::string(attrs.Get(XmlNs::kNone, "Id"));
    rel.type = std::string(attrs.Get(XmlNs::kNone, "Type"));
    if (attrs.Get(XmlNs::kNone, "TargetMode") != "External") {
      const std::optional<std::string> target =
          ResolvePartTarget(source_part_, attrs.Get(XmlNs::kNone, "Target"));
      if (!target) {
        return PartError(
            zip_, RelationshipsPartFor(source_part_),
            "relationship " + rel.id + " points outside the package");
      }
      rel.target = *target;
    }
    relationships_.push_back(std::move(rel));
    return Status::Ok();
  }
  Status EndElement(const XmlName&) override { return Status::Ok(); }
  Status Text(std::string_view) override { return Status::Ok(); }
  std::string Where() const override { return FileLabel(zip_); }

  std::vector<OpcRelationship> Take() { return std::move(relationships_); }

 private:
  const ZipArchive& zip_;
  std::string source_part_;
  std::vector<OpcRelationship> relationships_;
};

// The relationships of `source_part`; none when its .rels part is absent.
Result<std::vector<OpcRelationship>> ReadRelationships(
    ZipArchive* zip, std::string_view source_part, const Limits& limits) {
  const ZipArchive::Entry* entry = zip->Find(RelationshipsPartFor(source_part));
  if (entry == nullptr) return std::vector<OpcRelationship>();
  RelationshipsHandler handler(*zip, std::string(source_part));
  OKR_RETURN_IF_ERROR(ParseXmlPart(zip, *entry, &handler, limits));
  return handler.Take();
}

const OpcRelationship* FindByType(const std::vector<OpcRelationship>& rels,
                                  std::string_view last_segment) {
  for (const OpcRelationship& rel : rels) {
    if (!rel.target.empty() && RelationshipTypeIs(rel.type, last_segment)) {
      return &rel;
    }
  }
  return nullptr;
}

const OpcRelationship* FindById(const std::vector<OpcRelationship>& rels,
                                std::string_view id) {
  for (const OpcRelationship& rel : rels) {
    if (rel.id == id) return &rel;
  }
  return nullptr;
}

struct RawSheet {
  std::string name;
  std::string state;
  std::string rel_id;
};

// Reads workbookPr and the <sheets> list of the workbook part.
class WorkbookHandler : public XmlHandler {
 public:
  WorkbookHandler(const ZipArchive& zip, std::string part, const Limits& limits)
      : zip_(zip), part_(std::move(part)), limits_(limits) {}

  Status StartElement(const XmlName& name, const XmlAttrs& attrs) override {
    ++depth_;
    const bool sml =
        name.ns == XmlNs::kSpreadsheetMl || name.ns == XmlNs::kNone;
    if (depth_ == 1) {
      if (sml && name.local == "workbook") return Status::Ok();
      return PartError(zip_, part_, "is not a SpreadsheetML workbook");
    }
    if (!sml || depth_ > 3) return Status::Ok();
    if (depth_ == 2 && name.local == "workbookPr") {
      const std::string_view flag = attrs.Get(XmlNs::kNone, "date1904");
      date1904_ = flag == "1" || flag == "true";
    } else if (depth_ == 2 && name.local == "sheets") {
      in_sheets_ = true;
    } else if (depth_ == 3 && in_sheets_ && name.local == "sheet") {
      return AddSheet(attrs);
    }
    return Status::Ok();
  }

  Status EndElement(const XmlName& name) override {
    if (depth_ == 2 && name.local == "sheets") in_sheets_ = false;
    --depth_;
    return Status::Ok();
  }
  Status Text(std::string_view) override { return Status::Ok(); }
  std::string Where() const override { return FileLabel(zip_); }

  bool date1904() const { return date1904_; }
  const std::vector<RawSheet>& sheets() const { return sheets_; }

 private:
  Status AddSheet(const XmlAttrs& attrs) {
    if (static_cast<int64_t>(sheets_.size()) >= limits_.max_sheets) {
      return ResourceExhausted(FileLabel(zip_) + ": more than max_sheets (" +
                               std::to_string(limits_.max_sheets) + ") sheets");
    }
    RawSheet sheet;
    sheet.name = std::string(attrs.Get(XmlNs::kNone, "name"));
    sheet.state = std::string(attrs.Get(XmlNs::kNone, "state"));
    sheet.rel_id = std::string(attrs.Get(XmlNs::kOfficeRels, "id"));
    sheets_.push_back(std::move(sheet));
    return Status::Ok();
  }

  const ZipArchive& zip_;
  std::string part_;
  const Limits& limits_;
  int depth_ = 0;
  bool in_sheets_ = false;
  bool date1904_ = false;
  std::vector<RawSheet> sheets_;
};

std::string SheetState(std::string_view raw) {
  if (raw == "hidden" || raw == "veryHidden") return std::string(raw);
  return "visible";
}

std::optional<SheetType> TypeOfRelationship(std::string_view type) {
  if (RelationshipTypeIs(type, "worksheet")) return SheetType::kWorksheet;
  if (RelationshipTypeIs(type, "chartsheet")) return SheetType::kChartsheet;
  if (RelationshipTypeIs(type, "dialogsheet")) return SheetType::kDialogsheet;
  if (RelationshipTypeIs(type, "xlMacrosheet") ||
      RelationshipTypeIs(type, "xlIntlMacrosheet")) {
    return SheetType::kMacrosheet;
  }
  return std::nullopt;
}

Result<XlsxSheetEntry> ResolveSheet(const ZipArchive& zip,
                                    const XlsxWorkbook& book,
                                    const std::vector<OpcRelationship>& rels,
                                    const RawSheet& raw) {
  const OpcRelationship* rel = FindById(rels, raw.rel_id);
  if (rel == nullptr || rel->target.empty()) {
    return PartError(zip, book.part,
                     "sheet \"" + raw.name + "\" has no relationship \"" +
                         raw.rel_id + "\" to its part");
  }
  const std::optional<SheetType> type = TypeOfRelationship(rel->type);
  if (!type) {
    return PartError(
        zip, book.part,
        "sheet \"" + raw.name + "\" is of an unknown kind: " + rel->type);
  }
  return XlsxSheetEntry{raw.name, SheetState(raw.state), *type, rel->target};
}

// The workbook part named by _rels/.rels, else xl/workbook.xml if present.
Result<std::string> FindWorkbookPart(ZipArchive* zip, const Limits& limits) {
  OKR_ASSIGN_OR_RETURN(std::vector<OpcRelationship> root,
                       ReadRelationships(zip, "", limits));
  const OpcRelationship* office = FindByType(root, "officeDocument");
  if (office != nullptr && zip->Find(office->target) != nullptr) {
    return office->target;
  }
  if (office == nullptr && zip->Find("xl/workbook.xml") != nullptr) {
    return std::string("xl/workbook.xml");
  }
  return InvalidArgument(FileLabel(*zip) +
                         ": not an Excel workbook: the package has no "
                         "workbook part");
}

// Applies "." and ".." to a '/'- or '\\'-separated path; drops empty
// segments. nullopt if ".." climbs above the root.
std::optional<std::string> CollapseDotSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    if (segment == "..") {
      if (segments.empty()) return std::nullopt;
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string_view segment : segments) {
    if (!out.empty()) out += '/';
    out += segment;
  }
  return out;
}

}  // namespace

std::string RelationshipsPartFor(std::string_view source_part) {
  const size_t slash = source_part.rfind('/');
  const std::string_view dir = slash == std::string_view::npos
                                   ? std::string_view()
                                   : source_part.substr(0, slash + 1);
  const std::string_view file = source_part.substr(dir.size());
  return std::string(dir) + "_rels/" + std::string(file) + ".rels";
}

bool RelationshipTypeIs(std::string_view type, std::string_view last_segment) {
  return type.size() > last_segment.size() &&
         type.substr(type.size() - last_segment.size()) == last_segment &&
         type[type.size() - last_segment.size() - 1] == '/';
}

std::optional<std::string> ResolvePartTarget(std::string_view source_part,
                                             std::string_view target) {
  std::string path;
  if (target.empty() || (target[0] != '/' && target[0] != '\\')) {
    const size_t slash = source_part.rfind('/');
    if (slash != std::string_view::npos) {
      path = std::string(source_part.substr(0, slash + 1));
    }
  }
  path += target;
  return CollapseDotSegments(path);
}

Result<XlsxWorkbook> ReadXlsxWorkbook(ZipArchive* zip, const Limits& limits) {
  XlsxWorkbook book;
  OKR_ASSIGN_OR_RETURN(book.part, FindWorkbookPart(zip, limits));
  OKR_ASSIGN_OR_RETURN(std::vector<OpcRelationship> rels,
                       ReadRelationships(zip, book.part, limits));
  WorkbookHandler handler(*zip, book.part, limits);
  OKR_RETURN_IF_ERROR(
      ParseXmlPart(zip, *zip->Find(book.part), &handler, limits));
  book.date1904 = handler.date1904();
  for (const RawSheet& raw : handler.sheets()) {
    OKR_ASSIGN_OR_RETURN(XlsxSheetEntry sheet,
                         ResolveSheet(*zip, book, rels, raw));
    book.sheets.push_back(std::move(sheet));
  }
  if (const OpcRelationship* sst = FindByType(rels, "sharedStrings")) {
    book.shared_strings_part = sst->target;
  }
  if (const OpcRelationship* styles = FindByType(rels, "styles")) {
    book.styles_part = styles->target;
  }
  return book;
}

}  // namespace okr
