// Copyright 2026 The okrd Authors.

#include "core/registry/registry.h"

namespace okr {

std::string Event::Attr(const std::string& key) const {
  for (const auto& [k, v] : attrs) {
    if (k == key) return v;
  }
  return "";
}

std::string ImportDiagnostic::ToString() const {
  std::string out = location;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  if (!out.empty()) out += ": ";
  switch (severity) {
    case DiagnosticSeverity::kInfo:
      out += "note: ";
      break;
    case DiagnosticSeverity::kWarning:
      out += "warning: ";
      break;
    case DiagnosticSeverity::kError:
      out += "error: ";
      break;
  }
  return out + message;
}

Result<HttpResponse> Output::Serve(const HttpRequest&,
                                   const OutputServeContext&) const {
  return FailedPrecondition("output " + path() + " does not serve requests");
}

std::string Origin::ToString() const { return built_in() ? "built-in" : path; }

bool ImportOutcome::HasErrors() const {
  for (const ImportDiagnostic& d : diagnostics) {
    if (d.severity == DiagnosticSeverity::kError) return true;
  }
  return false;
}

void Registry::AddImporter(std::shared_ptr<Importer> importer, Origin origin) {
  importers_.push_back({std::move(importer), std::move(origin)});
}

void Registry::AddOutput(std::shared_ptr<Output> output, Origin origin) {
  outputs_.push_back({std::move(output), std::move(origin)});
}

void Registry::AddNotifier(std::shared_ptr<Notifier> notifier, Origin origin) {
  notifiers_.push_back({std::move(notifier), std::move(origin)});
}

const Registry::Entry<Importer>* Registry::FindImporter(
    std::string_view format, std::string_view name,
    std::string_view head) const {
  const Entry<Importer>* best = nullptr;
  int best_score = 0;
  for (const Entry<Importer>& e : importers_) {
    if (!format.empty()) {
      if (e.item->format() == format) return &e;
      continue;
    }
    const int score = e.item->Probe(name, head);
    if (score > best_score) {
      best = &e;
      best_score = score;
    }
  }
  return best;
}

}  // namespace okr
