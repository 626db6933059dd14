// Copyright 2026 The okrd Authors.

#include "core/web/admin_import.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "core/base/secret.h"
#include "core/base/log.h"
#include "core/web/html.h"
#include "core/web/job_queue.h"
#include "core/web/multipart.h"
#include "core/web/request_body.h"
#include "core/web/site.h"
#include "core/web/style.h"
#include "core/web/text.h"

namespace okr::web {
namespace {

// "plan (v2).xlsx" -> "plan_v2_.xlsx": safe as one path component.
std::string SafeFileName(std::string_view name) {
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name.substr(0, 100)) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    out += ok ? c : '_';
  }
  if (out.empty() || out.front() == '.') out.insert(0, "upload");
  return out;
}

Status WriteNewFile(const std::string& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                        0600);
  if (fd < 0) return IoError(path + ": cannot create");
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return IoError(path + ": cannot write");
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return ::close(fd) == 0 ? Status::Ok() : IoError(path + ": cannot write");
}

// Uploads kept between the dry run and the confirmation. Thread-safe.
class Uploads {
 public:
  // Uploads left by an earlier run (kept only in memory) are deleted.
  Uploads(std::string dir, int64_t ttl, const Clock* clock)
      : dir_(std::move(dir)), ttl_(ttl), clock_(clock) {
    RemoveOrphans();
  }

  struct Entry {
    std::string owner;
    std::string path;  // dir_/id/name
    UnixSeconds expires = 0;
  };

  Result<std::string> Put(std::string_view bytes, std::string_view filename,
                          const std::string& owner) {
    Sweep();
    if (::mkdir(dir_.c_str(), 0700) != 0 && errno != EEXIST) {
      return IoError(dir_ + ": cannot create the upload directory");
    }
    const std::string id = NewSecret();
    const std::string folder = dir_ + "/" + id;
    if (::mkdir(folder.c_str(), 0700) != 0) {
      return IoError(folder + ": cannot create");
    }
    const std::string path = folder + "/" + SafeFileName(filename);
    OKR_RETURN_IF_ERROR(WriteNewFile(path, bytes));
    std::lock_guard<std::mutex> lock(mu_);
    entries_[id] = {owner, path, clock_->Now() + ttl_};
    return id;
  }

  std::optional<Entry> Get(const std::string& id, const std::string& owner) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(id);
    if (it == entries_.end() || it->second.owner != owner ||
        it->second.expires < clock_->Now()) {
      return std::nullopt;
    }
    return it->second;
  }

  void Remove(const std::string& id) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(id);
    if (it == entries_.end()) return;
    Delete(id, it->second);
    entries_.erase(it);
  }

  // "dir/id/" as it appears in diagnostics, to strip for display.
  std::string Prefix(const std::string& id) const { return dir_ + "/" + id + "/"; }

 private:
  void Delete(const std::string& id, const Entry& e) {
    std::remove(e.path.c_str());
    ::rmdir((dir_ + "/" + id).c_str());
  }

  // Entries of dir_ named like an upload id, and the one file in each.
  void RemoveOrphans() {
    DIR* dir = ::opendir(dir_.c_str());
    if (dir == nullptr) return;
    std::vector<std::string> ids;
    while (const dirent* e = ::readdir(dir)) {
      if (IsWellFormedSecret(e->d_name)) ids.emplace_back(e->d_name);
    }
    ::closedir(dir);
    for (const std::string& id : ids) {
      const std::string folder = dir_ + "/" + id;
      if (DIR* d = ::opendir(folder.c_str())) {
        std::vector<std::string> files;
        while (const dirent* e = ::readdir(d)) {
          if (std::string_view(e->d_name) != "." &&
              std::string_view(e->d_name) != "..") {
            files.push_back(folder + "/" + e->d_name);
          }
        }
        ::closedir(d);
        for (const std::string& f : files) std::remove(f.c_str());
      }
      ::rmdir(folder.c_str());
    }
  }

  void Sweep() {
    std::lock_guard<std::mutex> lock(mu_);
    const UnixSeconds now = clock_->Now();
    for (auto it = entries_.begin(); it != entries_.end();) {
      if (it->second.expires < now) {
        Delete(it->first, it->second);
        it = entries_.erase(it);
      } else {
        ++it;
      }
    }
  }

  const std::string dir_;
  const int64_t ttl_;
  const Clock* const clock_;
  std::mutex mu_;
  std::map<std::string, Entry> entries_;  // Guarded by mu_.
};

std::string Document(const Html& main) {
  Html h;
  h.Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width\">"
        "<title>Import · okrd</title><link rel=\"stylesheet\"")
      .Attr("href", StyleSheetAsset().hashed_path)
      .Raw("><link rel=\"icon\" type=\"image/svg+xml\"")
      .Attr("href", IconAsset().hashed_path)
      .Raw("></head><body><main id=\"main\">\n<h1>Import</h1>")
      .Append(main)
      .Raw("<p><a href=\"/admin/import\">Import another file</a> · "
           "<a href=\"/\">Status page</a></p>\n</main></body></html>\n");
  return std::move(h).Take();
}

HttpResponse Page(int status, const Html& main) {
  HttpResponse r = HtmlResponse(status, Document(main));
  r.headers.Set("Cache-Control", "no-store");
  r.headers.Set("Referrer-Policy", std::string(kFormReferrerPolicy));
  return r;
}

HttpResponse Message(int status, std::string_view text) {
  Html h;
  h.Raw("<p class=\"form-error\" role=\"alert\">").Text(text).Raw("</p>");
  return Page(status, h);
}

void Replace(std::string* text, const std::string& from) {
  for (size_t at = text->find(from); at != std::string::npos;
       at = text->find(from, at)) {
    text->erase(at, from.size());
  }
}

Html Lines(Markup heading, std::vector<std::string> lines,
           const std::string& strip) {
  Html h;
  if (lines.empty()) return h;
  h.Raw("<h2>").Raw(heading).Raw("</h2><ul class=\"import-lines\">");
  for (std::string& line : lines) {
    Replace(&line, strip);
    h.Raw("<li><code>").Text(line).Raw("</code></li>");
  }
  h.Raw("</ul>");
  return h;
}

Html Counts(const ImportPlan& plan) {
  Html h;
  h.Raw("<table><thead><tr><th></th><th>added</th><th>changed</th>"
        "<th>unchanged</th><th>removed</th></tr></thead><tbody>");
  for (const auto& [kind, c] : plan.counts) {
    h.Raw("<tr><th>").Text(kind).Raw("</th><td>").Int(c.added)
        .Raw("</td><td>").Int(c.changed).Raw("</td><td>").Int(c.unchanged)
        .Raw("</td><td>").Int(c.removed).Raw("</td></tr>");
  }
  h.Raw("</tbody></table>");
  return h;
}

class AdminImport {
 public:
  AdminImport(Store* store, const Clock* clock, const Auth* auth,
              AdminImportOptions options)
      : store_(store), clock_(clock), auth_(auth),
        options_(std::move(options)),
        uploads_(options_.upload_dir, options_.upload_ttl_seconds, clock) {}

  HttpResponse Form(const HttpRequest& request) {
    std::optional<Identity> who;
    if (auto refused = RequireAdmin(request, &who)) return *refused;
    Html h;
    h.Raw("<p>Upload the organisation's XLSX, ODS, CSV or okrd XML file. "
          "You will see every change before anything is written.</p>"
          "<form method=\"post\" action=\"/admin/import\" "
          "enctype=\"multipart/form-data\"><input type=\"hidden\"")
        .Attr("name", kCsrfField).Attr("value", auth_->CsrfToken(request))
        .Raw("><label>File <input type=\"file\" name=\"file\" required>"
             "</label> <button type=\"submit\">Show the changes</button>"
             "</form>");
    return Page(200, h);
  }

  HttpResponse Upload(const HttpRequest& request) {
    std::optional<Identity> who;
    if (auto refused = RequireAdmin(request, &who)) return *refused;
    Result<std::string> boundary =
        MultipartBoundary(request.header("Content-Type").value_or(""));
    if (!boundary.ok()) return Message(415, boundary.status().message());
    Result<std::vector<MultipartPart>> parts =
        ParseMultipart(request.body, *boundary);
    if (!parts.ok()) return Message(400, parts.status().message());
    const MultipartPart* csrf = FindPart(*parts, kCsrfField);
    const Status allowed = auth_->CheckWrite(
        request, *who, csrf != nullptr ? csrf->body : std::string_view());
    if (!allowed.ok()) return Message(403, allowed.message());
    const MultipartPart* file = FindPart(*parts, "file");
    if (file == nullptr || file->body.empty()) {
      return Message(400, "file: choose a file to import");
    }
    if (static_cast<int64_t>(file->body.size()) > options_.limits.max_input_bytes) {
      return Message(413, "file: larger than the limit max_input_bytes (" +
                              std::to_string(options_.limits.max_input_bytes) +
                              " bytes)");
    }
    Result<std::string> id = uploads_.Put(file->body, file->filename, who->email);
    if (!id.ok()) {
      LogError("import upload: " + id.status().ToString());
      return Message(500, "the upload could not be kept");
    }
    return Preview(request, *id, uploads_.Get(*id, who->email)->path);
  }

  HttpResponse Confirm(const HttpRequest& request) {
    std::optional<Identity> who;
    if (auto refused = RequireAdmin(request, &who)) return *refused;
    if (static_cast<int64_t>(request.body.size()) >
        options_.limits.max_form_body_bytes) {
      return PayloadTooLargeResponse(options_.limits.max_form_body_bytes);
    }
    Result<FormFields> fields = ParseFormUrlEncoded(request.body);
    if (!fields.ok()) return Message(400, fields.status().message());
    const std::string* csrf = FindFormField(*fields, kCsrfField);
    const Status allowed =
        auth_->CheckWrite(request, *who, csrf != nullptr ? *csrf : "");
    if (!allowed.ok()) return Message(403, allowed.message());
    const std::string* id = FindFormField(*fields, "id");
    std::optional<Uploads::Entry> upload;
    if (id != nullptr) upload = uploads_.Get(*id, who->email);
    if (!upload) {
      return Message(404, "this upload is unknown or expired; upload the "
                          "file again");
    }
    HttpResponse response = Apply(*id, upload->path);
    uploads_.Remove(*id);
    return response;
  }

 private:
  // nullopt when the caller is an admin (*who set); else the answer.
  std::optional<HttpResponse> RequireAdmin(const HttpRequest& request,
                                           std::optional<Identity>* who) {
    *who = auth_->Identify(request);
    if (!*who) {
      HttpResponse r;
      r.status = 303;
      r.headers.Set("Location", "/login?next=%2Fadmin%2Fimport");
      r.headers.Set("Cache-Control", "no-store");
      return r;
    }
    if (!(*who)->admin) return Message(403, "only admins may import");
    return std::nullopt;
  }

  // Reads and plans on the job thread. Non-OK: the file is unreadable.
  Result<ImportPreview> Plan(const std::string& path) {
    return jobs_.Run([&]() -> Result<ImportPreview> {
      OKR_ASSIGN_OR_RETURN(Organisation stored, store_->Load());
      return options_.planner(path, stored, clock_->Now(), options_.limits);
    });
  }

  HttpResponse Preview(const HttpRequest& request, const std::string& id,
                       const std::string& path) {
    Result<ImportPreview> preview = Plan(path);
    const std::string strip = uploads_.Prefix(id);
    if (!preview.ok() || !preview->plan) {
      uploads_.Remove(id);
      std::vector<std::string> errors =
          preview.ok() ? preview->errors
                       : std::vector<std::string>{preview.status().message()};
      Html h;
      h.Raw("<p class=\"form-error\" role=\"alert\">The file was refused; "
            "nothing was written.</p>")
          .Append(Lines("Errors", std::move(errors), strip));
      if (preview.ok()) h.Append(Lines("Warnings", preview->warnings, strip));
      return Page(422, h);
    }
    const ImportPlan& plan = *preview->plan;
    Html h;
    h.Raw("<p>Dry run: nothing was written yet.</p>").Append(Counts(plan));
    h.Append(Lines("Warnings", preview->warnings, strip));
    std::vector<std::string> changes;
    for (const Change& c : plan.changes) changes.push_back(c.ToString());
    if (changes.empty()) {
      uploads_.Remove(id);
      h.Raw("<p>The file changes nothing.</p>");
      return Page(200, h);
    }
    h.Append(Lines("Changes", std::move(changes), strip));
    h.Raw("<form method=\"post\" action=\"/admin/import/confirm\">"
          "<input type=\"hidden\"")
        .Attr("name", kCsrfField).Attr("value", auth_->CsrfToken(request))
        .Raw("><input type=\"hidden\" name=\"id\"").Attr("value", id)
        .Raw("><button type=\"submit\">Apply these changes</button></form>");
    return Page(200, h);
  }

  HttpResponse Apply(const std::string& id, const std::string& path) {
    const std::string strip = uploads_.Prefix(id);
    Result<ImportPreview> preview =
        jobs_.Run([&] { return PlanAndApply(path); });
    if (!preview.ok() || !preview->plan) {
      std::vector<std::string> errors =
          preview.ok() ? preview->errors
                       : std::vector<std::string>{preview.status().message()};
      Html h;
      h.Raw("<p class=\"form-error\" role=\"alert\">The import was refused; "
            "nothing was written.</p>")
          .Append(Lines("Errors", std::move(errors), strip));
      return Page(preview.ok() ? 422 : 503, h);
    }
    Html h;
    h.Raw("<p class=\"notice\" role=\"status\">Imported: the changes are "
          "applied.</p>")
        .Append(Counts(*preview->plan));
    return Page(200, h);
  }

  // Plans against the data as stored and applies, in one write
  // transaction, so no check-in lands in between (they wait for it).
  Result<ImportPreview> PlanAndApply(const std::string& path) {
    ImportPreview preview;
    const Status applied = store_->ApplyImportPlannedBy(
        [&](const Organisation& stored)
            -> Result<std::optional<ImportPlan>> {
          OKR_ASSIGN_OR_RETURN(preview, options_.planner(path, stored,
                                                         clock_->Now(),
                                                         options_.limits));
          if (!preview.plan || !preview.plan->HasChanges()) {
            return std::optional<ImportPlan>();
          }
          return preview.plan;
        });
    if (!applied.ok()) return applied;
    return preview;
  }

  Store* const store_;
  const Clock* const clock_;
  const Auth* const auth_;
  const AdminImportOptions options_;
  Uploads uploads_;
  JobQueue jobs_;  // Last: its thread stops before the rest goes.
};

}  // namespace

void AddAdminImportRoutes(Router* router, Store* store, const Clock* clock,
                          const Auth* auth, AdminImportOptions options) {
  if (options.upload_dir.empty()) options.upload_dir = store->path() + ".uploads";
  auto admin = std::make_shared<AdminImport>(store, clock, auth,
                                             std::move(options));
  router->Add({HttpMethod::kGet, HttpMethod::kPost}, "/admin/import",
              [admin](const HttpRequest& request) {
                return request.method == "POST" ? admin->Upload(request)
                                                : admin->Form(request);
              });
  router->Add({HttpMethod::kPost}, "/admin/import/confirm",
              [admin](const HttpRequest& request) {
                return admin->Confirm(request);
              });
}

}  // namespace okr::web
