// Copyright 2026 The okrd Authors.
//
// Router: maps (method set, path pattern) to a handler. Pure logic, no
// sockets; the HttpServer calls Dispatch() for every request.
//
// Patterns are exact ("/healthz") or prefixes ending in '/' ("/objectives/",
// which matches "/objectives/" and everything below it; the handler gets the
// rest in HttpRequest::path_remainder). For one request, the routes whose
// pattern matches the path are tried from most to least specific (the exact
// route, then longer prefixes before shorter ones); the first that accepts
// the method handles it. If some route matches the path but none accepts
// the method, the answer is 405 with "Allow" listing what they accept;
// if no route matches, 404. A route accepting GET also answers HEAD (the
// server then sends the headers of the GET response without its body).
//
// Thread-safety: build the router on one thread, then hand it to the server;
// Dispatch() is const and safe to call from many threads at once. Handlers
// run on server worker threads (100 KiB stacks: no large stack buffers) and
// must be thread-safe themselves.

#ifndef OKR_CORE_SERVER_ROUTER_H_
#define OKR_CORE_SERVER_ROUTER_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/server/http.h"

namespace okr {

enum class HttpMethod : uint8_t {
  kGet,
  kHead,
  kPost,
  kPut,
  kPatch,
  kDelete,
  kOptions,
};

// "GET" -> kGet; case-sensitive, as methods are. nullopt for other methods.
std::optional<HttpMethod> ParseHttpMethod(std::string_view name);
std::string_view HttpMethodName(HttpMethod method);

// A small set of methods, e.g. MethodSet{HttpMethod::kGet, HttpMethod::kPost}.
class MethodSet {
 public:
  constexpr MethodSet() = default;
  constexpr MethodSet(std::initializer_list<HttpMethod> methods) {  // NOLINT
    for (HttpMethod m : methods) bits_ |= Bit(m);
  }

  constexpr bool Contains(HttpMethod m) const { return (bits_ & Bit(m)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr MethodSet& operator|=(MethodSet other) {
    bits_ |= other.bits_;
    return *this;
  }
  constexpr bool Overlaps(MethodSet other) const {
    return (bits_ & other.bits_) != 0;
  }

  // "GET, HEAD, POST": the value of an Allow header. Adds HEAD when GET is in
  // the set, since GET routes answer HEAD.
  std::string AllowHeaderValue() const;

 private:
  static constexpr uint32_t Bit(HttpMethod m) {
    return uint32_t{1} << static_cast<unsigned>(m);
  }
  uint32_t bits_ = 0;
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

struct RouteOptions {
  // The path may carry a secret (a feed token): access logs show the route
  // pattern instead of the path.
  bool secret_path = false;
};

// Which route a path belongs to, for the access log.
struct RouteInfo {
  // The pattern of the most specific route matching the path, or empty if
  // none did. Points into the Router; valid while it lives.
  std::string_view pattern;
  bool secret_path = false;

  // The path to log for `request_path`: the pattern for secret routes, else
  // the path itself.
  std::string_view LogPath(std::string_view request_path) const {
    return secret_path ? pattern : request_path;
  }
};

class Router {
 public:
  Router() = default;
  Router(Router&&) = default;
  Router& operator=(Router&&) = default;
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Registers `handler` for an exact path. `path` must start with '/'.
  // Registering a pattern twice with overlapping methods is a bug (asserted;
  // without asserts the first registration wins).
  void Add(MethodSet methods, std::string path, HttpHandler handler,
           RouteOptions options = {});

  // Registers `handler` for every path starting with `prefix`, which must
  // start and end with '/'. Same duplicate rule as Add().
  void AddPrefix(MethodSet methods, std::string prefix, HttpHandler handler,
                 RouteOptions options = {});

  // Routes `request` (method and path must be set) and returns the
  // handler's response, or 404 / 405. A handler that throws yields 500 (the
  // exception is logged).
  HttpResponse Dispatch(HttpRequest request) const;

  // The most specific route whose pattern matches `path`, whatever the
  // method; for logging before and after Dispatch().
  RouteInfo Describe(std::string_view path) const;

  // A check Dispatch() runs before routing (read_access = login): it
  // returns the response to send instead, or nullopt to route as usual.
  // Set while building the router; same thread rules as handlers.
  using Gate = std::function<std::optional<HttpResponse>(const HttpRequest&)>;
  void SetGate(Gate gate) { gate_ = std::move(gate); }

 private:
  struct Route {
    MethodSet methods;
    std::string pattern;
    bool is_prefix = false;
    RouteOptions options;
    HttpHandler handler;
  };

  void AddRoute(Route route);
  static bool Matches(const Route& route, std::string_view path);
  static HttpResponse CallHandler(const Route& route, HttpRequest request);

  // Most specific first: exact routes, then prefixes, longest first.
  std::vector<Route> routes_;
  Gate gate_;  // Empty: none.
};

}  // namespace okr

#endif  // OKR_CORE_SERVER_ROUTER_H_
