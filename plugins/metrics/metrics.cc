// Copyright 2026 The okrd Authors.
//
// The metrics plugin (okrd_metrics.so): an okr.feed/1 output at /metrics in
// the Prometheus text exposition format 0.0.4 (which OpenMetrics scrapers
// also accept), so Grafana dashboards and alerts can show OKRs beside
// everything else:
//   okr_objective_progress_ratio / okr_objective_confidence_ratio
//       {cycle, unit, objective}
//   okr_kr_progress_ratio / okr_kr_confidence_ratio
//       {cycle, unit, objective, kr}
//   okr_kr_checkins_total, okr_kr_last_checkin_timestamp_seconds  (per KR)
//   okrd_build_info{version}, okrd_store_revision,
//   okrd_process_start_time_seconds, okrd_scrape_timestamp_seconds
// A confidence nobody gave and an objective with nothing to measure are
// left out (absent, not 0). Only okr_plugin_entry is exported.

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "okr_plugin.h"

namespace {

std::string Str(okr_str s) { return s.ptr ? std::string(s.ptr, s.len) : ""; }

// Label values escape backslash, double quote and newline.
std::string Escape(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string Number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

class Text {
 public:
  explicit Text(const okr_writer* out) : out_(out) {}
  void Family(const char* name, const char* type, const char* help) {
    Put(std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " +
        type + "\n");
  }
  void Sample(const char* name, const std::string& labels, double value) {
    if (std::isnan(value)) return;
    Put(name + (labels.empty() ? "" : "{" + labels + "}") + " " +
        Number(value) + "\n");
  }
  bool ok() const { return ok_; }

 private:
  void Put(const std::string& s) {
    if (ok_ && out_->write(out_->ctx, s.data(), s.size()) != 0) ok_ = false;
  }
  const okr_writer* out_;
  bool ok_ = true;
};

std::string Label(const char* name, const std::string& value) {
  return std::string(name) + "=\"" + Escape(value) + "\"";
}

std::string ObjectiveLabels(const okr_objective_view& o) {
  return Label("cycle", Str(o.cycle)) + "," + Label("unit", Str(o.unit_key)) +
         "," + Label("objective", Str(o.key));
}

std::string KrLabels(const okr_kr_view& k) {
  return Label("cycle", Str(k.cycle)) + "," + Label("unit", Str(k.unit_key)) +
         "," + Label("objective", Str(k.objective_key)) + "," +
         Label("kr", Str(k.key));
}

std::string Fact(const okr_model_view* m, const char* key) {
  for (size_t i = 0; i < m->n_facts; ++i) {
    if (Str(m->facts[i].key) == key) return Str(m->facts[i].value);
  }
  return "";
}

void RenderObjectives(const okr_model_view* m, Text* t) {
  const size_t n = m->objective_count(m->ctx);
  for (int pass = 0; pass < 2; ++pass) {
    t->Family(pass == 0 ? "okr_objective_progress_ratio"
                        : "okr_objective_confidence_ratio",
              "gauge",
              pass == 0 ? "Weighted progress of the objective's key results "
                          "(0..1)."
                        : "Latest confidence in the objective (0..1).");
    for (size_t i = 0; i < n; ++i) {
      okr_objective_view o;
      std::memset(&o, 0, sizeof o);
      o.struct_size = sizeof o;
      if (m->objective_at(m->ctx, i, &o) != OKR_OK) continue;
      t->Sample(pass == 0 ? "okr_objective_progress_ratio"
                          : "okr_objective_confidence_ratio",
                ObjectiveLabels(o), pass == 0 ? o.progress : o.confidence);
    }
  }
}

void RenderKeyResults(const okr_model_view* m, Text* t) {
  struct Family {
    const char* name;
    const char* type;
    const char* help;
  };
  static const Family kFamilies[] = {
      {"okr_kr_progress_ratio", "gauge", "Progress of the key result (0..1)."},
      {"okr_kr_confidence_ratio", "gauge",
       "Latest confidence in the key result (0..1)."},
      {"okr_kr_checkins_total", "counter",
       "Check-ins recorded for the key result."},
      {"okr_kr_last_checkin_timestamp_seconds", "gauge",
       "Time of the latest check-in (Unix seconds)."}};
  const size_t n = m->kr_count(m->ctx);
  for (int f = 0; f < 4; ++f) {
    t->Family(kFamilies[f].name, kFamilies[f].type, kFamilies[f].help);
    for (size_t i = 0; i < n; ++i) {
      okr_kr_view k;
      std::memset(&k, 0, sizeof k);
      k.struct_size = sizeof k;
      if (m->kr_at(m->ctx, i, &k) != OKR_OK) continue;
      const double values[] = {
          k.progress, k.confidence, static_cast<double>(k.checkin_count),
          k.last_checkin_time > 0 ? static_cast<double>(k.last_checkin_time)
                                  : NAN};
      t->Sample(kFamilies[f].name, KrLabels(k), values[f]);
    }
  }
}

double FactNumber(const okr_model_view* m, const char* key) {
  const std::string v = Fact(m, key);
  return v.empty() ? NAN : std::strtod(v.c_str(), nullptr);
}

void RenderServer(const okr_model_view* m, Text* t) {
  t->Family("okrd_build_info", "gauge", "okrd's version; always 1.");
  t->Sample("okrd_build_info", Label("version", Fact(m, "okrd_version")), 1);
  t->Family("okrd_store_revision", "gauge",
            "Revision of the database; changes with every write.");
  t->Sample("okrd_store_revision", "", FactNumber(m, "store_revision"));
  t->Family("okrd_process_start_time_seconds", "gauge",
            "When the okrd process started (Unix seconds).");
  t->Sample("okrd_process_start_time_seconds", "", FactNumber(m, "start_time"));
  t->Family("okrd_objectives", "gauge", "Objectives in the database.");
  t->Sample("okrd_objectives", "",
            static_cast<double>(m->objective_count(m->ctx)));
  t->Family("okrd_key_results", "gauge", "Key results in the database.");
  t->Sample("okrd_key_results", "", static_cast<double>(m->kr_count(m->ctx)));
}

int32_t Render(const okr_host* /*host*/, const okr_model_view* model,
               const okr_writer* out, const okr_diag_sink* /*diag*/) {
  try {
    Text t(out);
    RenderObjectives(model, &t);
    RenderKeyResults(model, &t);
    RenderServer(model, &t);
    return t.ok() ? OKR_OK : OKR_E_LIMIT;
  } catch (...) {
    return OKR_E_INTERNAL;
  }
}

const okr_feed_v1 kFeed = {sizeof(okr_feed_v1), "/metrics",
                           "text/plain; version=0.0.4; charset=utf-8", Render,
                           0, nullptr};

const void* GetInterface(const char* id) {
  return std::strcmp(id, OKR_IFACE_FEED_1) == 0 ? &kFeed : nullptr;
}

// The self-test renders a one-KR model and looks for its gauge line.
size_t OneCount(void*) { return 1; }
size_t NoneCount(void*) { return 0; }
int32_t NoObjective(void*, size_t, okr_objective_view*) { return OKR_E_LIMIT; }
int32_t OneKr(void*, size_t i, okr_kr_view* out) {
  if (i != 0 || out->struct_size < sizeof(okr_kr_view)) return OKR_E_LIMIT;
  *out = okr_kr_view{sizeof(okr_kr_view),
                     {"k\"1", 3},
                     {"T", 1},
                     {"o", 1},
                     {"Q1", 2},
                     {"u", 1},
                     {"%", 1},
                     0,
                     10,
                     5,
                     0.5,
                     NAN,
                     2,
                     7};
  return OKR_OK;
}
int32_t Append(void* ctx, const char* buf, size_t len) {
  static_cast<std::string*>(ctx)->append(buf, len);
  return 0;
}

int32_t SelfTest(const okr_host* /*host*/, const okr_diag_sink* diag) {
  try {
    std::string text;
    const okr_writer w{&text, Append};
    const okr_model_view m{sizeof(okr_model_view),
                           nullptr,
                           0,
                           NoneCount,
                           NoObjective,
                           OneCount,
                           OneKr,
                           nullptr,
                           0};
    if (Render(nullptr, &m, &w, diag) != OKR_OK) return OKR_E_INTERNAL;
    const char* want =
        "okr_kr_progress_ratio{cycle=\"Q1\",unit=\"u\",objective=\"o\","
        "kr=\"k\\\"1\"} 0.5\n";
    if (text.find(want) == std::string::npos) {
      const char msg[] = "the sample KR gauge is missing or malformed";
      diag->report(diag->ctx, OKR_SEV_ERROR, {"self-test", 9}, 0, 0,
                   {msg, sizeof msg - 1});
      return OKR_E_INTERNAL;
    }
    return OKR_OK;
  } catch (...) {
    return OKR_E_INTERNAL;
  }
}

const okr_plugin kPlugin = {OKR_ABI_MAJOR,
                            OKR_ABI_MINOR,
                            sizeof(okr_plugin),
                            "org.okrd.metrics",
                            "Prometheus/OpenMetrics text at /metrics",
                            "0.1.0",
                            GetInterface,
                            SelfTest};

}  // namespace

extern "C" OKR_EXPORT const okr_plugin* okr_plugin_entry(void) {
  return &kPlugin;
}
