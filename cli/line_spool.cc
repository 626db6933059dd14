// Copyright 2026 The okrd Authors.

#include "cli/line_spool.h"

#include <array>

namespace okr {

LineSpool::LineSpool(Storage storage)
    : file_(storage == Storage::kTemporaryFile ? std::tmpfile() : nullptr) {}

void LineSpool::Add(std::string_view line) {
  ++lines_;
  if (file_) {
    const bool ok =
        std::fwrite(line.data(), 1, line.size(), file_.get()) == line.size() &&
        std::fputc('\n', file_.get()) != EOF;
    if (ok) return;
    // The disk filled up: what the file holds moves to memory first, so the
    // order stays as added. The line being written goes in once, whole.
    const int64_t added = lines_;
    std::fflush(file_.get());
    std::rewind(file_.get());
    std::string kept;
    std::array<char, 1 << 16> buf;
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), file_.get())) > 0) {
      kept.append(buf.data(), n);
    }
    // Drop the partial last line the failed write may have left.
    const size_t complete = kept.rfind('\n');
    kept.resize(complete == std::string::npos ? 0 : complete + 1);
    file_.reset();
    memory_ = std::move(kept);
    lines_ = added;
  }
  memory_.append(line);
  memory_.push_back('\n');
}

void LineSpool::WriteTo(std::FILE* out) {
  if (file_) {
    std::fflush(file_.get());
    std::rewind(file_.get());
    std::array<char, 1 << 16> buf;
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), file_.get())) > 0) {
      std::fwrite(buf.data(), 1, n, out);
    }
    file_.reset(std::tmpfile());
  }
  std::fwrite(memory_.data(), 1, memory_.size(), out);
  memory_.clear();
  lines_ = 0;
}

}  // namespace okr
