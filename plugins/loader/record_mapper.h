// Copyright 2026 The okrd Authors.
//
// RecordMapper: the host side of okr_record_sink. Turns the kind + fields
// records an importer plugin pushes (okr_plugin.h lists them) into an
// Organisation, with a diagnostic naming the record's line for every field
// it cannot use. Stops the plugin (non-zero from the sink) past the record
// limit. Thread-compatible: one mapper per Import call.

#ifndef OKR_PLUGINS_LOADER_RECORD_MAPPER_H_
#define OKR_PLUGINS_LOADER_RECORD_MAPPER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "core/registry/registry.h"
#include "okr_plugin.h"

namespace okr {

class RecordMapper {
 public:
  RecordMapper(std::string location, size_t max_records);

  okr_record_sink Sink();
  okr_diag_sink DiagSink();

  // Adds a diagnostic of the host's own (e.g. the plugin's return code).
  void Report(DiagnosticSeverity severity, int64_t line, std::string message);
  ImportOutcome Finish() &&;

 private:
  static int32_t OnRecord(void* ctx, okr_str kind, const okr_kv* fields,
                          size_t n, int64_t line);
  static void OnDiag(void* ctx, int32_t severity, okr_str location,
                     int64_t line, int64_t column, okr_str message);
  void Map(const std::string& kind, const okr_kv* fields, size_t n,
           int64_t line);

  std::string location_;
  size_t max_records_;
  size_t records_ = 0;
  ImportOutcome out_;
};

}  // namespace okr

#endif  // OKR_PLUGINS_LOADER_RECORD_MAPPER_H_
