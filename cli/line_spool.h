// Copyright 2026 The okrd Authors.
//
// LineSpool: lines of text set aside to be written later, in the order
// added. They are kept in an anonymous temporary file (std::tmpfile, gone
// when the spool is), so holding many lines costs no memory: `okrd import`
// spools a large file's lint lines (hundreds of thousands) while it plans,
// and prints them after the summary. When no temporary file can be made
// (no writable TMPDIR), or a write to it fails, the lines are kept in
// memory instead; nothing is lost either way.
//
// Errors: none reported; a failed read-back falls back to what is in memory.
// Threads: thread-compatible (one thread uses a spool). `out` is not owned.

#ifndef OKR_CLI_LINE_SPOOL_H_
#define OKR_CLI_LINE_SPOOL_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace okr {

class LineSpool {
 public:
  enum class Storage { kTemporaryFile, kMemory };
  explicit LineSpool(Storage storage = Storage::kTemporaryFile);
  LineSpool(const LineSpool&) = delete;
  LineSpool& operator=(const LineSpool&) = delete;

  // Adds `line`, which should not hold a '\n' (one is appended).
  void Add(std::string_view line);
  int64_t lines() const { return lines_; }
  // Whether lines go to a temporary file (false: memory).
  bool on_disk() const { return file_ != nullptr; }

  // Writes every line added so far to `out`, in order, and empties the
  // spool (lines() is 0 afterwards).
  void WriteTo(std::FILE* out);

 private:
  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::string memory_;
  int64_t lines_ = 0;
};

}  // namespace okr

#endif  // OKR_CLI_LINE_SPOOL_H_
