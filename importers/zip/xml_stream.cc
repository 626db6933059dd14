// Copyright 2026 The okrd Authors.

#include "importers/zip/xml_stream.h"

#include <expat.h>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <optional>
#include <utility>

namespace okr {
namespace {

// Real parts declare a few dozen namespaces; lookups are linear, so a flood
// of declarations is refused rather than made to cost quadratic time.
constexpr size_t kMaxBindings = 1024;

}  // namespace

// Shared with xml_stream_fast.cc.
std::optional<std::string_view> DeclaredPrefix(std::string_view attr);

namespace {

struct KnownNamespace {
  std::string_view uri;
  XmlNs ns;
};

constexpr KnownNamespace kKnownNamespaces[] = {
    {"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
     XmlNs::kSpreadsheetMl},
    {"http://purl.oclc.org/ooxml/spreadsheetml/main", XmlNs::kSpreadsheetMl},
    {"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     XmlNs::kOfficeRels},
    {"http://purl.oclc.org/ooxml/officeDocument/relationships",
     XmlNs::kOfficeRels},
    {"http://schemas.openxmlformats.org/package/2006/relationships",
     XmlNs::kPackageRels},
    {"http://www.w3.org/XML/1998/namespace", XmlNs::kXml},
    {"urn:oasis:names:tc:opendocument:xmlns:office:1.0", XmlNs::kOdfOffice},
    {"urn:oasis:names:tc:opendocument:xmlns:table:1.0", XmlNs::kOdfTable},
    {"urn:oasis:names:tc:opendocument:xmlns:text:1.0", XmlNs::kOdfText},
    {"urn:oasis:names:tc:opendocument:xmlns:style:1.0", XmlNs::kOdfStyle},
    {"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", XmlNs::kOdfDraw},
    {"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0", XmlNs::kOdfManifest},
    {"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
     XmlNs::kOdfCalcExt},
};

// "xmlns" (the default namespace) -> "", "xmlns:p" -> "p"; nullopt for an
// attribute that declares no namespace. Cheap for the usual attribute.

XML_Parser AsParser(void* parser) { return static_cast<XML_Parser>(parser); }

// "UTF-8" in any case.
bool IsUtf8Name(const char* encoding) {
  const std::string_view name(encoding);
  if (name.size() != 5) return false;
  for (size_t i = 0; i < 5; ++i) {
    if ((name[i] | 0x20) != ("utf-8"[i] | 0x20)) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string_view> DeclaredPrefix(std::string_view attr) {
  if (attr.size() < 5 || attr[0] != 'x' || !attr.starts_with("xmlns")) {
    return std::nullopt;
  }
  if (attr.size() == 5) return std::string_view();
  if (attr[5] != ':') return std::nullopt;
  return attr.substr(6);
}

XmlNs ClassifyXmlNamespace(std::string_view uri) {
  for (const KnownNamespace& known : kKnownNamespaces) {
    if (known.uri.size() == uri.size() && known.uri == uri) return known.ns;
  }
  return XmlNs::kOther;
}

const std::string_view* XmlAttrs::Find(XmlNs ns, std::string_view local) const {
  for (const XmlAttr& attr : attrs_) {
    if (attr.ns == ns && attr.local == local) return &attr.value;
  }
  return nullptr;
}

XmlHandler::~XmlHandler() = default;
bool XmlHandler::WantsFastContent() const { return false; }

// expat's C callbacks; `data` is the XmlStream.
struct XmlStream::Callbacks {
  static void XMLCALL Start(void* data, const XML_Char* name,
                            const XML_Char** atts) {
    auto* self = static_cast<XmlStream*>(data);
    if (self->replaying_) {
      ++self->replayed_;
      return;
    }
    if (!self->status_.ok()) return;
    if (++self->depth_ > self->max_depth_) {
      self->Stop(self->TooDeep());
      return;
    }
    if (self->depth_ <= kMaxOpenNames) {
      self->open_names_[self->depth_ - 1].assign(name);
    }
    Status status = self->StartTag(name, atts);
    if (!status.ok()) {
      self->Stop(std::move(status));
      return;
    }
    self->MaybeEnterFastPath();
  }

  static void XMLCALL End(void* data, const XML_Char* name) {
    auto* self = static_cast<XmlStream*>(data);
    if (self->replaying_ || !self->status_.ok()) return;
    Status status = self->EndTag(name);
    if (!status.ok()) self->Stop(std::move(status));
  }

  static void XMLCALL Text(void* data, const XML_Char* text, int size) {
    auto* self = static_cast<XmlStream*>(data);
    if (self->replaying_ || !self->status_.ok()) return;
    Status status =
        self->handler_->Text(std::string_view(text, static_cast<size_t>(size)));
    if (!status.ok()) self->Stop(std::move(status));
  }

  static void XMLCALL Doctype(void* data, const XML_Char* /*name*/,
                              const XML_Char* /*sysid*/,
                              const XML_Char* /*pubid*/,
                              int /*has_internal_subset*/) {
    auto* self = static_cast<XmlStream*>(data);
    if (!self->status_.ok()) return;
    self->Stop(InvalidArgument(self->handler_->Where() + ": " + self->part_ +
                               ": has a DOCTYPE declaration, which "
                               "spreadsheet files never contain; refused"));
  }

  static void XMLCALL Entity(void* data, const XML_Char* /*name*/,
                             int /*is_parameter_entity*/,
                             const XML_Char* /*value*/, int /*value_length*/,
                             const XML_Char* /*base*/,
                             const XML_Char* /*system_id*/,
                             const XML_Char* /*public_id*/,
                             const XML_Char* /*notation_name*/) {
    auto* self = static_cast<XmlStream*>(data);
    if (!self->status_.ok()) return;
    self->Stop(InvalidArgument(self->handler_->Where() + ": " + self->part_ +
                               ": declares an entity; refused"));
  }

  static void XMLCALL XmlDecl(void* data, const XML_Char* /*version*/,
                              const XML_Char* encoding, int /*standalone*/) {
    auto* self = static_cast<XmlStream*>(data);
    if (encoding != nullptr && !IsUtf8Name(encoding)) {
      self->bad_encoding_ = true;
    }
  }
};

XmlStream::XmlStream(std::string part, XmlHandler* handler, int64_t max_depth)
    : part_(std::move(part)), handler_(handler), max_depth_(max_depth) {
  // Namespaces are resolved here rather than by expat's namespace mode,
  // which builds a "uri local" string for every name (slower, and the URIs
  // would have to be compared again anyway).
  XML_Parser parser = XML_ParserCreate(nullptr);
  assert(parser != nullptr && "expat could not allocate a parser");
  parser_ = parser;
  InstallHandlers(/*first=*/true);
}

void XmlStream::InstallHandlers(bool first) {
  XML_Parser parser = AsParser(parser_);
  XML_SetUserData(parser, this);
  XML_SetElementHandler(parser, &Callbacks::Start, &Callbacks::End);
  XML_SetCharacterDataHandler(parser, &Callbacks::Text);
  XML_SetStartDoctypeDeclHandler(parser, &Callbacks::Doctype);
  XML_SetEntityDeclHandler(parser, &Callbacks::Entity);
  XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER);
  if (first) XML_SetXmlDeclHandler(parser, &Callbacks::XmlDecl);
}

XmlStream::~XmlStream() { XML_ParserFree(AsParser(parser_)); }

Status XmlStream::StartTag(const char* name, const char** atts) {
  bool declared = false;
  for (size_t i = 0; atts[i] != nullptr; i += 2) {
    if (const auto prefix = DeclaredPrefix(atts[i])) {
      bindings_.push_back(Binding{std::string(*prefix),
                                  ClassifyXmlNamespace(atts[i + 1]), depth_});
      declared = true;
    }
  }
  if (declared) {
    if (bindings_.size() > kMaxBindings) {
      return InvalidArgument(handler_->Where() + ": " + part_ + ": more than " +
                             std::to_string(kMaxBindings) +
                             " namespace declarations in scope");
    }
    default_ns_ = Lookup(std::string_view());
  }
  XmlName element;
  if (!Resolve(name, /*is_attribute=*/false, &element)) {
    return UnboundPrefix(name);
  }
  attrs_.clear();
  for (size_t i = 0; atts[i] != nullptr; i += 2) {
    if (declared && DeclaredPrefix(atts[i])) continue;
    XmlName attr;
    if (!Resolve(atts[i], /*is_attribute=*/true, &attr)) {
      return UnboundPrefix(atts[i]);
    }
    attrs_.push_back(XmlAttr{attr.ns, attr.local, atts[i + 1]});
  }
  return handler_->StartElement(element, XmlAttrs(attrs_));
}

Status XmlStream::TooDeep() const {
  return ResourceExhausted(handler_->Where() + ": " + part_ +
                           ": elements nested more than max_xml_depth (" +
                           std::to_string(max_depth_) + ") deep");
}

Status XmlStream::EndTag(std::string_view name) {
  XmlName element;
  if (!Resolve(name, /*is_attribute=*/false, &element)) {
    return UnboundPrefix(name);
  }
  if (!bindings_.empty() && bindings_.back().depth == depth_) {
    while (!bindings_.empty() && bindings_.back().depth == depth_) {
      bindings_.pop_back();
    }
    default_ns_ = Lookup(std::string_view());
  }
  --depth_;
  return handler_->EndElement(element);
}

// Splits "p:local" and looks the prefix up in the bindings in scope; false
// for an undeclared prefix. An unprefixed element is in the default
// namespace, an unprefixed attribute in none.
bool XmlStream::Resolve(std::string_view raw, bool is_attribute,
                        XmlName* out) const {
  // A loop, not find(): names are a few bytes and this runs for each one.
  size_t colon = 0;
  while (colon < raw.size() && raw[colon] != ':') ++colon;
  if (colon == raw.size()) {
    out->local = raw;
    out->ns = is_attribute ? XmlNs::kNone : default_ns_;
    return true;
  }
  const std::string_view prefix = raw.substr(0, colon);
  out->local = raw.substr(colon + 1);
  out->ns = prefix == "xml" ? XmlNs::kXml : Lookup(prefix);
  return out->ns != XmlNs::kUnbound;
}

Status XmlStream::UnboundPrefix(std::string_view text) const {
  return InvalidArgument(handler_->Where() + ": " + part_ +
                         ": undeclared namespace prefix in \"" +
                         std::string(text.substr(0, 40)) + "\"");
}

XmlNs XmlStream::Lookup(std::string_view prefix) const {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
    if (it->prefix == prefix) return it->ns;
  }
  return prefix.empty() ? XmlNs::kNone : XmlNs::kUnbound;
}

void XmlStream::Stop(Status status) {
  status_ = std::move(status);
  XML_StopParser(AsParser(parser_), XML_FALSE);
}

Status XmlStream::ParserError() {
  XML_Parser parser = AsParser(parser_);
  const XML_Error code = XML_GetErrorCode(parser);
  const Position at =
      RealPosition(static_cast<int64_t>(XML_GetCurrentLineNumber(parser)),
                   static_cast<int64_t>(XML_GetCurrentColumnNumber(parser)));
  status_ = InvalidArgument(handler_->Where() + ": " + part_ +
                            ": malformed XML at line " +
                            std::to_string(at.line) + ", column " +
                            std::to_string(at.column + 1) + ": " +
                            XML_ErrorString(code));
  return status_;
}

Status XmlStream::Parse(const char* data, size_t size, bool is_final) {
  if (!status_.ok()) return status_;
  NoteHead(data, size);
  if (fast_) return FeedFast(std::string_view(data, size), is_final);
  constexpr size_t kMaxPiece = size_t{1} << 30;  // expat takes an int.
  do {
    const size_t piece = std::min(size, kMaxPiece);
    const bool last = is_final && piece == size;
    const XML_Status result = XML_Parse(AsParser(parser_), data,
                                        static_cast<int>(piece),
                                        last ? XML_TRUE : XML_FALSE);
    if (result == XML_STATUS_ERROR) {
      return status_.ok() ? ParserError() : status_;
    }
    if (!status_.ok()) return status_;
    data += piece;
    size -= piece;
    if (result == XML_STATUS_SUSPENDED) {  // MaybeEnterFastPath did it.
      std::string rest = std::move(resume_);
      rest.append(data, size);
      fast_ = true;
      return FeedFast(rest, is_final);
    }
  } while (size > 0);
  return Status::Ok();
}

Status XmlStream::Feed(std::string_view chunk) {
  if (chunk.empty()) return status_;
  return Parse(chunk.data(), chunk.size(), false);
}

Status XmlStream::Finish() { return Parse("", 0, true); }

Status ParseXmlPart(ZipArchive* zip, const ZipArchive::Entry& entry,
                    XmlHandler* handler, const Limits& limits) {
  XmlStream stream(entry.name, handler, limits.max_xml_depth);
  OKR_RETURN_IF_ERROR(zip->Read(
      entry, [&stream](std::string_view chunk) { return stream.Feed(chunk); }));
  return stream.Finish();
}

}  // namespace okr
