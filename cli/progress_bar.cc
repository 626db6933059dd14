// Copyright 2026 The okrd Authors.

#include "cli/progress_bar.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace okr {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr int kBarWidth = 30;

}  // namespace

bool ShouldShowProgress(std::FILE* err, const std::string& path) {
  if (err == nullptr || !isatty(fileno(err))) return false;
  struct stat st;
  return stat(path.c_str(), &st) == 0 && st.st_size >= kProgressMinBytes;
}

ProgressBar::ProgressBar(std::FILE* out, std::string label, bool enabled)
    : out_(out), label_(std::move(label)), enabled_(enabled) {}

ProgressBar::~ProgressBar() { Clear(); }

void ProgressBar::Update(int64_t done, int64_t total) {
  if (!enabled_ || total <= 0) return;
  const int percent = static_cast<int>(
      std::clamp<int64_t>(done, 0, total) * 100 / total);
  const auto now = std::chrono::steady_clock::now();
  if (percent == percent_ || (drawn_ && now - last_ < kRedrawEvery)) return;
  percent_ = percent;
  last_ = now;
  drawn_ = true;
  const int filled = percent * kBarWidth / 100;
  std::string bar(static_cast<size_t>(filled), '=');
  if (filled < kBarWidth) bar += '>';
  bar.resize(kBarWidth, ' ');
  std::fprintf(out_, "\rokrd import: %s %3d%% [%s]", label_.c_str(), percent,
               bar.c_str());
  std::fflush(out_);
}

void ProgressBar::Clear() {
  if (!drawn_) return;
  std::fprintf(out_, "\r\x1b[K");
  std::fflush(out_);
  drawn_ = false;
  percent_ = -1;
}

}  // namespace okr
