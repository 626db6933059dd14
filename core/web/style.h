// Copyright 2026 The okrd Authors.
//
// The status page's static assets, compiled in: one stylesheet and one icon.
// Each has a content-hashed path (immutable, cached for a year) and a plain
// path (revalidated). Thread-safe: everything is computed once.

#ifndef OKR_CORE_WEB_STYLE_H_
#define OKR_CORE_WEB_STYLE_H_

#include <string>
#include <string_view>

namespace okr::web {

struct StaticAsset {
  std::string_view content_type;
  std::string_view body;
  std::string plain_path;   // "/static/style.css"
  std::string hashed_path;  // "/static/style-0123456789abcdef.css"
  std::string etag;         // Quoted strong ETag of the body.
};

const StaticAsset& StyleSheetAsset();
const StaticAsset& IconAsset();

}  // namespace okr::web

#endif  // OKR_CORE_WEB_STYLE_H_
