// Copyright 2026 The okrd Authors.

#include "importers/ods/ods_reader.h"

#include "importers/ods/ods_content_parser.h"
#include "importers/zip/row_builder.h"
#include "importers/zip/xml_stream.h"
#include "importers/zip/zip_archive.h"

namespace okr {
namespace {

constexpr std::string_view kSpreadsheetType =
    "application/vnd.oasis.opendocument.spreadsheet";
constexpr std::string_view kTemplateType =
    "application/vnd.oasis.opendocument.spreadsheet-template";

std::string FileLabel(std::string_view file_name) {
  return Location::InFile(file_name).ToString();
}

Status PasswordProtected(std::string_view file_name) {
  return InvalidArgument(FileLabel(file_name) +
                         ": file is password-protected; save it without a "
                         "password and try again");
}

Status CheckInput(std::string_view bytes, const OdsOptions& options,
                  const Limits& limits) {
  if (static_cast<int64_t>(bytes.size()) > limits.max_input_bytes) {
    return ResourceExhausted(FileLabel(options.file_name) + ": input of " +
                             std::to_string(bytes.size()) +
                             " bytes is larger than max_input_bytes (" +
                             std::to_string(limits.max_input_bytes) + ")");
  }
  if (LooksLikeCompoundFile(bytes)) {
    return InvalidArgument(FileLabel(options.file_name) +
                           ": not an OpenDocument spreadsheet but an OLE "
                           "compound file (a legacy .xls, or an encrypted "
                           "Office file)");
  }
  return Status::Ok();
}

Status CheckMimetype(ZipArchive* zip) {
  const ZipArchive::Entry* entry = zip->Find("mimetype");
  if (entry == nullptr) return Status::Ok();  // Optional in practice.
  if (entry->size > 256) {
    return InvalidArgument(FileLabel(zip->file_name()) +
                           ": not an OpenDocument spreadsheet (mimetype "
                           "entry too large)");
  }
  OKR_ASSIGN_OR_RETURN(std::string type, zip->ReadToString(*entry));
  if (type == kSpreadsheetType || type == kTemplateType) return Status::Ok();
  return InvalidArgument(FileLabel(zip->file_name()) +
                         ": not an OpenDocument spreadsheet (mimetype \"" +
                         type.substr(0, 80) + "\")");
}

// Notices manifest:encryption-data anywhere in the manifest.
class ManifestHandler : public XmlHandler {
 public:
  explicit ManifestHandler(std::string where) : where_(std::move(where)) {}
  Status StartElement(const XmlName& name, const XmlAttrs&) override {
    if (name.Is(XmlNs::kOdfManifest, "encryption-data")) encrypted_ = true;
    return Status::Ok();
  }
  Status EndElement(const XmlName&) override { return Status::Ok(); }
  Status Text(std::string_view) override { return Status::Ok(); }
  std::string Where() const override { return where_; }
  bool encrypted() const { return encrypted_; }

 private:
  std::string where_;
  bool encrypted_ = false;
};

Status CheckNotEncrypted(ZipArchive* zip, const Limits& limits) {
  const ZipArchive::Entry* entry = zip->Find("META-INF/manifest.xml");
  if (entry == nullptr) return Status::Ok();
  ManifestHandler handler(FileLabel(zip->file_name()));
  OKR_RETURN_IF_ERROR(ParseXmlPart(zip, *entry, &handler, limits));
  return handler.encrypted() ? PasswordProtected(zip->file_name())
                             : Status::Ok();
}

}  // namespace

Status ReadOds(std::string_view bytes, const OdsOptions& options,
               const Limits& limits, RowSink* sink) {
  OKR_RETURN_IF_ERROR(CheckInput(bytes, options, limits));
  OKR_ASSIGN_OR_RETURN(ZipArchive zip,
                       ZipArchive::Open(bytes, options.file_name, limits));
  OKR_RETURN_IF_ERROR(CheckMimetype(&zip));
  OKR_RETURN_IF_ERROR(CheckNotEncrypted(&zip, limits));
  const ZipArchive::Entry* content = zip.Find("content.xml");
  if (content == nullptr) {
    return InvalidArgument(FileLabel(options.file_name) +
                           ": not an OpenDocument spreadsheet: there is no "
                           "content.xml");
  }
  const int64_t total = zip.inflated_total() + static_cast<int64_t>(content->size);
  RowBuilder rows(options.file_name, limits, sink, [&zip, sink, total] {
    sink->Progress(zip.inflated_total(), total);
    return zip.CheckDeadline();
  });
  OdsContentParser parser(&rows, sink, options.details);
  return ParseXmlPart(&zip, *content, &parser, limits);
}

}  // namespace okr
