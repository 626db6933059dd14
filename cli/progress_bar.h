// Copyright 2026 The okrd Authors.
//
// ProgressBar: one line on a terminal's stderr while `okrd import` reads a
// large file:
//   okrd import: reading plan.xlsx  42% [===========>                ]
// Redrawn in place ('\r') at most every 100 ms and only when the percentage
// moved, erased ("\r\x1b[K") by Clear() or the destructor, so nothing is left
// behind for the lines that follow. A disabled bar writes nothing; the
// caller decides (ShouldShowProgress). Thread-compatible; not owned `out`.

#ifndef OKR_CLI_PROGRESS_BAR_H_
#define OKR_CLI_PROGRESS_BAR_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace okr {

// Files of at least this many bytes get a bar: below it a read takes well
// under a second (about 0.1 s for 4 MB of XLSX, which holds ~90,000 cells).
inline constexpr int64_t kProgressMinBytes = 4 << 20;

// True when `err` is a terminal and the file at `path` is at least
// kProgressMinBytes (a missing file: false; its error comes later).
bool ShouldShowProgress(std::FILE* err, const std::string& path);

class ProgressBar {
 public:
  // `label` names what is going on: "reading plan.xlsx".
  ProgressBar(std::FILE* out, std::string label, bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // `done` of `total` units; done > total shows 100%, total <= 0 nothing.
  void Update(int64_t done, int64_t total);
  // Erases the line if anything was drawn; later Updates draw again.
  void Clear();

 private:
  std::FILE* out_;
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  int percent_ = -1;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace okr

#endif  // OKR_CLI_PROGRESS_BAR_H_
