// Copyright 2026 The okrd Authors.

#include "plugins/loader/adapters.h"

#include <cctype>
#include <memory>
#include <optional>

#include "core/base/limits.h"
#include "core/base/log.h"
#include "plugins/loader/guard.h"
#include "plugins/loader/model_view.h"
#include "plugins/loader/record_mapper.h"

namespace okr {
namespace {

std::string What(const PluginLibrary& lib, std::string_view call) {
  return (lib.origin.built_in() ? lib.origin.plugin_id : lib.origin.path) +
         ": " + std::string(call);
}

std::vector<okr_kv> ToKvs(const KeyValues& values) {
  std::vector<okr_kv> kvs;
  for (const auto& [k, v] : values) kvs.push_back({ToOkrStr(k), ToOkrStr(v)});
  return kvs;
}

class PluginImporter : public Importer {
 public:
  PluginImporter(std::shared_ptr<const PluginLibrary> lib,
                 const okr_importer_v1* v)
      : lib_(std::move(lib)), v_(v) {
    format_ = FromCString(v->format, 64);
    for (const char* const* e = v->extensions;
         e != nullptr && *e != nullptr && extensions_.size() < 32; ++e) {
      extensions_.push_back(FromCString(*e, 32));
    }
  }

  std::string format() const override { return format_; }
  std::vector<std::string> extensions() const override { return extensions_; }

  int Probe(std::string_view name, std::string_view head) const override {
    okr_bytes bytes{reinterpret_cast<const uint8_t*>(head.data()), head.size()};
    Result<int32_t> score = Guarded(
        What(*lib_, "probe"), [&] { return v_->probe(ToOkrStr(name), bytes); });
    if (!score.ok()) {
      LogWarn(score.status().message());
      return 0;
    }
    return *score < 0 ? 0 : *score > 100 ? 100 : *score;
  }

  Result<ImportOutcome> Import(const ImportRequest& request) const override {
    RecordMapper mapper(request.name, Limits().max_rows);
    const okr_record_sink sink = mapper.Sink();
    const okr_diag_sink diag = mapper.DiagSink();
    KeyValues options = {{"cycle", request.default_cycle},
                         {"today", request.today.ToString()}};
    const std::vector<okr_kv> kvs = ToKvs(options);
    okr_bytes input{reinterpret_cast<const uint8_t*>(request.bytes.data()),
                    request.bytes.size()};
    Result<int32_t> code = Guarded(What(*lib_, "import"), [&] {
      return v_->import(HostServices(), ToOkrStr(request.name), input,
                        kvs.data(), kvs.size(), &sink, &diag);
    });
    if (!code.ok()) return code.status();
    Status s = CodeStatus(What(*lib_, "import"), *code);
    if (!s.ok() && CodeName(*code).empty()) return s;  // Garbage.
    if (!s.ok()) mapper.Report(DiagnosticSeverity::kError, 0, s.message());
    return std::move(mapper).Finish();
  }

 private:
  std::shared_ptr<const PluginLibrary> lib_;
  const okr_importer_v1* v_;
  std::string format_;
  std::vector<std::string> extensions_;
};

// Collects what a feed writes, up to the page size limit.
struct StringWriter {
  std::string text;
  size_t max = 0;
  static int32_t Write(void* ctx, const char* buf, size_t len) {
    auto* self = static_cast<StringWriter*>(ctx);
    if (buf == nullptr || self->text.size() + len > self->max) return 1;
    self->text.append(buf, len);
    return 0;
  }
};

struct DiagCollector {
  std::vector<std::string> lines;
  static void Report(void* ctx, int32_t /*severity*/, okr_str location,
                     int64_t line, int64_t /*column*/, okr_str message) {
    auto* self = static_cast<DiagCollector*>(ctx);
    if (self->lines.size() < 100) {
      std::string where = FromOkrStr(location);
      if (line > 0) where += ":" + std::to_string(line);
      self->lines.push_back((where.empty() ? "" : where + ": ") +
                            FromOkrStr(message));
    }
  }
  okr_diag_sink Sink() { return {this, &Report}; }
  // `s` with the reported lines appended ("...: bad configuration: a; b").
  Status Explain(const Status& s) const {
    if (s.ok() || lines.empty()) return s;
    std::string all;
    for (const std::string& l : lines) all += (all.empty() ? "" : "; ") + l;
    return Status(s.code(), s.message() + ": " + all);
  }
};

// The okr_request and okr_response of one Output::Serve call.
class ServeCall {
 public:
  ServeCall(const HttpRequest& http, const OutputServeContext& context,
            std::string content_type)
      : http_(http), context_(context) {
    response_.content_type = std::move(content_type);
    writer_.max = 64u << 20;
  }

  okr_request Request() {
    return {sizeof(okr_request), this,
            ToOkrStr(http_.method), ToOkrStr(http_.path),
            ToOkrStr(http_.path_remainder), ToOkrStr(http_.query),
            &Header, &Model};
  }
  okr_response Response() {
    return {this, &SetStatus, &AddHeader, {&writer_, &StringWriter::Write}};
  }
  HttpResponse Finish() && {
    response_.body = std::move(writer_.text);
    return std::move(response_);
  }

 private:
  static int32_t Header(void* ctx, okr_str name, okr_str* value) {
    auto* self = static_cast<ServeCall*>(ctx);
    std::optional<std::string_view> v = self->http_.header(FromOkrStr(name));
    if (!v || value == nullptr) return 1;
    *value = {v->data(), v->size()};
    return 0;
  }
  static const okr_model_view* Model(void* ctx) {
    auto* self = static_cast<ServeCall*>(ctx);
    if (!self->model_ && self->context_.load && !self->load_failed_) {
      Result<Organisation> org = self->context_.load();
      self->load_failed_ = !org.ok();
      if (org.ok()) {
        self->model_ = std::make_unique<ModelView>(*org, self->context_.now,
                                                   self->context_.facts);
      }
    }
    return self->model_ ? self->model_->view() : nullptr;
  }
  static void SetStatus(void* ctx, int32_t code) {
    auto* self = static_cast<ServeCall*>(ctx);
    if (code >= 100 && code <= 599) self->response_.status = code;
  }
  static void AddHeader(void* ctx, okr_str name, okr_str value) {
    auto* self = static_cast<ServeCall*>(ctx);
    std::string n = FromOkrStr(name), v = FromOkrStr(value);
    if (n.find_first_of("\r\n:") != std::string::npos ||
        v.find_first_of("\r\n") != std::string::npos) {
      return;  // Never lets a plugin split the response.
    }
    if (EqualsIgnoreCase(n, "Content-Type")) {
      self->response_.content_type = std::move(v);
    } else {
      self->response_.headers.Add(std::move(n), std::move(v));
    }
  }
  static bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(a[i])) !=
          std::tolower(static_cast<unsigned char>(b[i]))) {
        return false;
      }
    }
    return true;
  }

  const HttpRequest& http_;
  const OutputServeContext& context_;
  std::unique_ptr<ModelView> model_;
  bool load_failed_ = false;
  StringWriter writer_;
  HttpResponse response_;
};

class PluginOutput : public Output {
 public:
  PluginOutput(std::shared_ptr<const PluginLibrary> lib, const okr_feed_v1* v)
      : lib_(std::move(lib)),
        v_(v),
        path_(FromCString(v->path, 256)),
        content_type_(FromCString(v->content_type, 256)) {
    if (StructHolds(v->struct_size, OKR_FIELD_END(okr_feed_v1, serve))) {
      flags_ = v->flags;
      serve_ = v->serve;
    }
    serve_what_ = What(*lib_, "serve");  // Once, not per request.
  }

  std::string path() const override { return path_; }
  std::string content_type() const override { return content_type_; }
  bool is_prefix() const override { return (flags_ & OKR_FEED_PREFIX) != 0; }
  bool secret_path() const override {
    return (flags_ & OKR_FEED_SECRET_PATH) != 0;
  }
  bool serves_requests() const override { return serve_ != nullptr; }

  Result<HttpResponse> Serve(const HttpRequest& request,
                             const OutputServeContext& context) const override {
    if (serve_ == nullptr) return Output::Serve(request, context);
    ServeCall call(request, context, content_type_);
    const okr_request req = call.Request();
    const okr_response resp = call.Response();
    // host_data carries the wrapped host handler to a built-in output only.
    const okr_host host = {sizeof(okr_host), OKR_ABI_MAJOR, OKR_ABI_MINOR,
                           const_cast<HttpHandler*>(context.backend),
                           HostServices()->log};
    DiagCollector diags;
    const okr_diag_sink diag = diags.Sink();
    Result<int32_t> code = Guarded(serve_what_, [&] {
      return serve_(&host, &req, &resp, &diag);
    });
    if (!code.ok()) return code.status();
    Status s = diags.Explain(CodeStatus(serve_what_, *code));
    if (!s.ok()) return s;
    return std::move(call).Finish();
  }

  Result<std::string> Render(const Organisation& org, UnixSeconds now,
                             const KeyValues& facts) const override {
    if (v_->render == nullptr) {
      return FailedPrecondition(What(*lib_, "render") + ": none (serve only)");
    }
    ModelView model(org, now, facts);
    StringWriter writer{.max = 64u << 20};
    const okr_writer out{&writer, &StringWriter::Write};
    DiagCollector diags;
    const okr_diag_sink diag = diags.Sink();
    Result<int32_t> code = Guarded(What(*lib_, "render"), [&] {
      return v_->render(HostServices(), model.view(), &out, &diag);
    });
    if (!code.ok()) return code.status();
    Status s = diags.Explain(CodeStatus(What(*lib_, "render"), *code));
    if (!s.ok()) return s;
    return std::move(writer.text);
  }

 private:
  std::shared_ptr<const PluginLibrary> lib_;
  const okr_feed_v1* v_;
  std::string path_;
  std::string content_type_;
  uint32_t flags_ = 0;
  decltype(okr_feed_v1::serve) serve_ = nullptr;
  std::string serve_what_;  // "<plugin>: serve", for errors.
};

class PluginNotifier : public Notifier {
 public:
  PluginNotifier(std::shared_ptr<const PluginLibrary> lib,
                 const okr_notifier_v1* v, void* instance)
      : lib_(std::move(lib)), v_(v), instance_(instance) {}
  ~PluginNotifier() override {
    Result<int> done = Guarded(What(*lib_, "destroy"), [&] {
      v_->destroy(instance_);
      return 0;
    });
    if (!done.ok()) LogError(done.status().message());
  }

  Status Notify(const Event& event) override {
    const std::vector<okr_kv> attrs = ToKvs(event.attrs);
    const okr_event ev{sizeof(okr_event), ToOkrStr(event.type),
                       event.time,        attrs.data(),
                       attrs.size(),      ToOkrStr(event.summary)};
    Result<int32_t> code = Guarded(What(*lib_, "notify"),
                                   [&] { return v_->notify(instance_, &ev); });
    if (!code.ok()) return code.status();
    return CodeStatus(What(*lib_, "notify"), *code);
  }

  Status Flush(int64_t timeout_ms) override {
    if (!StructHolds(v_->struct_size, OKR_FIELD_END(okr_notifier_v1, flush)) ||
        v_->flush == nullptr) {
      return Status::Ok();  // Nothing to wait for that okrd could see.
    }
    Result<int32_t> code = Guarded(
        What(*lib_, "flush"), [&] { return v_->flush(instance_, timeout_ms); });
    if (!code.ok()) return code.status();
    return CodeStatus(What(*lib_, "flush"), *code);
  }

 private:
  std::shared_ptr<const PluginLibrary> lib_;
  const okr_notifier_v1* v_;
  void* instance_;
};

}  // namespace

Result<const void*> LookUpInterface(const PluginLibrary& lib,
                                    const char* iface_id, size_t min_size) {
  OKR_ASSIGN_OR_RETURN(
      const void* v,
      Guarded(What(lib, "get_interface(\"" + std::string(iface_id) + "\")"),
              [&] { return lib.entry->get_interface(iface_id); }));
  if (v == nullptr) return v;
  const uint32_t size = *static_cast<const uint32_t*>(v);
  if (!StructHolds(size, min_size)) {
    return FailedPrecondition(
        What(lib, iface_id) + ": struct_size " + std::to_string(size) +
        " does not hold the " + std::to_string(min_size) +
        " bytes this interface needs (short or garbage struct); refused");
  }
  return v;
}

Result<std::shared_ptr<Importer>> MakeImporter(
    std::shared_ptr<const PluginLibrary> lib) {
  OKR_ASSIGN_OR_RETURN(const void* raw,
                       LookUpInterface(*lib, OKR_IFACE_IMPORTER_1,
                                       OKR_FIELD_END(okr_importer_v1, import)));
  if (raw == nullptr) return std::shared_ptr<Importer>();
  const auto* v = static_cast<const okr_importer_v1*>(raw);
  if (v->probe == nullptr || v->import == nullptr || v->format == nullptr) {
    return FailedPrecondition(What(*lib, OKR_IFACE_IMPORTER_1) +
                              ": format, probe or import is NULL");
  }
  return std::shared_ptr<Importer>(
      std::make_shared<PluginImporter>(std::move(lib), v));
}

Result<std::shared_ptr<Output>> MakeOutput(
    std::shared_ptr<const PluginLibrary> lib) {
  OKR_ASSIGN_OR_RETURN(const void* raw,
                       LookUpInterface(*lib, OKR_IFACE_FEED_1,
                                       OKR_FIELD_END(okr_feed_v1, render)));
  if (raw == nullptr) return std::shared_ptr<Output>();
  const auto* v = static_cast<const okr_feed_v1*>(raw);
  const std::string path = FromCString(v->path, 256);
  const bool v11 = StructHolds(v->struct_size, OKR_FIELD_END(okr_feed_v1, serve));
  const bool serves = v11 && v->serve != nullptr;
  if ((v->render == nullptr && !serves) || v->content_type == nullptr ||
      !path.starts_with('/')) {
    return FailedPrecondition(What(*lib, OKR_IFACE_FEED_1) +
                              ": needs render (or serve), content_type and "
                              "a path starting with '/'");
  }
  if (v11 && (v->flags & OKR_FEED_PREFIX) != 0 &&
      (!serves || !path.ends_with('/'))) {
    return FailedPrecondition(What(*lib, OKR_IFACE_FEED_1) +
                              ": a prefix output needs serve and a path "
                              "ending in '/'");
  }
  return std::shared_ptr<Output>(
      std::make_shared<PluginOutput>(std::move(lib), v));
}

Result<std::shared_ptr<Notifier>> MakeNotifier(
    std::shared_ptr<const PluginLibrary> lib, const KeyValues& config) {
  OKR_ASSIGN_OR_RETURN(
      const void* raw,
      LookUpInterface(*lib, OKR_IFACE_NOTIFIER_1,
                      OKR_FIELD_END(okr_notifier_v1, destroy)));
  if (raw == nullptr) return std::shared_ptr<Notifier>();
  const auto* v = static_cast<const okr_notifier_v1*>(raw);
  if (v->create == nullptr || v->notify == nullptr || v->destroy == nullptr) {
    return FailedPrecondition(What(*lib, OKR_IFACE_NOTIFIER_1) +
                              ": create, notify or destroy is NULL");
  }
  const std::vector<okr_kv> kvs = ToKvs(config);
  DiagCollector diags;
  const okr_diag_sink diag = diags.Sink();
  void* instance = nullptr;
  OKR_ASSIGN_OR_RETURN(int32_t code, Guarded(What(*lib, "create"), [&] {
                         return v->create(HostServices(), kvs.data(),
                                          kvs.size(), &instance, &diag);
                       }));
  Status s = diags.Explain(CodeStatus(What(*lib, "create"), code));
  if (!s.ok()) return s;
  return std::shared_ptr<Notifier>(
      std::make_shared<PluginNotifier>(std::move(lib), v, instance));
}

Status RegisterPlugin(std::shared_ptr<const PluginLibrary> lib,
                      const KeyValues& notifier_config, Registry* registry) {
  registry->AddPlugin(lib->origin);
  OKR_ASSIGN_OR_RETURN(auto importer, MakeImporter(lib));
  if (importer) registry->AddImporter(importer, lib->origin);
  OKR_ASSIGN_OR_RETURN(auto output, MakeOutput(lib));
  if (output) registry->AddOutput(output, lib->origin);
  Result<std::shared_ptr<Notifier>> notifier =
      MakeNotifier(lib, notifier_config);
  if (!notifier.ok() &&
      notifier.status().code() == StatusCode::kInvalidArgument) {
    // Refused its configuration (e.g. [webhook] urls empty): the plugin
    // stays loaded, its notifier idle; said, not fatal.
    const std::string note =
        notifier.status().message() + " (the notifier is not started)";
    LogWarn(note);
    registry->AddNote(note);
    return Status::Ok();
  }
  if (!notifier.ok()) return notifier.status();
  if (*notifier) registry->AddNotifier(*notifier, lib->origin);
  return Status::Ok();
}

void LoadAndRegister(const std::string& path, const KeyValues& notifier_config,
                     Registry* registry) {
  Result<std::shared_ptr<const PluginLibrary>> lib = LoadPluginLibrary(path);
  Status s =
      lib.ok() ? RegisterPlugin(*lib, notifier_config, registry) : lib.status();
  if (lib.ok()) {
    for (const std::string& n : (*lib)->notes) LogInfo(path + ": " + n);
  }
  if (!s.ok()) {
    LogError("plugin refused: " + s.message());
    registry->AddProblem(s.message());
  }
}

}  // namespace okr
