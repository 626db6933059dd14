// Copyright 2026 The okrd Authors.
//
// The built-ins as okr_plugin entries linked into okrd. Importers: each
// format (XLSX, ODS, CSV, XML) is one entry with an okr.importer/1 vtable
// that runs the importers/ reader and pushes the result as records, so the
// registry reaches them through the same adapters as a loaded plugin.
// Records carry units, cycles, objectives and key results; people and
// check-in history are not in the record vocabulary, which is why
// `okrd import` hands a file whose chosen importer is built-in to
// ImportFile directly (cli/commands/import.cc). Outputs: the JSON progress
// document at /api/v1/progress, rendered from the model view; the feeds
// and the rest of the JSON API (builtin_outputs.h).

#include "cli/builtin_plugins.h"

#include "cli/builtin_outputs.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/base/log.h"
#include "core/web/json.h"
#include "importers/import_file.h"
#include "importers/xml/xml_format.h"
#include "okr_plugin.h"
#include "plugins/loader/adapters.h"
#include "plugins/loader/guard.h"

namespace okr {
namespace {

constexpr FileFormat kFormats[] = {FileFormat::kXlsx, FileFormat::kOds,
                                   FileFormat::kCsv, FileFormat::kXml};

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// Pushes one record of text fields; false when the sink says stop.
bool Push(const okr_record_sink* out, const char* kind,
          const std::vector<std::pair<std::string, std::string>>& fields) {
  std::vector<okr_kv> kvs;
  for (const auto& [k, v] : fields) kvs.push_back({ToOkrStr(k), ToOkrStr(v)});
  return out->record(out->ctx, {kind, std::strlen(kind)}, kvs.data(),
                     kvs.size(), 0) == 0;
}

bool PushOrganisation(const Organisation& org, const okr_record_sink* out) {
  for (const Unit& u : org.units) {
    if (!Push(out, "unit",
              {{"key", u.key},
               {"name", u.name},
               {"parent", u.parent_key},
               {"level", std::string(LevelName(u.level))}})) {
      return false;
    }
  }
  for (const Cycle& c : org.cycles) {
    if (!Push(out, "cycle",
              {{"name", c.name},
               {"start", c.start.ToString()},
               {"end", c.end.ToString()}})) {
      return false;
    }
  }
  for (const Objective& o : org.objectives) {
    if (!Push(out, "objective",
              {{"key", o.key},
               {"title", o.title},
               {"unit", o.unit_key},
               {"owner", o.owner_email},
               {"cycle", o.cycle},
               {"level", std::string(LevelName(o.level))},
               {"description", o.description}})) {
      return false;
    }
  }
  for (const KeyResult& k : org.key_results) {
    std::vector<std::pair<std::string, std::string>> f = {
        {"key", k.key},
        {"objective", k.objective_key},
        {"title", k.title},
        {"owner", k.owner_email},
        {"kind", std::string(KrKindName(k.kind))},
        {"start", Fmt(k.start)},
        {"target", Fmt(k.target)},
        {"current", Fmt(k.current)},
        {"unit", k.unit},
        {"weight", Fmt(k.weight)}};
    if (k.due) f.push_back({"due", k.due->ToString()});
    if (!Push(out, "kr", f)) return false;
  }
  return true;
}

// "plan.xlsx:OKRs!D7: error: text" -> location, severity, text.
void ReportLine(const okr_diag_sink* diag, const std::string& line,
                bool error) {
  const std::string marker = error ? ": error: " : ": warning: ";
  const size_t at = line.find(marker);
  const std::string where = at == std::string::npos ? "" : line.substr(0, at);
  const std::string text =
      at == std::string::npos ? line : line.substr(at + marker.size());
  diag->report(diag->ctx, error ? OKR_SEV_ERROR : OKR_SEV_WARNING,
               ToOkrStr(where), 0, 0, ToOkrStr(text));
}

template <int kIndex>
struct Builtin {
  static constexpr FileFormat kFormat = kFormats[kIndex];

  static int32_t Probe(okr_str name, okr_bytes head) {
    const std::string n = FromOkrStr(name);
    const std::string ext = "." + std::string(FileFormatName(kFormat));
    if (n.size() > ext.size() && n.ends_with(ext)) return 90;
    Result<FileFormat> f = DetectFileFormat(
        std::string_view(reinterpret_cast<const char*>(head.ptr), head.len), n);
    return f.ok() && *f == kFormat ? 60 : 0;
  }

  static Result<FileImport> Read(const std::string& file, std::string bytes,
                                 const FileImportOptions& options) {
    if (kFormat != FileFormat::kXml) {
      return ImportSpreadsheet({{file, std::move(bytes)}}, kFormat, options,
                               Limits());
    }
    OKR_ASSIGN_OR_RETURN(Organisation org,
                         ReadOrganisationXml(bytes, file, Limits()));
    return FileImport{.format = kFormat, .org = std::move(org)};
  }

  static int32_t Import(const okr_host*, okr_str name, okr_bytes input,
                        const okr_kv* options, size_t n_options,
                        const okr_record_sink* out, const okr_diag_sink* diag) {
    try {
      const std::string file = FromOkrStr(name);
      std::string bytes(reinterpret_cast<const char*>(input.ptr), input.len);
      FileImportOptions o;
      for (size_t i = 0; i < n_options; ++i) {
        if (FromOkrStr(options[i].key) == "cycle")
          o.default_cycle = FromOkrStr(options[i].value);
        if (FromOkrStr(options[i].key) == "today") {
          if (auto d = ParseIsoDate(FromOkrStr(options[i].value)); d.ok())
            o.today = *d;
        }
      }
      Result<FileImport> r = Read(file, std::move(bytes), o);
      if (!r.ok()) {
        diag->report(diag->ctx, OKR_SEV_ERROR, ToOkrStr(file), 0, 0,
                     ToOkrStr(r.status().message()));
        return OKR_E_INVALID_INPUT;
      }
      for (const std::string& w : r->warnings) ReportLine(diag, w, false);
      for (const std::string& e : r->errors) ReportLine(diag, e, true);
      if (!PushOrganisation(r->org, out)) return OKR_E_LIMIT;
      return r->errors.empty() ? OKR_OK : OKR_E_INVALID_INPUT;
    } catch (...) {
      return OKR_E_INTERNAL;
    }
  }

  static const void* GetInterface(const char* id) {
    static const std::string ext = "." + std::string(FileFormatName(kFormat));
    static const char* const extensions[] = {ext.c_str(), nullptr};
    static const std::string format(FileFormatName(kFormat));
    static const okr_importer_v1 importer = {sizeof(okr_importer_v1),
                                             format.c_str(),
                                             extensions,
                                             Probe,
                                             Import,
                                             {nullptr, 0}};
    return std::strcmp(id, OKR_IFACE_IMPORTER_1) == 0 ? &importer : nullptr;
  }

  static const okr_plugin* Entry() {
    static const std::string id =
        "org.okrd.builtin." + std::string(FileFormatName(kFormat));
    static const std::string name =
        "built-in " + std::string(FileFormatName(kFormat)) + " importer";
    static const okr_plugin plugin = {
        OKR_ABI_MAJOR, OKR_ABI_MINOR, sizeof(okr_plugin), id.c_str(),
        name.c_str(),  OKR_VERSION,   GetInterface,       nullptr};
    return &plugin;
  }
};

// The built-in JSON output: progress and confidence of every objective and
// key result at /api/v1/progress, rendered from the okr.feed/1 model view
// with core/web's JsonWriter (non-finite numbers become null).
struct ProgressFeed {
  static int32_t Render(const okr_host*, const okr_model_view* m,
                        const okr_writer* out, const okr_diag_sink*) {
    try {
      web::JsonWriter w;
      w.BeginObject().Key("objectives").BeginArray();
      for (size_t i = 0; i < m->objective_count(m->ctx); ++i) {
        okr_objective_view o{.struct_size = sizeof(okr_objective_view)};
        if (m->objective_at(m->ctx, i, &o) != OKR_OK) return OKR_E_INTERNAL;
        w.BeginObject().Key("key").String(FromOkrStr(o.key));
        w.Key("cycle").String(FromOkrStr(o.cycle));
        w.Key("unit").String(FromOkrStr(o.unit_key));
        w.Key("progress").Number(o.progress);
        w.Key("confidence").Number(o.confidence).EndObject();
      }
      w.EndArray().Key("key_results").BeginArray();
      for (size_t i = 0; i < m->kr_count(m->ctx); ++i) {
        okr_kr_view k{.struct_size = sizeof(okr_kr_view)};
        if (m->kr_at(m->ctx, i, &k) != OKR_OK) return OKR_E_INTERNAL;
        w.BeginObject().Key("key").String(FromOkrStr(k.key));
        w.Key("objective").String(FromOkrStr(k.objective_key));
        w.Key("progress").Number(k.progress);
        w.Key("confidence").Number(k.confidence);
        w.Key("check_ins").Int(k.checkin_count).EndObject();
      }
      const std::string text = std::move(w.EndArray().EndObject()).Take();
      return out->write(out->ctx, text.data(), text.size()) == 0 ? OKR_OK
                                                                 : OKR_E_LIMIT;
    } catch (...) {
      return OKR_E_INTERNAL;
    }
  }

  static const void* GetInterface(const char* id) {
    static const okr_feed_v1 feed = {sizeof(okr_feed_v1), "/api/v1/progress",
                                     "application/json", Render, 0, nullptr};
    return std::strcmp(id, OKR_IFACE_FEED_1) == 0 ? &feed : nullptr;
  }

  static const okr_plugin* Entry() {
    static const okr_plugin plugin = {OKR_ABI_MAJOR,
                                      OKR_ABI_MINOR,
                                      sizeof(okr_plugin),
                                      "org.okrd.builtin.progress-json",
                                      "built-in JSON progress output",
                                      OKR_VERSION,
                                      GetInterface,
                                      nullptr};
    return &plugin;
  }
};

}  // namespace

void RegisterBuiltinPlugins(Registry* registry) {
  for (okr_plugin_entry_fn entry :
       {&Builtin<0>::Entry, &Builtin<1>::Entry, &Builtin<2>::Entry,
        &Builtin<3>::Entry, &ProgressFeed::Entry, &IcalFeedsEntry,
        &ApiJsonEntry}) {
    Result<std::shared_ptr<const PluginLibrary>> lib = FromStaticEntry(entry);
    Status s = lib.ok() ? RegisterPlugin(*lib, {}, registry) : lib.status();
    if (!s.ok()) {
      LogError("built-in plugin refused: " + s.message());  // A bug.
      registry->AddProblem(s.message());
    }
  }
}

}  // namespace okr
