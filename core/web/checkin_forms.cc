// Copyright 2026 The okrd Authors.

#include "core/web/checkin_forms.h"

#include <charconv>
#include <cstdlib>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/base/log.h"
#include "core/checkin/checkin.h"
#include "core/web/html.h"
#include "core/web/request_body.h"
#include "core/web/text.h"

namespace okr::web {
namespace {

// What the form shows for one key result: as submitted, or prefilled.
struct FieldValues {
  std::string value, confidence, status, learned, plans, challenges;
};

struct FormState {
  std::map<std::string, FieldValues> submitted;  // By key result key.
  std::vector<FieldError> errors;
  std::string notice;  // "Saved 3 check-ins."
};

std::string NumberText(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : "";
}

bool OwnedBy(const Organisation& org, const KeyResult& kr,
             std::string_view email) {
  if (!kr.owner_email.empty()) return kr.owner_email == email;
  for (const Objective& o : org.objectives) {
    if (o.key == kr.objective_key) return o.owner_email == email;
  }
  return false;
}

bool InCycle(const Organisation& org, const KeyResult& kr,
             std::string_view cycle) {
  for (const Objective& o : org.objectives) {
    if (o.key == kr.objective_key) return o.cycle == cycle;
  }
  return false;
}

// The person's key results in `cycle` that `who` may update.
std::vector<const KeyResult*> FormKeyResults(const Organisation& org,
                                             const Identity& who,
                                             std::string_view email,
                                             std::string_view cycle) {
  std::vector<const KeyResult*> out;
  for (const KeyResult* kr : UpdatableKeyResults(org, who)) {
    if (OwnedBy(org, *kr, email) && (cycle.empty() || InCycle(org, *kr, cycle))) {
      out.push_back(kr);
    }
  }
  return out;
}

const CheckIn* LastCheckIn(const Organisation& org, std::string_view key) {
  const CheckIn* last = nullptr;
  for (const CheckIn& c : org.check_ins) {
    if (c.target_kind == TargetKind::kKeyResult && c.target_key == key) {
      last = &c;
    }
  }
  return last;
}

void ErrorsFor(const FormState& state, std::string_view key, Html* html) {
  for (const FieldError& e : state.errors) {
    if (e.kr_key != key) continue;
    html->Raw("<p class=\"form-error\" role=\"alert\">").Text(e.field)
        .Raw(": ").Text(e.message).Raw("</p>");
  }
}

void TextArea(Markup label, std::string_view name, std::string_view value,
              std::string_view placeholder, Html* html) {
  html->Raw("<label>").Raw(label).Raw("<textarea rows=\"2\"")
      .Attr("name", name);
  if (!placeholder.empty()) html->Attr("placeholder", placeholder);
  html->Raw(">").Text(value).Raw("</textarea></label>");
}

Html KrFieldset(const Organisation& org, const KeyResult& kr, size_t i,
                const FormState& state) {
  const std::string n = std::to_string(i);
  const CheckIn* last = LastCheckIn(org, kr.key);
  FieldValues v;
  if (auto it = state.submitted.find(kr.key); it != state.submitted.end()) {
    v = it->second;
  } else {
    v.value = NumberText(kr.current);
    if (last != nullptr && last->confidence) {
      v.confidence = NumberText(*last->confidence);
    }
  }
  const CheckIn empty;
  const CheckIn& prev = last != nullptr ? *last : empty;
  Html h;
  h.Raw("<fieldset class=\"checkin\"><legend>").Text(kr.title)
      .Raw(" <span class=\"muted\">(").Text(kr.key).Raw(")</span></legend>");
  ErrorsFor(state, kr.key, &h);
  h.Raw("<input type=\"hidden\"").Attr("name", "kr." + n).Attr("value", kr.key)
      .Raw("><label>Value").Raw(" <input type=\"text\" inputmode=\"decimal\"")
      .Attr("name", "value." + n).Attr("value", v.value).Raw(" required> ")
      .Text(kr.unit).Raw("</label><label>Confidence (0 to 1)")
      .Raw(" <input type=\"text\" inputmode=\"decimal\"")
      .Attr("name", "confidence." + n).Attr("value", v.confidence)
      .Raw("></label>");
  TextArea("Status of the objective, and confidence", "status." + n, v.status,
           prev.status, &h);
  TextArea("What did you learn last week?", "learned." + n, v.learned,
           prev.learned, &h);
  TextArea("Plans for next week, and how to execute them", "plans." + n,
           v.plans, prev.next_steps, &h);
  TextArea("Significant challenges", "challenges." + n, v.challenges,
           prev.challenges, &h);
  h.Raw("</fieldset>");
  return h;
}

std::string RenderForm(const Organisation& org,
                       const std::vector<const KeyResult*>& krs,
                       std::string_view email, const std::string& csrf,
                       const FormState& state) {
  Html h;
  h.Raw("<section aria-labelledby=\"checkin\"><h2 id=\"checkin\">"
        "Weekly check-in</h2>");
  if (!state.notice.empty()) {
    h.Raw("<p class=\"notice\" role=\"status\">").Text(state.notice)
        .Raw("</p>");
  }
  for (const FieldError& e : state.errors) {
    if (!e.kr_key.empty()) continue;
    h.Raw("<p class=\"form-error\" role=\"alert\">").Text(e.field).Raw(": ")
        .Text(e.message).Raw("</p>");
  }
  h.Raw("<form method=\"post\"")
      .Attr("action", "/people/" + EncodePathSegment(email) + "/check-ins")
      .Raw("><input type=\"hidden\"").Attr("name", kCsrfField)
      .Attr("value", csrf).Raw(">");
  for (size_t i = 0; i < krs.size(); ++i) {
    h.Append(KrFieldset(org, *krs[i], i, state));
  }
  h.Raw("<button type=\"submit\">Submit weekly check-in</button></form>"
        "</section>");
  return std::move(h).Take();
}

// "0.7", "70%" or empty.
Result<std::optional<double>> ParseNumber(const std::string& text,
                                          bool percent_allowed) {
  std::string_view t = text;
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  if (t.empty()) return std::optional<double>();
  const bool percent = percent_allowed && t.back() == '%';
  if (percent) t.remove_suffix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v)) {
    return InvalidArgument("is not a number");
  }
  return std::optional<double>(percent ? v / 100 : v);
}

class CheckInForms : public PersonPageExtension {
 public:
  CheckInForms(Store* store, const Clock* clock, const Auth* auth,
               const Limits& limits)
      : store_(store), clock_(clock), auth_(auth), limits_(limits) {}

  std::optional<std::string> Fragment(const HttpRequest& request,
                                      const Organisation& org,
                                      std::string_view email,
                                      std::string_view cycle) const override {
    std::optional<Identity> who = auth_->Identify(request);
    if (!who) return std::nullopt;
    auto krs = FormKeyResults(org, *who, email, cycle);
    if (krs.empty()) return std::nullopt;
    FormState state;
    if (auto saved = QueryParam(request.query, "saved")) {
      state.notice = "Saved your check-in of " + std::to_string(std::atoi(saved->c_str())) +
                     " key result(s).";
    }
    return RenderForm(org, krs, email, auth_->CsrfToken(request), state);
  }

  HttpResponse Post(const HttpRequest& request, const Organisation& org,
                    std::string_view email, std::string_view rest,
                    const PageRenderer& page) const override {
    if (rest != "check-ins") return NotFoundResponse();
    if (static_cast<int64_t>(request.body.size()) >
        limits_.max_form_body_bytes) {
      return PayloadTooLargeResponse(limits_.max_form_body_bytes);
    }
    std::optional<Identity> who = auth_->Identify(request);
    if (!who) {
      return NoStore(TextResponse(401, "sign in to check in (/login)\n"));
    }
    if (MediaType(request.header("Content-Type").value_or("")) !=
        "application/x-www-form-urlencoded") {
      return NoStore(TextResponse(415, "send a form "
                                       "(application/x-www-form-urlencoded)\n"));
    }
    Result<FormFields> fields = ParseFormUrlEncoded(request.body);
    if (!fields.ok()) {
      return NoStore(TextResponse(400, fields.status().message() + "\n"));
    }
    const std::string* csrf = FindFormField(*fields, kCsrfField);
    const Status allowed =
        auth_->CheckWrite(request, *who, csrf != nullptr ? *csrf : "");
    if (!allowed.ok()) {
      return NoStore(TextResponse(403, allowed.message() + "\n"));
    }
    return Submit(request, org, *who, email, *fields, page);
  }

 private:
  static HttpResponse NoStore(HttpResponse response) {
    response.headers.Set("Cache-Control", "no-store");
    response.headers.Set("Referrer-Policy", std::string(kFormReferrerPolicy));
    return response;
  }

  // Reads the per-key-result fields; parse problems go to state->errors.
  static std::vector<CheckInInput> ReadInputs(const FormFields& fields,
                                              FormState* state) {
    std::vector<CheckInInput> inputs;
    for (size_t i = 0;; ++i) {
      const std::string n = std::to_string(i);
      const std::string* key = FindFormField(fields, "kr." + n);
      if (key == nullptr) break;
      auto get = [&](const char* name) {
        const std::string* v = FindFormField(fields, name + ("." + n));
        return v != nullptr ? *v : std::string();
      };
      FieldValues v{get("value"), get("confidence"), get("status"),
                    get("learned"), get("plans"), get("challenges")};
      CheckInInput input{.kr_key = *key, .status = v.status,
                         .learned = v.learned, .next_steps = v.plans,
                         .challenges = v.challenges};
      auto value = ParseNumber(v.value, false);
      if (value.ok()) input.value = *value;
      else state->errors.push_back({i, *key, "value", "the value " + value.status().message()});
      auto confidence = ParseNumber(v.confidence, true);
      if (confidence.ok()) input.confidence = *confidence;
      else state->errors.push_back({i, *key, "confidence", "the confidence " + confidence.status().message()});
      state->submitted[*key] = std::move(v);
      inputs.push_back(std::move(input));
    }
    return inputs;
  }

  static int StatusFor(const CheckInOutcome& outcome) {
    switch (outcome.status.code()) {
      case StatusCode::kPermissionDenied: return 403;
      case StatusCode::kNotFound: return outcome.errors.empty() ? 409 : 404;
      case StatusCode::kUnavailable: return 503;
      case StatusCode::kInvalidArgument: return 400;
      default: return 500;
    }
  }

  HttpResponse Submit(const HttpRequest& request, const Organisation& org,
                      const Identity& who, std::string_view email,
                      const FormFields& fields, const PageRenderer& page) const {
    FormState state;
    std::vector<CheckInInput> inputs = ReadInputs(fields, &state);
    int status = 400;
    if (state.errors.empty()) {
      CheckInOutcome outcome = SubmitCheckIns(store_, org, who, inputs,
                                              clock_->Now(), "web", limits_);
      if (outcome.ok()) {
        HttpResponse response;
        response.status = 303;
        response.headers.Set(
            "Location", "/people/" + EncodePathSegment(email) +
                            "?saved=" + std::to_string(outcome.stored.size()));
        return NoStore(std::move(response));
      }
      status = StatusFor(outcome);
      if (status == 500) LogError("check-in form: " + outcome.status.ToString());
      state.errors = std::move(outcome.errors);
      if (state.errors.empty()) {
        state.errors.push_back({0, "", "check-ins", status == 503
            ? "the database is busy; submit again" : outcome.status.message()});
      }
    }
    std::vector<const KeyResult*> krs;
    for (const KeyResult* kr : FormKeyResults(org, who, email, "")) {
      if (state.submitted.count(kr->key) != 0) krs.push_back(kr);
    }
    return NoStore(HtmlResponse(
        status, page(RenderForm(org, krs, email, auth_->CsrfToken(request),
                                state))));
  }

  Store* const store_;
  const Clock* const clock_;
  const Auth* const auth_;
  const Limits limits_;
};

}  // namespace

std::shared_ptr<const PersonPageExtension> MakeCheckInForms(
    Store* store, const Clock* clock, const Auth* auth, const Limits& limits) {
  return std::make_shared<CheckInForms>(store, clock, auth, limits);
}

}  // namespace okr::web
