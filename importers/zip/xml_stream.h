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
// Fast path: where the handler asks for it (WantsFastContent), element
// content is tokenized by XmlFastScanner instead of expat, which takes over
// again at the first construct outside the scanner's subset (see
// xml_fast_scanner.h) and at the end tag of the element where the fast path
// began. The handler sees the same calls either way, except that text may
// arrive split differently (and text right before malformed XML may or may
// not be passed, as with expat fed other chunks); errors read the same,
// with the same line, and the same column except after a non-ASCII element
// name or an entity reference earlier on that line, where it may be off by
// a few characters (expat counts bytes in names; found by the fuzz
// targets' comparison, tests/fuzz). Only for UTF-8 input.
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
#include "importers/zip/xml_fast_scanner.h"
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
  // Asked right after each StartElement: true lets the stream use its fast
  // path from there on (see the file comment). Default: false.
  virtual bool WantsFastContent() const;
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

  // Turns the fast path off (it is on by default); for tests that compare
  // the two. Call before the first Feed.
  void DisableFastPath() { fast_enabled_ = false; }
  // The same for every XmlStream constructed from now on, so whole readers
  // can be compared; tests only (not thread-safe with parses under way).
  static void SetFastPathForTesting(bool enabled);
  // How many times the fast path was entered, for tests.
  int fast_path_entries() const { return fast_entries_; }

 private:
  struct Callbacks;
  struct FastEvents;
  // A position as expat reports it: 1-based line, 0-based column counted
  // in characters.
  struct Position {
    int64_t line = 1;
    int64_t column = 0;
  };
  // A namespace declaration in scope: `prefix` ("" for the default
  // namespace) names `ns` from the element at `depth` down.
  struct Binding {
    std::string prefix;
    XmlNs ns;
    int64_t depth;
  };

  void InstallHandlers(bool first);
  Status Parse(const char* data, size_t size, bool is_final);
  Status ParserError();
  void Stop(Status status);
  Status TooDeep() const;
  Status StartTag(const char* name, const char** atts);
  Status EndTag(std::string_view name);
  bool Resolve(std::string_view raw, bool is_attribute, XmlName* out) const;
  Status UnboundPrefix(std::string_view name) const;
  XmlNs Lookup(std::string_view prefix) const;

  // Fast path (xml_stream_fast.cc).
  void NoteHead(const char* data, size_t size);
  bool FastInputOk() const;
  void MaybeEnterFastPath();
  Status FeedFast(std::string_view data, bool is_final);
  Status ScanFast(std::string_view in, bool* hand_off, size_t* consumed);
  Status HandOff(std::string_view rest, bool is_final);
  Status ResumeExpat();
  Status FastStart(std::string_view name,
                   std::span<const XmlFastScanner::Attr> attrs,
                   bool* hand_off);
  Status FastEnd(std::string_view name, bool* hand_off);
  // Where expat's (line, column) is in the whole part.
  Position RealPosition(int64_t line, int64_t column) const;

  void* parser_ = nullptr;  // XML_Parser, owned.
  std::string part_;
  XmlHandler* handler_;
  int64_t max_depth_;
  int64_t depth_ = 0;
  Status status_;                    // First error.
  std::vector<XmlAttr> attrs_;       // Reused for every start tag.
  std::vector<Binding> bindings_;    // Innermost last.
  XmlNs default_ns_ = XmlNs::kNone;  // Lookup("") of bindings_, cached.

  // Fast path state.
  static constexpr int64_t kMaxOpenNames = 32;
  std::string open_names_[kMaxOpenNames];  // Raw names, depth 1.. first.
  static bool FastPathDefault();
  bool fast_enabled_ = FastPathDefault();
  bool bad_encoding_ = false;  // A declared encoding other than UTF-8.
  char head_[3] = {};          // The part's first bytes.
  size_t head_size_ = 0;
  bool fast_ = false;          // The scanner has the input.
  bool replaying_ = false;     // Feeding expat the open tags again.
  int64_t replayed_ = 0;
  int fast_entries_ = 0;
  int64_t fast_base_depth_ = 0;  // depth_ where the fast path began.
  std::string resume_;           // Bytes expat held when it was suspended.
  std::string carry_;            // An incomplete token for the scanner.
  Position scan_position_;       // Of the scanner's next byte.
  Position expat_base_;          // Where the expat parser's input begins,
  int64_t expat_prefix_ = 0;     // after this many columns of replayed tags.
  XmlFastScanner scanner_;
};

// Streams the zip entry `entry` through `handler` (see XmlStream).
Status ParseXmlPart(ZipArchive* zip, const ZipArchive::Entry& entry,
                    XmlHandler* handler, const Limits& limits);

// Classifies a namespace URI.
XmlNs ClassifyXmlNamespace(std::string_view uri);

}  // namespace okr

#endif  // OKR_IMPORTERS_ZIP_XML_STREAM_H_
