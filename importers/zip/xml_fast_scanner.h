// Copyright 2026 The okrd Authors.
//
// XmlFastScanner: a tokenizer for a strict, common subset of XML element
// content, used by XmlStream in place of expat for the bulk of a part (a
// worksheet's <sheetData>), where expat's generality costs more than the
// rest of the read put together. It never decides that input is malformed:
// at the first byte it does not fully understand it stops and says so
// ("hand off"), and XmlStream gives that byte and everything after it to
// expat, which then accepts it or reports the error exactly as it would
// have. So the subset only has to be right, not complete.
//
// The subset, in element content (no prolog, no epilog):
//   - start, end and empty-element tags whose names and attribute names are
//     ASCII [A-Za-z_:][A-Za-z0-9_.:-]*; whitespace inside tags is space,
//     tab or LF; attribute values quoted with " or ', of printable ASCII
//     or valid UTF-8, without '<', '&', tab, CR or LF (which expat would
//     normalise); no duplicate attribute; at most kMaxAttrs attributes; a
//     tag of at most kMaxTagBytes;
//   - text of valid UTF-8 (RFC 3629, without U+FFFE and U+FFFF), tab and
//     LF, with the five predefined entity references and numeric character
//     references to XML characters; no "]]>", no CR, no other control
//     character.
// Anything else (comments, CDATA, processing instructions, other entity
// references, a name outside the subset, ...) is handed off. Which end
// tags are accepted is up to the caller (Events::End), as is depth.
//
// Threads: thread-compatible.

#ifndef OKR_IMPORTERS_ZIP_XML_FAST_SCANNER_H_
#define OKR_IMPORTERS_ZIP_XML_FAST_SCANNER_H_

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "core/base/status.h"

namespace okr {

class XmlFastScanner {
 public:
  static constexpr size_t kMaxAttrs = 64;
  static constexpr size_t kMaxTagBytes = size_t{64} << 10;

  struct Attr {
    std::string_view name;   // Raw, possibly prefixed.
    std::string_view value;  // As written (the subset needs no decoding).
  };

  // Receives the tokens. Views are valid during the call only. Setting
  // *hand_off (and returning OK) refuses the token: it is not consumed and
  // must have had no effect.
  class Events {
   public:
    virtual ~Events();
    virtual Status Start(std::string_view name, std::span<const Attr> attrs,
                         bool* hand_off) = 0;
    virtual Status End(std::string_view name, bool* hand_off) = 0;
    virtual Status Text(std::string_view text) = 0;
  };

  struct Outcome {
    size_t consumed = 0;    // Bytes fully processed from the front of `in`.
    bool hand_off = false;  // true: in[consumed] starts a token outside the
                            // subset. false: in[consumed..] is an
                            // incomplete token; call again with more bytes.
  };

  // Tokenizes `in` from its start, which must be a token boundary.
  // Returns the first non-OK Status from `events` unchanged.
  Status Scan(std::string_view in, Events* events, Outcome* outcome);

 private:
  enum class Step { kDone, kNeedMore, kHandOff };
  Step ScanTag(std::string_view in, size_t* pos, Events* events,
               Status* status);
  Step ScanStartTag(std::string_view in, size_t* pos, Events* events,
                    Status* status);
  Step ScanEndTag(std::string_view in, size_t* pos, Events* events,
                  Status* status);
  Step ScanText(std::string_view in, size_t* pos, Events* events,
                Status* status);

  std::vector<Attr> attrs_;  // Reused for every start tag.
};

// Length of the valid UTF-8 sequence (as XmlFastScanner accepts it) at the
// front of `in`, whose first byte is >= 0x80: 2..4; 0 when invalid; -1 when
// `in` ends before the sequence does. Exposed for tests.
int FastScanUtf8Length(std::string_view in);

}  // namespace okr

#endif  // OKR_IMPORTERS_ZIP_XML_FAST_SCANNER_H_
