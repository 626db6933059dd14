// Copyright 2026 The okrd Authors.

#include "core/server/router.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <exception>
#include <utility>

#include "core/base/log.h"

namespace okr {
namespace {

constexpr std::array<HttpMethod, 7> kAllMethods = {
    HttpMethod::kGet,     HttpMethod::kHead,  HttpMethod::kPost,
    HttpMethod::kPut,     HttpMethod::kPatch, HttpMethod::kDelete,
    HttpMethod::kOptions,
};

bool Accepts(MethodSet methods, std::optional<HttpMethod> method) {
  if (!method) return false;
  if (methods.Contains(*method)) return true;
  return *method == HttpMethod::kHead && methods.Contains(HttpMethod::kGet);
}

// Sort key: exact routes first, then prefixes by decreasing length.
bool MoreSpecific(bool a_prefix, size_t a_len, bool b_prefix, size_t b_len) {
  if (a_prefix != b_prefix) return !a_prefix;
  return a_prefix && a_len > b_len;
}

}  // namespace

std::optional<HttpMethod> ParseHttpMethod(std::string_view name) {
  for (HttpMethod m : kAllMethods) {
    if (HttpMethodName(m) == name) return m;
  }
  return std::nullopt;
}

std::string_view HttpMethodName(HttpMethod method) {
  switch (method) {
    case HttpMethod::kGet:
      return "GET";
    case HttpMethod::kHead:
      return "HEAD";
    case HttpMethod::kPost:
      return "POST";
    case HttpMethod::kPut:
      return "PUT";
    case HttpMethod::kPatch:
      return "PATCH";
    case HttpMethod::kDelete:
      return "DELETE";
    case HttpMethod::kOptions:
      return "OPTIONS";
  }
  return "";
}

std::string MethodSet::AllowHeaderValue() const {
  std::string out;
  for (HttpMethod m : kAllMethods) {
    if (!Accepts(*this, m)) continue;
    if (!out.empty()) out += ", ";
    out += HttpMethodName(m);
  }
  return out;
}

void Router::Add(MethodSet methods, std::string path, HttpHandler handler,
                 RouteOptions options) {
  assert(!path.empty() && path.front() == '/');
  AddRoute({methods, std::move(path), false, options, std::move(handler)});
}

void Router::AddPrefix(MethodSet methods, std::string prefix,
                       HttpHandler handler, RouteOptions options) {
  assert(!prefix.empty() && prefix.front() == '/' && prefix.back() == '/');
  AddRoute({methods, std::move(prefix), true, options, std::move(handler)});
}

void Router::AddRoute(Route route) {
  assert(route.handler && !route.methods.empty());
  for ([[maybe_unused]] const Route& other : routes_) {
    assert(!(other.pattern == route.pattern &&
             other.is_prefix == route.is_prefix &&
             other.methods.Overlaps(route.methods)) &&
           "route registered twice");
  }
  auto pos = std::find_if(routes_.begin(), routes_.end(), [&](const Route& r) {
    return MoreSpecific(route.is_prefix, route.pattern.size(), r.is_prefix,
                        r.pattern.size());
  });
  routes_.insert(pos, std::move(route));
}

bool Router::Matches(const Route& route, std::string_view path) {
  return route.is_prefix ? path.starts_with(route.pattern)
                         : path == route.pattern;
}

HttpResponse Router::Dispatch(HttpRequest request) const {
  if (gate_) {
    if (std::optional<HttpResponse> answer = gate_(request)) return *answer;
  }
  const std::optional<HttpMethod> method = ParseHttpMethod(request.method);
  bool path_known = false;
  MethodSet allowed;
  for (const Route& route : routes_) {
    if (!Matches(route, request.path)) continue;
    if (Accepts(route.methods, method)) {
      return CallHandler(route, std::move(request));
    }
    path_known = true;
    allowed |= route.methods;
  }
  if (!path_known) return NotFoundResponse();
  return MethodNotAllowedResponse(allowed.AllowHeaderValue());
}

RouteInfo Router::Describe(std::string_view path) const {
  for (const Route& route : routes_) {
    if (Matches(route, path)) return {route.pattern, route.options.secret_path};
  }
  return {};
}

HttpResponse Router::CallHandler(const Route& route, HttpRequest request) {
  if (route.is_prefix) {
    request.path_remainder = request.path.substr(route.pattern.size());
  }
  try {
    return route.handler(request);
  } catch (const std::exception& e) {
    LogError("handler for " + route.pattern + " threw: " + e.what());
  } catch (...) {
    LogError("handler for " + route.pattern + " threw a non-std exception");
  }
  return InternalErrorResponse();
}

}  // namespace okr
