// Copyright 2026 The okrd Authors.

#include "cli/builtin_outputs.h"

#include <cstring>
#include <string>

#include "core/server/router.h"
#include "plugins/loader/guard.h"

namespace okr {
namespace {

// The request headers the wrapped handlers read (conditional requests).
constexpr const char* kForwarded[] = {"If-None-Match", "If-Modified-Since"};

HttpRequest FromOkrRequest(const okr_request* req) {
  HttpRequest http;
  http.method = FromOkrStr(req->method);
  http.path = FromOkrStr(req->path);
  http.path_remainder = FromOkrStr(req->rest);
  http.query = FromOkrStr(req->query);
  for (const char* name : kForwarded) {
    okr_str value{nullptr, 0};
    if (req->header(req->ctx, ToOkrStr(name), &value) == 0) {
      http.headers.Set(name, FromOkrStr(value));
    }
  }
  return http;
}

int32_t ServeThroughHost(const okr_host* host, const okr_request* req,
                         const okr_response* resp, const okr_diag_sink*) {
  try {
    const auto* handler = static_cast<const HttpHandler*>(host->host_data);
    if (handler == nullptr || !*handler) return OKR_E_UNAVAILABLE;
    const HttpResponse r = (*handler)(FromOkrRequest(req));
    resp->status(resp->ctx, r.status);
    resp->header(resp->ctx, ToOkrStr("Content-Type"), ToOkrStr(r.content_type));
    for (const HttpHeader& h : r.headers.fields()) {
      resp->header(resp->ctx, ToOkrStr(h.name), ToOkrStr(h.value));
    }
    const std::string_view body = r.Body();
    if (body.empty()) return OKR_OK;
    return resp->body.write(resp->body.ctx, body.data(), body.size()) == 0
               ? OKR_OK
               : OKR_E_LIMIT;
  } catch (...) {
    return OKR_E_INTERNAL;
  }
}

template <const okr_feed_v1* kFeed>
const void* FeedInterface(const char* id) {
  return std::strcmp(id, OKR_IFACE_FEED_1) == 0 ? kFeed : nullptr;
}

const okr_feed_v1 kIcal = {sizeof(okr_feed_v1),
                           kFeedOutputPath,
                           "text/calendar; charset=utf-8",
                           nullptr,
                           OKR_FEED_PREFIX | OKR_FEED_SECRET_PATH,
                           ServeThroughHost};
const okr_feed_v1 kApi = {sizeof(okr_feed_v1),
                          kApiOutputPath,
                          "application/json; charset=utf-8",
                          nullptr,
                          OKR_FEED_PREFIX,
                          ServeThroughHost};

}  // namespace

const okr_plugin* IcalFeedsEntry() {
  static const okr_plugin plugin = {OKR_ABI_MAJOR,
                                    OKR_ABI_MINOR,
                                    sizeof(okr_plugin),
                                    "org.okrd.builtin.ical",
                                    "built-in iCalendar feeds",
                                    OKR_VERSION,
                                    FeedInterface<&kIcal>,
                                    nullptr};
  return &plugin;
}

const okr_plugin* ApiJsonEntry() {
  static const okr_plugin plugin = {OKR_ABI_MAJOR,
                                    OKR_ABI_MINOR,
                                    sizeof(okr_plugin),
                                    "org.okrd.builtin.api-json",
                                    "built-in JSON API",
                                    OKR_VERSION,
                                    FeedInterface<&kApi>,
                                    nullptr};
  return &plugin;
}

}  // namespace okr
