// Copyright 2026 The okrd Authors.
//
// ReadOds: reads an OpenDocument spreadsheet (.ods, also .ots) and streams
// every sheet to a RowSink, in document order. content.xml is parsed as it
// is inflated (expat, no DOM); repeated rows and cells are never expanded
// into padding (see ods_content_parser.h for how cells are read).
//
// What the sink sees, per table:table: BeginSheet({name, state, index})
// with state "visible" or "hidden" (from the table's style); the non-empty
// rows; then, if options.details is set, OnSheetDetails (merged ranges and
// formulas without a cached value; the type is always kWorksheet); then
// EndSheet.
//
// Errors (after which no further sink call is made):
//   - InvalidArgument "<file>: file is password-protected ..." when
//     META-INF/manifest.xml has encryption data (or an entry is encrypted);
//   - InvalidArgument for anything that is not a well-formed spreadsheet:
//     not a zip, a mimetype other than an OpenDocument spreadsheet (or
//     template), no content.xml, malformed XML or values, any DOCTYPE;
//   - ResourceExhausted naming the Limits field, as for ReadXlsx (no
//     max_shared_strings here);
//   - a non-OK Status from the sinks, unchanged.
//
// Cost: time linear in the inflated XML plus the cells passed to the sink
// (which the limits bound); memory is the input, libzip's and expat's
// buffers and one row of cells. No recursion.
//
// Threads: thread-safe (no shared state); the sinks are called on the
// calling thread.

#ifndef OKR_IMPORTERS_ODS_ODS_READER_H_
#define OKR_IMPORTERS_ODS_ODS_READER_H_

#include <string>
#include <string_view>

#include "core/base/limits.h"
#include "core/base/status.h"
#include "importers/table.h"
#include "importers/zip/sheet_details.h"

namespace okr {

struct OdsOptions {
  std::string file_name;                // For messages.
  SheetDetailsSink* details = nullptr;  // Optional; not owned.
};

// Reads `bytes` (the whole file) and streams it to `sink` (not null, not
// owned). See the file comment.
Status ReadOds(std::string_view bytes, const OdsOptions& options,
               const Limits& limits, RowSink* sink);

}  // namespace okr

#endif  // OKR_IMPORTERS_ODS_ODS_READER_H_
