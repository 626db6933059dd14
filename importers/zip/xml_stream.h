// Copyright 2026 The okrd Authors.
//
// XmlStream: a hardened, namespace-aware streaming (SAX) parser over expat
// for the XML parts of XLSX and ODS packages. Bytes are fed in chunks of any
// size (a chunk may end inside a tag or a UTF-8 sequence); the handler sees
// start tags, end tags and text as they are parsed. Nothing is kept beyond
// expat's own buffer for the token in progress.
//
// Names arrive split into a known namespace (XmlNs) and a local name, so
// "x:c", "c" with a default namespace, and Strict OOXML's "c" all read as
// {kSpreadsheetMl, "c"}. Unprefixed attributes have XmlNs::kNone.
//
// Namespace declarations (xmlns, xmlns:p) are resolved here and are not
// passed on as attributes; an undeclared prefix, or more than 1024
// declarations in scope at once, is an error (InvalidArgument).
//
// Hardening, each an error from Feed/Finish:
//   - any DOCTYPE (no OOXML or ODF part has one; this also shuts out entity
//     expansion and external entities) -> InvalidArgument;
//   - element nesting deeper than `max_depth` -> ResourceExhausted;
//   - malformed XML, including invalid UTF-8 and NUL characters (literal or
//     as &#0;), which expat rejects -> InvalidArgument with line and column.
// Messages read "<handler.Where()>: <part>: <what>", so a sheet parser can
// name the cell it was in.
//
// The handler's own non-OK Status stops the parse and is returned unchanged.
// After the first error every later Feed/Finish returns that error again.
//
// Threads: thread-compatible; the handler is called on the feeding thread.

#ifndef OKR_IMPORTERS_ZIP_XML_STREAM_H_
#define OKR_IMPORTERS_ZIP_XML_STREAM_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/limits.h"
#include "core/base/status.h"
#include "importers/zip/zip_archive.h"

namespace okr {

enum class XmlNs : uint8_t {
  kNone,           // No namespace.
  kOther,          // A namespace none of our readers uses.
  kXml,            // xml:space and friends.
  kSpreadsheetMl,  // SpreadsheetML main, transitional or Strict.
  kOfficeRels,     // officeDocument relationships (r:id), both flavours.
  kPackageRels,    // OPC package relationships (.rels parts).
  kOdfOffice,
  kOdfTable,
  kOdfText,
  kOdfStyle,
  kOdfDraw,
  kOdfManifest,
  kOdfCalcExt,  // LibreOffice's calcext (value-type="error").
  kUnbound,     // Internal: a prefix with no declaration.
};

struct XmlName {
  XmlNs ns = XmlNs::kNone;
  std::string_view local;
  bool Is(XmlNs want_ns, std::string_view want_local) const {
    return ns == want_ns && local == want_local;
  }
};

struct XmlAttr {
  XmlNs ns = XmlNs::kNone;
  std::string_view local;
  std::string_view value;
};

// The attributes of one start tag; views valid during the handler call.
class XmlAttrs {
 public:
  explicit XmlAttrs(std::span<const XmlAttr> attrs) : attrs_(attrs) {}
  // The value of the first attribute with this name, or null.
  const std::string_view* Find(XmlNs ns, std::string_view local) const;
  std::string_view Get(XmlNs ns, std::string_view local) const {
    const std::string_view* value = Find(ns, local);
    return value != nullptr ? *value : std::string_view();
  }
  std::span<const XmlAttr> all() const { return attrs_; }

 private:
  std::span<const XmlAttr> attrs_;
};

class XmlHandler {
 public:
  virtual ~XmlHandler();
  virtual Status StartElement(const XmlName& name, const XmlAttrs& attrs) = 0;
  virtual Status EndElement(const XmlName& name) = 0;
  // Character data, possibly split into several calls; CDATA included.
  virtual Status Text(std::string_view text) = 0;
  // Where the parse is, for error messages ("plan.xlsx:Sheet1!B7").
  virtual std::string Where() const = 0;
};

class XmlStream {
 public:
  // `handler` is not owned and must outlive the stream. `part` names the
  // XML part in messages ("xl/worksheets/sheet1.xml").
  XmlStream(std::string part, XmlHandler* handler, int64_t max_depth);
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;
  ~XmlStream();

  Status Feed(std::string_view chunk);
  // Ends the document; reports truncated XML.
  Status Finish();

 private:
  struct Callbacks;
  // A namespace declaration in scope: `prefix` ("" for the default
  // namespace) names `ns` from the element at `depth` down.
  struct Binding {
    std::string prefix;
    XmlNs ns;
    int64_t depth;
  };

  Status Parse(const char* data, size_t size, bool is_final);
  Status ParserError();
  void Stop(Status status);
  Status StartTag(const char* name, const char** atts);
  Status EndTag(const char* name);
  bool Resolve(const char* raw, bool is_attribute, XmlName* out) const;
  Status UnboundPrefix(const char* name) const;
  XmlNs Lookup(std::string_view prefix) const;

  void* parser_ = nullptr;  // XML_Parser, owned.
  std::string part_;
  XmlHandler* handler_;
  int64_t max_depth_;
  int64_t depth_ = 0;
  Status status_;                    // First error.
  std::vector<XmlAttr> attrs_;       // Reused for every start tag.
  std::vector<Binding> bindings_;    // Innermost last.
  XmlNs default_ns_ = XmlNs::kNone;  // Lookup("") of bindings_, cached.
};

// Streams the zip entry `entry` through `handler` (see XmlStream).
Status ParseXmlPart(ZipArchive* zip, const ZipArchive::Entry& entry,
                    XmlHandler* handler, const Limits& limits);

// Classifies a namespace URI.
XmlNs ClassifyXmlNamespace(std::string_view uri);

}  // namespace okr

#endif  // OKR_IMPORTERS_ZIP_XML_STREAM_H_
