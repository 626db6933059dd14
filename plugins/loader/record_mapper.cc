// Copyright 2026 The okrd Authors.

#include "plugins/loader/record_mapper.h"

#include <cmath>
#include <cstdlib>
#include <map>

#include "core/base/civil_time.h"
#include "plugins/loader/guard.h"

namespace okr {
namespace {

using Fields = std::map<std::string, std::string>;

// Takes a field out of `f` (so what is left over is unknown).
std::string Take(Fields* f, const std::string& key) {
  auto it = f->find(key);
  if (it == f->end()) return "";
  std::string value = std::move(it->second);
  f->erase(it);
  return value;
}

}  // namespace

RecordMapper::RecordMapper(std::string location, size_t max_records)
    : location_(std::move(location)), max_records_(max_records) {}

okr_record_sink RecordMapper::Sink() { return {this, &OnRecord}; }
okr_diag_sink RecordMapper::DiagSink() { return {this, &OnDiag}; }

void RecordMapper::Report(DiagnosticSeverity severity, int64_t line,
                          std::string message) {
  out_.diagnostics.push_back(
      {severity, location_, line, 0, std::move(message)});
}

ImportOutcome RecordMapper::Finish() && { return std::move(out_); }

int32_t RecordMapper::OnRecord(void* ctx, okr_str kind, const okr_kv* fields,
                               size_t n, int64_t line) {
  auto* self = static_cast<RecordMapper*>(ctx);
  if (++self->records_ > self->max_records_) {
    self->Report(DiagnosticSeverity::kError, line,
                 "more than " + std::to_string(self->max_records_) +
                     " records; the rest was not read");
    return 1;
  }
  if (fields == nullptr && n > 0) {
    self->Report(DiagnosticSeverity::kError, line, "record with NULL fields");
    return 1;
  }
  try {
    self->Map(FromOkrStr(kind), fields, n, line);
  } catch (const std::bad_alloc&) {
    return 1;  // Never let an exception into the plugin.
  }
  return 0;
}

void RecordMapper::OnDiag(void* ctx, int32_t severity, okr_str location,
                          int64_t line, int64_t column, okr_str message) {
  auto* self = static_cast<RecordMapper*>(ctx);
  const DiagnosticSeverity s = severity >= OKR_SEV_ERROR     ? DiagnosticSeverity::kError
                     : severity == OKR_SEV_WARNING ? DiagnosticSeverity::kWarning
                                                   : DiagnosticSeverity::kInfo;
  std::string where = FromOkrStr(location);
  self->out_.diagnostics.push_back({s, where.empty() ? self->location_ : where,
                                    line, column, FromOkrStr(message)});
}

namespace {

bool ParseNumber(const std::string& text, double* out) {
  if (text.empty()) return false;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

}  // namespace

void RecordMapper::Map(const std::string& kind, const okr_kv* fields, size_t n,
                       int64_t line) {
  Fields f;
  for (size_t i = 0; i < n; ++i) {
    f[FromOkrStr(fields[i].key)] = FromOkrStr(fields[i].value);
  }
  Organisation& org = out_.org;
  auto number = [&](const std::string& key, double* out) {
    const std::string text = Take(&f, key);
    if (!text.empty() && !ParseNumber(text, out)) {
      Report(DiagnosticSeverity::kError, line,
             kind + " field " + key + ": \"" + text + "\" is not a number");
    }
  };
  if (kind == "unit") {
    Unit u{.key = Take(&f, "key"),
           .name = Take(&f, "name"),
           .parent_key = Take(&f, "parent")};
    if (auto level = ParseLevel(Take(&f, "level"))) u.level = *level;
    org.units.push_back(std::move(u));
  } else if (kind == "cycle") {
    Cycle c{.name = Take(&f, "name")};
    for (auto [key, date] : {std::pair{"start", &c.start}, {"end", &c.end}}) {
      Result<Date> d = ParseIsoDate(Take(&f, key));
      if (!d.ok()) {
        Report(DiagnosticSeverity::kError, line,
               "cycle " + std::string(key) + ": " + d.status().message());
      } else {
        *date = *d;
      }
    }
    org.cycles.push_back(std::move(c));
  } else if (kind == "objective") {
    Objective o{.key = Take(&f, "key"),
                .title = Take(&f, "title"),
                .description = Take(&f, "description"),
                .unit_key = Take(&f, "unit"),
                .owner_email = Take(&f, "owner"),
                .cycle = Take(&f, "cycle")};
    if (auto level = ParseLevel(Take(&f, "level"))) o.level = *level;
    org.objectives.push_back(std::move(o));
  } else if (kind == "kr") {
    KeyResult k{.key = Take(&f, "key"),
                .objective_key = Take(&f, "objective"),
                .title = Take(&f, "title"),
                .owner_email = Take(&f, "owner")};
    const std::string kr_kind = Take(&f, "kind");
    if (auto parsed = ParseKrKind(kr_kind)) {
      k.kind = *parsed;
    } else if (!kr_kind.empty()) {
      Report(DiagnosticSeverity::kError, line, "kr kind \"" + kr_kind + "\" is unknown");
    }
    number("start", &k.start);
    number("target", &k.target);
    // Without a kind, a target below the start means going down.
    if (kr_kind.empty() && k.target < k.start) k.kind = KrKind::kDecrease;
    k.current = k.start;
    number("current", &k.current);
    number("weight", &k.weight);
    k.unit = Take(&f, "unit");
    if (const std::string due = Take(&f, "due"); !due.empty()) {
      if (Result<Date> d = ParseIsoDate(due); d.ok()) k.due = *d;
    }
    org.key_results.push_back(std::move(k));
  } else {
    Report(DiagnosticSeverity::kWarning, line,
           "record kind \"" + kind + "\" is unknown; ignored");
    return;
  }
  for (const auto& [key, value] : f) {
    Report(DiagnosticSeverity::kWarning, line,
           kind + " field \"" + key + "\" is unknown; ignored");
  }
}

}  // namespace okr
