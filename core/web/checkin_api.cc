// Copyright 2026 The okrd Authors.

#include "core/web/checkin_api.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/base/log.h"
#include "core/checkin/checkin.h"
#include "core/web/api.h"
#include "core/web/json.h"
#include "core/web/page_cache.h"
#include "core/web/request_body.h"
#include "core/web/text.h"

namespace okr::web {
namespace {

constexpr std::string_view kSuffix = "/check-ins";

HttpResponse JsonError(int status, std::string_view message,
                       std::string_view field) {
  JsonWriter w;
  w.BeginObject().Key("error").String(message).Key("field").String(field);
  w.EndObject();
  HttpResponse response = JsonResponse(status, std::move(w).Take());
  response.headers.Set("Cache-Control", "no-store");
  if (status == 401) response.headers.Set("WWW-Authenticate", "Bearer");
  if (status == 503) response.headers.Set("Retry-After", "1");
  return response;
}

// Reads one optional number member into *out.
Status TakeNumber(const JsonScalar& v, std::optional<double>* out) {
  if (v.type == JsonScalar::Type::kNull) return Status::Ok();
  if (v.type != JsonScalar::Type::kNumber) {
    return InvalidArgument("must be a number");
  }
  *out = v.number;
  return Status::Ok();
}

Status TakeText(const JsonScalar& v, std::string* out) {
  if (v.type == JsonScalar::Type::kNull) return Status::Ok();
  if (v.type != JsonScalar::Type::kString) {
    return InvalidArgument("must be a string");
  }
  *out = v.text;
  return Status::Ok();
}

// Fills *input from the members; on error sets *field.
Status ReadInput(const FlatJsonObject& members, CheckInInput* input,
                 std::string* field) {
  bool plans_seen = false;
  for (const auto& [name, value] : members) {
    *field = name;
    Status s;
    if (name == "value") {
      s = TakeNumber(value, &input->value);
    } else if (name == "confidence") {
      s = TakeNumber(value, &input->confidence);
    } else if (name == "status") {
      s = TakeText(value, &input->status);
    } else if (name == "learned") {
      s = TakeText(value, &input->learned);
    } else if (name == "plans" || name == "next_steps") {
      *field = "plans";
      if (plans_seen) return InvalidArgument("plans given twice");
      plans_seen = true;
      s = TakeText(value, &input->next_steps);
    } else if (name == "challenges") {
      s = TakeText(value, &input->challenges);
    } else {
      *field = "";
      return InvalidArgument("unknown field (expected value, confidence, "
                             "status, learned, plans, challenges)");
    }
    if (!s.ok()) return InvalidArgument(*field + " " + s.message());
  }
  *field = "";
  return Status::Ok();
}

HttpResponse OutcomeResponse(const CheckInOutcome& outcome) {
  // A std::string: the conditional's type is std::string (a temporary).
  const std::string field =
      outcome.errors.empty() ? "" : outcome.errors.front().field;
  const std::string message = outcome.errors.empty()
                                  ? outcome.status.message()
                                  : outcome.errors.front().message;
  switch (outcome.status.code()) {
    case StatusCode::kInvalidArgument:
      return JsonError(400, message, field);
    case StatusCode::kPermissionDenied:
      return JsonError(403, message, field);
    case StatusCode::kNotFound:
      // Found in the snapshot but gone inside the transaction: an import
      // removed it meanwhile.
      if (outcome.errors.empty()) return JsonError(409, message, "key");
      return JsonError(404, message, field);
    case StatusCode::kUnavailable:
      return JsonError(503, "the database is busy; retry", "");
    default:
      LogError("check-in API: " + outcome.status.ToString());
      return JsonError(500, "the check-in could not be stored", "");
  }
}

class CheckInApi {
 public:
  CheckInApi(Store* store, const Clock* clock, const Auth* auth,
             const Limits& limits)
      : store_(store), source_(store), clock_(clock), auth_(auth),
        limits_(limits) {}

  HttpResponse Post(const HttpRequest& request) {
    std::string_view rest = request.path_remainder;
    if (!rest.ends_with(kSuffix)) return JsonError(404, "no such resource", "");
    rest.remove_suffix(kSuffix.size());
    if (rest.empty() || rest.find('/') != std::string_view::npos) {
      return JsonError(404, "no such resource", "");
    }
    if (static_cast<int64_t>(request.body.size()) >
        limits_.max_form_body_bytes) {
      return JsonError(413, "the body is larger than " +
                                std::to_string(limits_.max_form_body_bytes) +
                                " bytes", "");
    }
    std::optional<Identity> who = auth_->Identify(request);
    if (!who) return JsonError(401, "sign in or send a bearer token", "");
    const Status allowed = auth_->CheckWrite(
        request, *who, request.header("X-CSRF-Token").value_or(""));
    if (!allowed.ok()) return JsonError(403, allowed.message(), "");
    if (MediaType(request.header("Content-Type").value_or("")) !=
        "application/json") {
      return JsonError(415, "send Content-Type: application/json", "");
    }
    Result<FlatJsonObject> members = ParseFlatJsonObject(request.body);
    if (!members.ok()) return JsonError(400, members.status().message(), "");
    CheckInInput input;
    input.kr_key = std::string(rest);
    std::string field;
    const Status read = ReadInput(*members, &input, &field);
    if (!read.ok()) return JsonError(400, read.message(), field);
    return Submit(*who, std::move(input));
  }

 private:
  HttpResponse Submit(const Identity& who, CheckInInput input) {
    Result<int64_t> revision = source_.Revision();
    if (!revision.ok()) return JsonError(503, "the database is unavailable", "");
    Result<Snapshot> snapshot = source_.Get(*revision);
    if (!snapshot.ok()) return JsonError(503, "the database is unavailable", "");
    std::vector<CheckInInput> inputs;
    inputs.push_back(std::move(input));
    const CheckInOutcome outcome =
        SubmitCheckIns(store_, *snapshot->org, who, inputs, clock_->Now(),
                       "api", limits_);
    if (!outcome.ok()) return OutcomeResponse(outcome);
    JsonWriter w;
    WriteCheckInJson(outcome.stored.front(), &w);
    HttpResponse response = JsonResponse(201, std::move(w).Take());
    response.headers.Set("Cache-Control", "no-store");
    response.headers.Set("Location",
                         "/api/v1/key-results/" +
                             EncodePathSegment(outcome.stored.front().target_key));
    return response;
  }

  Store* const store_;
  SnapshotSource source_;
  const Clock* const clock_;
  const Auth* const auth_;
  const Limits limits_;
};

}  // namespace

void AddCheckInApiRoutes(Router* router, Store* store, const Clock* clock,
                         const Auth* auth, const Limits& limits) {
  auto api = std::make_shared<CheckInApi>(store, clock, auth, limits);
  router->AddPrefix({HttpMethod::kPost}, "/api/v1/key-results/",
                    [api](const HttpRequest& request) {
                      return api->Post(request);
                    });
}

}  // namespace okr::web
