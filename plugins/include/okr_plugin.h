/* Copyright 2026 The okrd Authors.
 *
 * okr_plugin.h: the only header an okrd plugin includes. Plain C99 that also
 * compiles as C++17 (both are compile-tested).
 *
 * ABI rules (see plugins/README.md):
 *  - One exported symbol per shared object: the function
 *    okr_plugin_entry(), returning a const okr_plugin whose first two fields
 *    are the ABI major and minor. The host reads those first and refuses a
 *    different major before touching anything else.
 *  - Interfaces are looked up by a versioned string id ("okr.importer/1").
 *    A breaking change is a new id, never an edited struct.
 *  - Every struct that may grow starts with struct_size (after the ABI
 *    numbers for okr_plugin) and only grows at its end. The reader of a
 *    struct uses only fields that lie within struct_size.
 *  - Only C types cross: fixed-width integers, double, pointer+length UTF-8
 *    strings, POD structs. No enum or bool fields.
 *  - No memory is freed across the boundary: a plugin pushes data into
 *    host-owned sinks (records, bytes, diagnostics) and the host copies
 *    during the call; data passed in is valid for the duration of the call.
 *  - Errors are OKR_* codes plus diagnostics (with locations) through a
 *    sink. No exception, longjmp or errno crosses the boundary: a plugin
 *    written in C++ catches everything in each function it exports.
 *  - Threads: importer and feed functions may be called concurrently from
 *    several host threads ([thread-safe]). A notifier instance receives one
 *    call at a time, from a host worker thread, never a request thread.
 */
#ifndef OKR_PLUGIN_H_
#define OKR_PLUGIN_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OKR_ABI_MAJOR 1 /* bump = incompatible: the host refuses a mismatch */
#define OKR_ABI_MINOR 1 /* bump = additive: fields appended at struct ends */

#if defined(__GNUC__)
#define OKR_EXPORT __attribute__((visibility("default")))
#else
#define OKR_EXPORT
#endif

#define OKR_IFACE_IMPORTER_1 "okr.importer/1"
#define OKR_IFACE_FEED_1 "okr.feed/1"
#define OKR_IFACE_NOTIFIER_1 "okr.notifier/1"

/* Return codes; 0 is success. Anything else the host reports as garbage. */
enum {
  OKR_OK = 0,
  OKR_E_INVALID_INPUT = 1, /* malformed input; diagnostics were reported */
  OKR_E_UNSUPPORTED = 2,   /* well-formed but not handled */
  OKR_E_LIMIT = 3,         /* a host limit was hit, or a sink said stop */
  OKR_E_CONFIG = 4,        /* bad configuration (notifier create) */
  OKR_E_UNAVAILABLE = 5,   /* a remote end did not answer (notifiers) */
  OKR_E_INTERNAL = 6       /* a bug or resource failure in the plugin */
};

/* ImportDiagnostic severities. */
enum { OKR_SEV_INFO = 0, OKR_SEV_WARNING = 1, OKR_SEV_ERROR = 2 };

typedef struct okr_str { /* UTF-8, not necessarily NUL-terminated */
  const char* ptr;
  size_t len;
} okr_str;

typedef struct okr_bytes {
  const uint8_t* ptr;
  size_t len;
} okr_bytes;

typedef struct okr_kv {
  okr_str key;
  okr_str value;
} okr_kv;

/* Services the host lends to a plugin. [thread-safe] */
typedef struct okr_host {
  uint32_t struct_size;
  uint32_t abi_major, abi_minor;
  void* host_data; /* the host's own; a plugin never uses it */
  /* level: OKR_SEV_*. The host copies msg. */
  void (*log)(const struct okr_host* host, int32_t level, okr_str msg);
} okr_host;

/* Per-call diagnostics: where (location such as a file name or element
 * path, 1-based line and column, 0 when unknown), how bad, what. */
typedef struct okr_diag_sink {
  void* ctx;
  void (*report)(void* ctx, int32_t severity, okr_str location, int64_t line,
                 int64_t column, okr_str message);
} okr_diag_sink;

/* ---- okr.importer/1: bytes -> records ----------------------------------
 * A record is a kind plus fields; the host maps and validates them. Kinds
 * and their fields (all values are text; numbers in C locale):
 *   "unit":      key, name, parent, level (company|department|team)
 *   "cycle":     name, start, end (YYYY-MM-DD)
 *   "objective": key, title, unit, owner, cycle, level, description
 *   "kr":        key, objective, title, owner, kind (increase|decrease|
 *                stay-above|stay-below|milestone), start, target, current,
 *                unit, weight, due
 * Unknown fields are reported by the host as warnings. `line` is where the
 * record came from (0 when unknown). */
typedef struct okr_record_sink {
  void* ctx;
  /* Returns 0 to continue, non-zero to stop (a host limit was reached). */
  int32_t (*record)(void* ctx, okr_str kind, const okr_kv* fields, size_t n,
                    int64_t line);
} okr_record_sink;

typedef struct okr_importer_v1 {
  uint32_t struct_size;
  const char* format;            /* short name, e.g. "mindmap" */
  const char* const* extensions; /* NULL-terminated, e.g. ".mm" */
  /* 0..100: how sure the plugin is that `head` (the first bytes of a file
   * called `name`) is its format. [thread-safe] */
  int32_t (*probe)(okr_str name, okr_bytes head);
  /* Parses `input` fully and pushes records. Options: "cycle" (for items
   * that name none), "today" (YYYY-MM-DD). Returns OKR_*. [thread-safe] */
  int32_t (*import)(const okr_host* host, okr_str name, okr_bytes input,
                    const okr_kv* options, size_t n_options,
                    const okr_record_sink* out, const okr_diag_sink* diag);
  /* A small valid input for `okrd plugin check` (may be empty). */
  okr_bytes sample;
} okr_importer_v1;

/* ---- okr.feed/1: a read-only model -> a document served at a URL ------- */
typedef struct okr_objective_view {
  uint32_t struct_size; /* set by the plugin; the host fills what fits */
  okr_str key, title, cycle, unit_key, unit_name;
  double progress;   /* 0..1; NaN when there is nothing to measure */
  double confidence; /* 0..1; NaN when nobody said */
  int64_t checkin_count;
  int64_t last_checkin_time; /* Unix seconds; 0 when none */
} okr_objective_view;

typedef struct okr_kr_view {
  uint32_t struct_size; /* set by the plugin; the host fills what fits */
  okr_str key, title, objective_key, cycle, unit_key, measure;
  double start, target, current;
  double progress;   /* 0..1 */
  double confidence; /* 0..1; NaN when nobody said */
  int64_t checkin_count;
  int64_t last_checkin_time; /* Unix seconds; 0 when none */
} okr_kr_view;

typedef struct okr_model_view { /* a snapshot owned by the host */
  uint32_t struct_size;
  void* ctx;
  int64_t now; /* Unix seconds */
  size_t (*objective_count)(void* ctx);
  /* Fills *out (up to out->struct_size); OKR_E_LIMIT when i is too big. */
  int32_t (*objective_at)(void* ctx, size_t i, okr_objective_view* out);
  size_t (*kr_count)(void* ctx);
  int32_t (*kr_at)(void* ctx, size_t i, okr_kr_view* out);
  /* Host facts: "okrd_version", "store_revision", "start_time", ... */
  const okr_kv* facts;
  size_t n_facts;
} okr_model_view;

typedef struct okr_writer {
  void* ctx;
  /* Appends len bytes; returns 0, or non-zero to stop (size limit). */
  int32_t (*write)(void* ctx, const char* buf, size_t len);
} okr_writer;

/* ABI 1.1: one GET or HEAD request to a request-aware output; valid for
 * the duration of serve(). */
typedef struct okr_request {
  uint32_t struct_size;
  void* ctx;
  okr_str method; /* "GET" or "HEAD" (the host drops the body for HEAD) */
  okr_str path;   /* decoded, without the query */
  okr_str rest;   /* path after the output's path (prefix outputs) */
  okr_str query;  /* raw, still percent-encoded, without '?' */
  /* Sets *value to a request header (name case-insensitive); returns 0,
   * or non-zero when the request has none. */
  int32_t (*header)(void* ctx, okr_str name, okr_str* value);
  /* The organisation snapshot, loaded on the first call (so a request
   * refused early costs no load); NULL when the store failed. */
  const okr_model_view* (*model)(void* ctx);
} okr_request;

/* ABI 1.1: the answer to an okr_request; the host copies everything. */
typedef struct okr_response {
  void* ctx;
  void (*status)(void* ctx, int32_t code); /* 200 unless set */
  /* Adds a header; "Content-Type" replaces the output's content_type. */
  void (*header)(void* ctx, okr_str name, okr_str value);
  okr_writer body;
} okr_response;

/* okr_feed_v1.flags (ABI 1.1) */
#define OKR_FEED_PREFIX 1u      /* path ends in '/': serve everything below */
#define OKR_FEED_SECRET_PATH 2u /* the rest is a secret (a token): access
                                   logs show `path` only */

typedef struct okr_feed_v1 {
  uint32_t struct_size;
  const char* path;         /* served at, e.g. "/metrics" */
  const char* content_type; /* e.g. "text/plain; version=0.0.4" */
  /* Writes the document. [thread-safe] NULL when serve is set. */
  int32_t (*render)(const okr_host* host, const okr_model_view* model,
                    const okr_writer* out, const okr_diag_sink* diag);
  /* ABI 1.1 (read when struct_size holds them): */
  uint32_t flags; /* OKR_FEED_* */
  /* Answers one request itself (status, headers such as ETag, body),
   * used instead of render when not NULL. [thread-safe] */
  int32_t (*serve)(const okr_host* host, const okr_request* request,
                   const okr_response* response, const okr_diag_sink* diag);
} okr_feed_v1;

/* ---- okr.notifier/1: events -> side effects ----------------------------
 * Event types: "checkin.submitted", "kr.at_risk", "checkin.overdue",
 * "cycle.phase_started". Attributes are listed in plugins/README.md. */
typedef struct okr_event {
  uint32_t struct_size;
  okr_str type;
  int64_t time; /* Unix seconds */
  const okr_kv* attrs;
  size_t n_attrs;
  okr_str summary; /* one human-readable line */
} okr_event;

typedef struct okr_notifier_v1 {
  uint32_t struct_size;
  /* Makes an instance from "key=value" configuration (the [webhook]
   * section, for example). *instance stays plugin-owned. */
  int32_t (*create)(const okr_host* host, const okr_kv* config, size_t n,
                    void** instance, const okr_diag_sink* diag);
  /* One call at a time per instance, from a host worker thread. May block
   * (bounded by the plugin's own timeouts). */
  int32_t (*notify)(void* instance, const okr_event* event);
  void (*destroy)(void* instance);
  /* ABI 1.1 (may be NULL): waits up to timeout_ms until every event
   * notified so far is delivered or given up; OKR_OK when all were
   * delivered, OKR_E_UNAVAILABLE otherwise. `okrd plugin check` uses it. */
  int32_t (*flush)(void* instance, int64_t timeout_ms);
} okr_notifier_v1;

/* ---- the entry ---------------------------------------------------------- */
typedef struct okr_plugin {
  uint32_t abi_major; /* = OKR_ABI_MAJOR at build; read first */
  uint32_t abi_minor; /* = OKR_ABI_MINOR at build */
  uint32_t struct_size;
  const char* id;      /* reverse-DNS, e.g. "org.okrd.mindmap" */
  const char* name;    /* one line for `okrd plugins list` */
  const char* version; /* the plugin's own version */
  /* The vtable for an interface id, or NULL. [thread-safe] */
  const void* (*get_interface)(const char* iface_id);
  /* Checks itself with its own sample data; reports through diag.
   * NULL when the plugin has none. */
  int32_t (*self_test)(const okr_host* host, const okr_diag_sink* diag);
} okr_plugin;

#define OKR_PLUGIN_ENTRY_SYMBOL "okr_plugin_entry"
typedef const okr_plugin* (*okr_plugin_entry_fn)(void);

/* Each plugin defines exactly this one exported function. */
OKR_EXPORT const okr_plugin* okr_plugin_entry(void);

#ifdef __cplusplus
}
#endif

#endif /* OKR_PLUGIN_H_ */
