// Copyright 2026 The okrd Authors.

#include "plugins/loader/check.h"

#include <vector>

#include "core/registry/event.h"
#include "plugins/loader/adapters.h"
#include "plugins/loader/guard.h"

namespace okr {
namespace {

class Report {
 public:
  explicit Report(std::FILE* out) : out_(out) {}
  void Step(const std::string& what) { Line("step", what); }
  void Ok(const std::string& what) { Line("ok", what); }
  void Note(const std::string& what) { Line("note", what); }
  void Problem(const std::string& what) {
    ++problems_;
    Line("problem", what);
  }
  int problems() const { return problems_; }

 private:
  void Line(const char* tag, const std::string& what) {
    std::fprintf(out_, "%-8s %s\n", tag, what.c_str());
    std::fflush(out_);
  }
  std::FILE* out_;
  int problems_ = 0;
};

void SelfTest(const PluginLibrary& lib, Report* r) {
  const okr_plugin* e = lib.entry;
  if (!StructHolds(e->struct_size, OKR_FIELD_END(okr_plugin, self_test)) ||
      e->self_test == nullptr) {
    r->Note("no self-test");
    return;
  }
  struct Diags {
    Report* r;
    static void On(void* ctx, int32_t severity, okr_str, int64_t, int64_t,
                   okr_str message) {
      auto* self = static_cast<Diags*>(ctx);
      const std::string m = "self-test: " + FromOkrStr(message);
      severity >= OKR_SEV_ERROR ? self->r->Problem(m) : self->r->Note(m);
    }
  } diags{r};
  const okr_diag_sink sink{&diags, &Diags::On};
  r->Step("self-test");
  Result<int32_t> code =
      Guarded("self_test", [&] { return e->self_test(HostServices(), &sink); });
  Status s = code.ok() ? CodeStatus("self_test", *code) : code.status();
  s.ok() ? r->Ok("self-test passed") : r->Problem(s.message());
}

void CheckImporter(std::shared_ptr<const PluginLibrary> lib, Report* r) {
  r->Step(std::string("look up ") + OKR_IFACE_IMPORTER_1);
  Result<std::shared_ptr<Importer>> importer = MakeImporter(lib);
  if (!importer.ok()) return r->Problem(importer.status().message());
  if (!*importer)
    return r->Note(std::string(OKR_IFACE_IMPORTER_1) + ": absent");
  std::string exts;
  for (const std::string& e : (*importer)->extensions()) exts += " " + e;
  r->Ok(std::string(OKR_IFACE_IMPORTER_1) + ": format " +
        (*importer)->format() + ", extensions" + exts);
  const auto* v = static_cast<const okr_importer_v1*>(
      *LookUpInterface(*lib, OKR_IFACE_IMPORTER_1, 0));
  const std::string sample(reinterpret_cast<const char*>(v->sample.ptr),
                           v->sample.ptr ? v->sample.len : 0);
  if (sample.empty()) return r->Note("importer has no sample input");
  r->Step("import the plugin's sample");
  const std::string name = "sample" + ((*importer)->extensions().empty()
                                           ? std::string()
                                           : (*importer)->extensions()[0]);
  if ((*importer)->Probe(name, sample) == 0) {
    r->Problem("probe gives 0 for the plugin's own sample");
  }
  Result<ImportOutcome> outcome = (*importer)->Import(
      {.name = name, .bytes = sample, .default_cycle = "check"});
  if (!outcome.ok()) return r->Problem(outcome.status().message());
  for (const ImportDiagnostic& d : outcome->diagnostics) r->Note(d.ToString());
  if (outcome->HasErrors()) return r->Problem("the sample has errors");
  r->Ok("sample: " + std::to_string(outcome->org.objectives.size()) +
        " objective(s), " + std::to_string(outcome->org.key_results.size()) +
        " key result(s)");
}

void CheckOutput(std::shared_ptr<const PluginLibrary> lib,
                 const Organisation& org, Report* r) {
  r->Step(std::string("look up ") + OKR_IFACE_FEED_1);
  Result<std::shared_ptr<Output>> output = MakeOutput(lib);
  if (!output.ok()) return r->Problem(output.status().message());
  if (!*output) return r->Note(std::string(OKR_IFACE_FEED_1) + ": absent");
  r->Ok(std::string(OKR_IFACE_FEED_1) + ": " + (*output)->path() + " (" +
        (*output)->content_type() + ")");
  if ((*output)->serves_requests()) {
    const std::string path =
        (*output)->path() + ((*output)->is_prefix() ? "sample" : "");
    r->Step("serve GET " + path + " from the example organisation");
    HttpRequest get{.method = "GET", .path = path};
    if ((*output)->is_prefix()) get.path_remainder = "sample";
    Result<HttpResponse> answer = (*output)->Serve(
        get, {.load = [&org] { return Result<Organisation>(org); },
              .facts = {{"okrd_version", "check"}}});
    if (!answer.ok()) return r->Problem(answer.status().message());
    return r->Ok("answered " + std::to_string(answer->status) + " with " +
                 std::to_string(answer->body.size()) + " bytes");
  }
  r->Step("render the example organisation");
  Result<std::string> text =
      (*output)->Render(org, 0, {{"okrd_version", "check"}});
  if (!text.ok()) return r->Problem(text.status().message());
  r->Ok("rendered " + std::to_string(text->size()) + " bytes");
}

// One sample event of each kind, about the first key result of `org`.
std::vector<Event> SampleEvents(const Organisation& org) {
  KeyResult kr;
  kr.key = "KR-1";
  kr.title = "sample key result";
  if (!org.key_results.empty()) kr = org.key_results.front();
  const std::string cycle = org.cycles.empty() ? "sample" : org.cycles[0].name;
  const UnixSeconds now = 0;
  const KeyValues about = {{"kr", kr.key},
                           {"kr_title", kr.title},
                           {"objective", kr.objective_key},
                           {"cycle", cycle}};
  auto with = [&](KeyValues extra) {
    KeyValues all = about;
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
  };
  return {
      {kEventCheckInSubmitted, now,
       with({{"check_in_id", "1"}, {"target_kind", "kr"},
             {"target", kr.key}, {"author", "check@example.org"},
             {"source", "check"}, {"value", "1"}, {"confidence", "0.7"}}),
       "okrd plugin check: sample check-in on \"" + kr.title + "\""},
      {kEventKrAtRisk, now, with({{"reason", "confidence 30% is below 70%"}}),
       "okrd plugin check: sample \"" + kr.title + "\" is at risk"},
      {kEventCheckInOverdue, now, with({{"days", "15"}}),
       "okrd plugin check: sample \"" + kr.title + "\" has had no check-in"},
      {kEventPhaseStarted, now,
       {{"cycle", cycle}, {"phase", "execution"},
        {"start", "2026-01-01"}, {"end", "2026-03-31"}},
       "okrd plugin check: sample cycle " + cycle + ": execution started"}};
}

void CheckNotifier(std::shared_ptr<const PluginLibrary> lib,
                   const Organisation& org, const KeyValues& config,
                   Report* r) {
  r->Step(std::string("look up ") + OKR_IFACE_NOTIFIER_1 +
          " and create it from the configuration");
  Result<std::shared_ptr<Notifier>> notifier = MakeNotifier(lib, config);
  if (!notifier.ok()) {
    // Unconfigured is a legitimate refusal; anything else is a problem.
    if (notifier.status().code() == StatusCode::kInvalidArgument) {
      return r->Note("notifier refuses this configuration, so no sample "
                     "events were sent: " + notifier.status().message());
    }
    return r->Problem(notifier.status().message());
  }
  if (!*notifier)
    return r->Note(std::string(OKR_IFACE_NOTIFIER_1) + ": absent");
  r->Ok(std::string(OKR_IFACE_NOTIFIER_1) + ": created");
  int failed = 0;
  for (const Event& e : SampleEvents(org)) {
    r->Step("notify a sample " + e.type + " event");
    Status s = (*notifier)->Notify(e);
    s.ok() ? r->Ok("notified " + e.type) : (++failed, r->Problem(s.message()));
  }
  if (failed > 0) return;
  r->Step("wait for the sample events to be delivered (flush, 30 s)");
  Status delivered = (*notifier)->Flush(30000);
  delivered.ok() ? r->Ok("the sample events were delivered")
                 : r->Problem("the sample events were not all delivered: " +
                              delivered.message());
  r->Step("destroy the notifier");
  notifier->reset();
  r->Ok("destroyed");
}

}  // namespace

int CheckPlugin(const std::string& path, const Organisation& sample_org,
                const KeyValues& notifier_config, std::FILE* out) {
  Report r(out);
  r.Step("load " + path);
  Result<std::shared_ptr<const PluginLibrary>> lib = LoadPluginLibrary(path);
  if (!lib.ok()) {
    r.Problem(lib.status().message());
    return r.problems();
  }
  const Origin& o = (*lib)->origin;
  r.Ok("loaded " + o.plugin_id + " \"" + o.name + "\" " + o.version + " (ABI " +
       std::to_string((*lib)->entry->abi_major) + "." +
       std::to_string((*lib)->entry->abi_minor) + ")");
  for (const std::string& n : (*lib)->notes) r.Note(n);
  CheckImporter(*lib, &r);
  CheckOutput(*lib, sample_org, &r);
  CheckNotifier(*lib, sample_org, notifier_config, &r);
  SelfTest(**lib, &r);
  return r.problems();
}

}  // namespace okr
