// Copyright 2026 The okrd Authors.
//
// Limits: every bound okrd puts on untrusted input, in one place. Importers,
// the HTTP server and the upload path take a `const Limits&` and report a
// breach as ResourceExhausted naming the limit ("limit max_rows (1000000)
// exceeded at plan.xlsx:OKRs!A1000001"). Defaults are sized for a large
// organisation's real spreadsheets with a wide safety margin; the config file
// may override them. Plain data; thread-compatible.

#ifndef OKR_CORE_BASE_LIMITS_H_
#define OKR_CORE_BASE_LIMITS_H_

#include <cstdint>

namespace okr {

struct Limits {
  // Files and uploads.
  int64_t max_input_bytes = 64ll << 20;          // One file as given.
  int64_t max_inflated_bytes = 512ll << 20;      // All zip parts, inflated.
  int64_t max_part_inflated_bytes = 256ll << 20; // One zip part, inflated.
  int64_t max_inflate_ratio = 200;               // Inflated / compressed.
  int64_t max_zip_entries = 10000;
  // Tables.
  int64_t max_sheets = 256;
  int64_t max_rows = 1'000'000;       // Per sheet, counting only real rows.
  int64_t max_columns = 16'384;       // Excel's own maximum.
  int64_t max_cells = 20'000'000;     // Non-empty cells in a whole file.
  int64_t max_cell_bytes = 32'767;    // Excel's own maximum cell length.
  int64_t max_shared_strings = 5'000'000;
  int64_t max_xml_depth = 256;
  // Time.
  int64_t deadline_ms = 60'000;       // Wall clock for one import.
  // HTTP.
  int64_t max_request_body_bytes = 16ll << 20;  // Uploads.
  int64_t max_form_body_bytes = 64ll << 10;     // Forms and JSON writes.
  // Calendar feeds (output built from imported data): the cycles planned
  // (the one before today's, today's, and the following ones up to this
  // count), and the events one feed may hold (a manager with thousands of
  // reports); events beyond it are left out and a warning is logged.
  int64_t max_feed_cycles = 3;
  int64_t max_feed_events = 2000;
  // Check-ins.
  int64_t max_checkin_text_bytes = 4096;  // Each of the four answers.
  int64_t max_checkins_per_submit = 200;  // One weekly check-in form.
  double max_abs_checkin_value = 1e15;    // |value| of a key result.
};

}  // namespace okr

#endif  // OKR_CORE_BASE_LIMITS_H_
