// Copyright 2026 The okrd Authors.

#include "core/web/multipart.h"

#include <algorithm>

#include "core/base/ascii.h"
#include "core/web/request_body.h"

namespace okr::web {
namespace {

constexpr size_t kMaxHeaderBytes = 8192;

bool BoundaryChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') ||
         std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of parameter `key` in "; a=b; key="v"" (quoted or token).
bool Param(std::string_view params, std::string_view key, std::string* out) {
  while (!params.empty()) {
    const size_t semi = params.find(';');
    if (semi == std::string_view::npos) return false;
    params.remove_prefix(semi + 1);
    params = Trim(params);
    const size_t eq = params.find('=');
    if (eq == std::string_view::npos) return false;
    const bool match = EqualsIgnoreCase(Trim(params.substr(0, eq)), key);
    params.remove_prefix(eq + 1);
    std::string value;
    if (!params.empty() && params.front() == '"') {
      const size_t close = params.find('"', 1);
      if (close == std::string_view::npos) return false;
      value = std::string(params.substr(1, close - 1));
      params.remove_prefix(close + 1);
    } else {
      value = std::string(Trim(params.substr(0, params.find(';'))));
      params.remove_prefix(std::min(params.size(), params.find(';')));
    }
    if (match) {
      *out = std::move(value);
      return true;
    }
  }
  return false;
}

Status ParseHeaders(std::string_view block, size_t index, MultipartPart* part) {
  const std::string where = "multipart part " + std::to_string(index + 1);
  for (char c : block) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\r' && c != '\n' && c != '\t') || u == 0x7F) {
      return InvalidArgument(where + ": control byte in its headers");
    }
  }
  bool disposition = false;
  while (!block.empty()) {
    const size_t eol = block.find("\r\n");
    const std::string_view line = block.substr(0, eol);
    block.remove_prefix(eol == std::string_view::npos ? block.size() : eol + 2);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return InvalidArgument(where + ": malformed header line");
    }
    const std::string_view name = Trim(line.substr(0, colon));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsIgnoreCase(name, "Content-Disposition")) {
      if (MediaType(value) != "form-data" ||
          !Param(value, "name", &part->name) || part->name.empty()) {
        return InvalidArgument(where + ": needs Content-Disposition: "
                               "form-data; name=\"...\"");
      }
      Param(value, "filename", &part->filename);
      disposition = true;
    } else if (EqualsIgnoreCase(name, "Content-Type")) {
      part->content_type = std::string(value);
    }
  }
  if (!disposition) {
    return InvalidArgument(where + ": no Content-Disposition header");
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> MultipartBoundary(std::string_view content_type) {
  if (MediaType(content_type) != "multipart/form-data") {
    return InvalidArgument("not multipart/form-data");
  }
  std::string boundary;
  if (!Param(content_type, "boundary", &boundary) || boundary.empty() ||
      boundary.size() > 70 || boundary.back() == ' ') {
    return InvalidArgument("multipart/form-data without a valid boundary");
  }
  for (char c : boundary) {
    if (!BoundaryChar(c)) {
      return InvalidArgument("multipart/form-data without a valid boundary");
    }
  }
  return boundary;
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body,
                                                  std::string_view boundary,
                                                  size_t max_parts) {
  const std::string first = "--" + std::string(boundary) + "\r\n";
  const std::string delimiter = "\r\n--" + std::string(boundary);
  if (!body.starts_with(first)) {
    return InvalidArgument("multipart body does not start with its boundary");
  }
  body.remove_prefix(first.size());
  std::vector<MultipartPart> parts;
  while (true) {
    if (parts.size() == max_parts) {
      return InvalidArgument("more than " + std::to_string(max_parts) +
                             " multipart parts");
    }
    const size_t header_end = body.find("\r\n\r\n");
    if (header_end == std::string_view::npos || header_end > kMaxHeaderBytes) {
      return InvalidArgument("multipart part " +
                             std::to_string(parts.size() + 1) +
                             ": headers missing or too long");
    }
    MultipartPart part;
    OKR_RETURN_IF_ERROR(
        ParseHeaders(body.substr(0, header_end), parts.size(), &part));
    body.remove_prefix(header_end + 4);
    const size_t end = body.find(delimiter);
    if (end == std::string_view::npos) {
      return InvalidArgument("multipart body ends inside part " +
                             std::to_string(parts.size() + 1));
    }
    part.body = body.substr(0, end);
    parts.push_back(std::move(part));
    body.remove_prefix(end + delimiter.size());
    if (body.starts_with("--")) {
      body.remove_prefix(2);
      if (!body.empty() && body != "\r\n") {
        return InvalidArgument("data after the closing multipart boundary");
      }
      return parts;
    }
    if (!body.starts_with("\r\n")) {
      return InvalidArgument("malformed multipart boundary line");
    }
    body.remove_prefix(2);
  }
}

const MultipartPart* FindPart(const std::vector<MultipartPart>& parts,
                              std::string_view name) {
  for (const MultipartPart& p : parts) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace okr::web
