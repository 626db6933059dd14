// Copyright 2026 The okrd Authors.
//
// The extension points of okrd and the one registry that holds them:
//   Importer  bytes of a file -> an organisation description, with
//             diagnostics that say where;
//   Output    a document served at a URL path (e.g. /metrics), rendered
//             from a read-only organisation snapshot and the time;
//   Notifier  receives events (event.h) on the event worker thread.
// Built-in implementations and loaded plugins (plugins/loader) register
// alike; each entry remembers its Origin. core/ defines these interfaces
// and never includes a wing.
//
// Threads: build the registry on one thread, then share it read-only.
// Importer::Import and Output::Render are thread-safe; a Notifier gets one
// Notify call at a time. Implementations never throw.

#ifndef OKR_CORE_REGISTRY_REGISTRY_H_
#define OKR_CORE_REGISTRY_REGISTRY_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/civil_time.h"
#include "core/base/result.h"
#include "core/model/organisation.h"
#include "core/registry/event.h"
#include "core/server/router.h"

namespace okr {

enum class DiagnosticSeverity { kInfo, kWarning, kError };

// "plan.mm:12:5: error: ..." (parts left out when unknown).
struct ImportDiagnostic {
  DiagnosticSeverity severity = DiagnosticSeverity::kError;
  std::string location;  // A file name, element path, ...
  int64_t line = 0;      // 1-based; 0 = unknown.
  int64_t column = 0;    // 1-based; 0 = unknown.
  std::string message;
  std::string ToString() const;
};

// Where an entry came from: built in, or a plugin file.
struct Origin {
  std::string plugin_id;  // "org.okrd.mindmap"
  std::string name;
  std::string version;
  std::string path;  // "" = built into okrd.
  bool built_in() const { return path.empty(); }
  std::string ToString() const;  // "built-in" or the path.
};

struct ImportRequest {
  std::string name;  // For locations and extension checks: "plan.mm".
  std::string_view bytes;
  std::string default_cycle;  // For items that name no cycle.
  Date today;
};

struct ImportOutcome {
  Organisation org;
  std::vector<ImportDiagnostic> diagnostics;
  bool HasErrors() const;
};

class Importer {
 public:
  virtual ~Importer() = default;
  virtual std::string format() const = 0;  // "mindmap", "xlsx"
  virtual std::vector<std::string> extensions() const = 0;
  // 0..100: confidence that `head` (first bytes of `name`) is this format.
  virtual int Probe(std::string_view name, std::string_view head) const = 0;
  // A non-OK Status: the importer failed as a whole (crashed, refused, bad
  // return code); problems in the input are diagnostics.
  virtual Result<ImportOutcome> Import(const ImportRequest& request) const = 0;
};

// What a request-aware output (Output::Serve) gets besides the request.
struct OutputServeContext {
  // Loads the organisation; called at most once, only when asked for.
  std::function<Result<Organisation>()> load;
  UnixSeconds now = 0;
  std::vector<std::pair<std::string, std::string>> facts;
  // The host handler a built-in output wraps (the /api/v1/ pages, the
  // iCalendar feeds), reached through okr_host::host_data; nullptr for
  // loaded plugins.
  const HttpHandler* backend = nullptr;
};

class Output {
 public:
  virtual ~Output() = default;
  virtual std::string path() const = 0;  // "/metrics", or "/feeds/" (prefix)
  virtual std::string content_type() const = 0;
  virtual bool is_prefix() const { return false; }     // Serves path/...
  virtual bool secret_path() const { return false; }   // Logs hide the rest.
  // Host facts such as okrd_version and store_revision are passed along.
  virtual Result<std::string> Render(
      const Organisation& org, UnixSeconds now,
      const std::vector<std::pair<std::string, std::string>>& facts) const = 0;
  // Request-aware outputs answer a request themselves (status, headers,
  // body) instead of Render; a non-OK Status means the output failed.
  virtual bool serves_requests() const { return false; }
  virtual Result<HttpResponse> Serve(const HttpRequest& request,
                                     const OutputServeContext& context) const;
};

class Notifier {
 public:
  virtual ~Notifier() = default;
  virtual Status Notify(const Event& event) = 0;
  // Waits up to timeout_ms until what was notified is delivered; an error
  // when something was given up or is still under way. Default: OK.
  virtual Status Flush(int64_t /*timeout_ms*/) { return Status::Ok(); }
};

class Registry {
 public:
  template <typename T>
  struct Entry {
    std::shared_ptr<T> item;
    Origin origin;
  };

  void AddImporter(std::shared_ptr<Importer> importer, Origin origin);
  void AddOutput(std::shared_ptr<Output> output, Origin origin);
  void AddNotifier(std::shared_ptr<Notifier> notifier, Origin origin);
  // Plugins that loaded but offer nothing still show in `plugins list`.
  void AddPlugin(Origin origin) { plugins_.push_back(std::move(origin)); }
  // Problems met while loading (a refused plugin), for `plugins list`.
  void AddProblem(std::string problem) {
    problems_.push_back(std::move(problem));
  }
  // Loaded but partly idle (a notifier without configuration).
  void AddNote(std::string note) { notes_.push_back(std::move(note)); }

  const std::vector<Entry<Importer>>& importers() const { return importers_; }
  const std::vector<Entry<Output>>& outputs() const { return outputs_; }
  const std::vector<Entry<Notifier>>& notifiers() const { return notifiers_; }
  const std::vector<Origin>& plugins() const { return plugins_; }
  const std::vector<std::string>& problems() const { return problems_; }
  const std::vector<std::string>& notes() const { return notes_; }

  // The importer for a file: by format name when given, else the highest
  // Probe() score (> 0). nullptr when none fits.
  const Entry<Importer>* FindImporter(std::string_view format,
                                      std::string_view name,
                                      std::string_view head) const;

 private:
  std::vector<Entry<Importer>> importers_;
  std::vector<Entry<Output>> outputs_;
  std::vector<Entry<Notifier>> notifiers_;
  std::vector<Origin> plugins_;
  std::vector<std::string> problems_;
  std::vector<std::string> notes_;
};

}  // namespace okr

#endif  // OKR_CORE_REGISTRY_REGISTRY_H_
