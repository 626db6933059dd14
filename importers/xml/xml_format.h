// Copyright 2026 The okrd Authors.
//
// okrd's own XML format for a whole organisation: units, people, cycles,
// objectives with their key results, and check-ins. The schema is
// importers/xml/okrd.xsd (namespace "urn:okrd:organisation:1"). Writing is
// deterministic: the same organisation gives the same bytes, so
// export -> import -> export is byte-identical.
//
// Text is UTF-8. XML 1.0 cannot carry most C0 control characters; the
// writer replaces them with U+FFFD and counts them (the only lossy case).
// CR, LF and TAB survive, also in attributes, as character references.
//
// Reading takes untrusted bytes: any DOCTYPE is refused (no entities), and
// size and depth are bounded by Limits. Errors name the file and line:
// "okrs.xml:33: key result \"kr-1\": target \"abc\" is not a number".
// All functions are thread-safe.

#ifndef OKR_IMPORTERS_XML_XML_FORMAT_H_
#define OKR_IMPORTERS_XML_XML_FORMAT_H_

#include <string>
#include <string_view>

#include "core/base/limits.h"
#include "core/base/result.h"
#include "core/model/organisation.h"

namespace okr {

inline constexpr char kOkrdXmlNamespace[] = "urn:okrd:organisation:1";

struct XmlWriteResult {
  std::string xml;
  int replaced_characters = 0;  // Control characters XML cannot carry.
};

// Writes `org`; when `cycle` is not empty, only that cycle's objectives and
// their check-ins (units, people and cycles are always written whole).
XmlWriteResult WriteOrganisationXml(const Organisation& org,
                                    const std::string& cycle);

// Parses a document written by WriteOrganisationXml (or by hand after the
// schema). InvalidArgument listing every problem found (up to 50), each with
// its line; ResourceExhausted for a limit (max_input_bytes, max_xml_depth,
// deadline_ms: "okrs.xml: reading took longer than deadline_ms (N)", asked
// before and after parsing and every 1024 objectives).
Result<Organisation> ReadOrganisationXml(std::string_view bytes,
                                         const std::string& file_name,
                                         const Limits& limits);

// True when `bytes` looks like an okrd XML document (for format detection).
bool LooksLikeOrganisationXml(std::string_view bytes);

}  // namespace okr

#endif  // OKR_IMPORTERS_XML_XML_FORMAT_H_
