// Copyright 2026 The okrd Authors.
//
// ZipArchive: read-only access to a zip archive held in memory (an XLSX or
// ODS file), over libzip, with every bound of Limits enforced on the bytes
// actually inflated. libzip 1.7.3 trusts the sizes an archive declares, so
// this class counts for itself.
//
// Open:
//   - `bytes` is not copied and must outlive the archive;
//   - more than max_zip_entries entries -> ResourceExhausted;
//   - two entries whose names are equal after '\' -> '/', dropping a leading
//     '/' and ASCII case folding -> InvalidArgument (readers disagree on
//     which one counts, so neither is trusted);
//   - bytes that are not a zip archive -> InvalidArgument.
//   The import deadline (Limits::deadline_ms) starts at Open.
//
// Read streams one entry's inflated bytes to a callback in chunks of at most
// kChunkBytes; the callback's view is valid only during the call. Errors:
//   - an encrypted entry -> InvalidArgument "... is password-protected";
//   - more bytes than the entry declares -> InvalidArgument (a lying header);
//   - a declared or actual size above max_part_inflated_bytes, a declared
//     inflated/compressed ratio above max_inflate_ratio for a part over
//     kRatioGraceBytes, a running total over all reads above
//     max_inflated_bytes, or the deadline passing -> ResourceExhausted
//     naming the limit. Declared sizes are checked before anything is
//     inflated, and no part may inflate past its declared size, so an
//     honest bomb costs no work and a lying one stops one chunk past its
//     lie;
//   - a CRC or inflate error -> InvalidArgument;
//   - a non-OK Status from the callback, returned unchanged.
// Messages about an entry start with "<file name>: <entry name>: ", the
// others (Open, the deadline) with "<file name>: "; an empty file name is
// written "<input>".
//
// Threads: thread-compatible; one archive is used by one thread at a time.
// Read may inflate a large part on a helper thread of its own (joined
// before Read returns) to overlap inflating with parsing; the callback is
// always called on the thread that called Read.

#ifndef OKR_IMPORTERS_ZIP_ZIP_ARCHIVE_H_
#define OKR_IMPORTERS_ZIP_ZIP_ARCHIVE_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/limits.h"
#include "core/base/result.h"
#include "core/base/status.h"

struct zip;       // libzip's archive handle (zip_t).
struct zip_file;  // libzip's open entry (zip_file_t).

namespace okr {

class ZipArchive {
 public:
  static constexpr size_t kChunkBytes = 64 << 10;
  // Parts smaller than this are never rejected for their ratio: small
  // repetitive parts (styles, empty sheets) compress very well.
  static constexpr int64_t kRatioGraceBytes = 1 << 20;
  // Parts at least this large are inflated on a helper thread, one chunk
  // ahead of the callback (see Read).
  static constexpr uint64_t kPrefetchMinBytes = 1 << 20;

  struct Entry {
    std::string name;    // As stored, '\' made '/', no leading '/'.
    uint64_t index = 0;  // libzip's index.
    uint64_t size = 0;   // Declared inflated size (checked on read).
    uint64_t compressed_size = 0;
    bool encrypted = false;
  };

  using ChunkCallback = std::function<Status(std::string_view chunk)>;

  // See the file comment. `file_name` is used in messages only.
  static Result<ZipArchive> Open(std::string_view bytes,
                                 std::string_view file_name,
                                 const Limits& limits);

  ZipArchive(ZipArchive&& other) noexcept;
  ZipArchive& operator=(ZipArchive&& other) noexcept;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  const std::vector<Entry>& entries() const { return entries_; }

  // The entry named `name` (normalised as in Open): an exact match, else an
  // ASCII case-insensitive one, as Excel resolves part names. Null if none.
  const Entry* Find(std::string_view name) const;

  // Streams `entry` (one of entries()) to `on_chunk`. See the file comment.
  Status Read(const Entry& entry, const ChunkCallback& on_chunk);

  // Reads a whole entry into a string; for small parts (manifests).
  Result<std::string> ReadToString(const Entry& entry);

  // ResourceExhausted once Limits::deadline_ms has passed since Open.
  Status CheckDeadline() const;

  // Inflated bytes delivered by all reads so far.
  int64_t inflated_total() const { return inflated_total_.load(); }
  const std::string& file_name() const { return file_name_; }

 private:
  ZipArchive(zip* archive, std::string file_name, const Limits& limits);
  Status LoadEntries(int64_t input_bytes);
  Status CheckEntryBeforeRead(const Entry& entry) const;
  Status CountChunk(const Entry& entry, int64_t part_bytes, int64_t chunk);
  Result<size_t> NextChunk(zip_file* file, const Entry& entry, char* buffer,
                           int64_t* part_bytes);
  // Reads with a helper thread inflating ahead; nullopt (nothing read) if
  // no thread could be started.
  std::optional<Status> ReadAhead(zip_file* file, const Entry& entry,
                                  const ChunkCallback& on_chunk);
  struct ReadAheadJob;
  static void* RunReadAhead(void* job);  // The helper thread's body.
  bool ExceedsRatio(const Entry& entry, uint64_t inflated) const;
  Status PartError(const Entry& entry, StatusCode code,
                   std::string_view message) const;

  zip* archive_ = nullptr;  // Owned; closed with zip_discard.
  std::string file_name_;
  Limits limits_;
  std::chrono::steady_clock::time_point deadline_;
  std::vector<Entry> entries_;
  std::unique_ptr<char[]> buffer_;          // kChunkBytes, for Read.
  std::atomic<int64_t> inflated_total_{0};  // Also counted by ReadAhead.
};

// Normalises an entry or part name: '\' -> '/', leading '/' dropped.
std::string NormalizeZipName(std::string_view name);

// Whether `bytes` starts like an OLE compound file (an encrypted OOXML
// package, or a legacy .xls): D0 CF 11 E0 A1 B1 1A E1.
bool LooksLikeCompoundFile(std::string_view bytes);

}  // namespace okr

#endif  // OKR_IMPORTERS_ZIP_ZIP_ARCHIVE_H_
