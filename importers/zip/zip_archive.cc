// Copyright 2026 The okrd Authors.

#include "importers/zip/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <cassert>
#include <optional>
#include <utility>

namespace okr {
namespace {

std::string Prefix(std::string_view file) {
  return file.empty() ? std::string("<input>") : std::string(file);
}

char FoldAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (FoldAscii(a[i]) != FoldAscii(b[i])) return false;
  }
  return true;
}

std::string Folded(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = FoldAscii(c);
  return out;
}

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using FilePtr = std::unique_ptr<zip_file_t, FileCloser>;

// A deadline far enough away for "no practical limit" without overflow.
constexpr int64_t kMaxDeadlineMs = int64_t{365} * 24 * 3600 * 1000;

}  // namespace

std::string NormalizeZipName(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '\\', '/');
  size_t start = 0;
  while (start < out.size() && out[start] == '/') ++start;
  return out.substr(start);
}

bool LooksLikeCompoundFile(std::string_view bytes) {
  static constexpr std::string_view kMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
                                           8);
  return bytes.substr(0, kMagic.size()) == kMagic;
}

ZipArchive::ZipArchive(zip* archive, std::string file_name,
                       const Limits& limits)
    : archive_(archive),
      file_name_(std::move(file_name)),
      limits_(limits),
      buffer_(new char[kChunkBytes]) {
  const int64_t ms = std::clamp<int64_t>(limits.deadline_ms, 0, kMaxDeadlineMs);
  deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
}

ZipArchive::ZipArchive(ZipArchive&& other) noexcept
    : archive_(std::exchange(other.archive_, nullptr)),
      file_name_(std::move(other.file_name_)),
      limits_(other.limits_),
      deadline_(other.deadline_),
      entries_(std::move(other.entries_)),
      buffer_(std::move(other.buffer_)),
      inflated_total_(other.inflated_total_.load()) {}

ZipArchive& ZipArchive::operator=(ZipArchive&& other) noexcept {
  if (this != &other) {
    if (archive_ != nullptr) zip_discard(archive_);
    archive_ = std::exchange(other.archive_, nullptr);
    file_name_ = std::move(other.file_name_);
    limits_ = other.limits_;
    deadline_ = other.deadline_;
    entries_ = std::move(other.entries_);
    buffer_ = std::move(other.buffer_);
    inflated_total_ = other.inflated_total_.load();
  }
  return *this;
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

Result<ZipArchive> ZipArchive::Open(std::string_view bytes,
                                    std::string_view file_name,
                                    const Limits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = nullptr;
  if (source != nullptr) {
    archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (archive == nullptr) zip_source_free(source);
  }
  if (archive == nullptr) {
    std::string message = Prefix(file_name) + ": not a readable zip archive (" +
                          zip_error_strerror(&error) + ")";
    zip_error_fini(&error);
    return InvalidArgument(std::move(message));
  }
  zip_error_fini(&error);
  ZipArchive result(archive, std::string(file_name), limits);
  OKR_RETURN_IF_ERROR(result.LoadEntries(static_cast<int64_t>(bytes.size())));
  return result;
}

Status ZipArchive::LoadEntries(int64_t input_bytes) {
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  if (count > limits_.max_zip_entries) {
    return ResourceExhausted(Prefix(file_name_) +
                             ": more than max_zip_entries (" +
                             std::to_string(limits_.max_zip_entries) +
                             ") entries: " + std::to_string(count));
  }
  std::vector<std::string> folded;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    const auto index = static_cast<zip_uint64_t>(i);
    if (zip_stat_index(archive_, index, 0, &stat) != 0 ||
        stat.name == nullptr) {
      return InvalidArgument(Prefix(file_name_) + ": zip entry " +
                             std::to_string(i) + " cannot be read (" +
                             zip_strerror(archive_) + ")");
    }
    Entry entry{
        NormalizeZipName(stat.name), index, stat.size,
        std::min<uint64_t>(stat.comp_size, static_cast<uint64_t>(input_bytes)),
        stat.encryption_method != ZIP_EM_NONE};
    folded.push_back(Folded(entry.name));
    entries_.push_back(std::move(entry));
  }
  std::sort(folded.begin(), folded.end());
  const auto dup = std::adjacent_find(folded.begin(), folded.end());
  if (dup != folded.end()) {
    return InvalidArgument(Prefix(file_name_) +
                           ": the zip archive has two "
                           "entries named \"" +
                           *dup +
                           "\" (ignoring case); refusing to guess which "
                           "one counts");
  }
  return Status::Ok();
}

const ZipArchive::Entry* ZipArchive::Find(std::string_view name) const {
  const std::string wanted = NormalizeZipName(name);
  for (const Entry& entry : entries_) {
    if (entry.name == wanted) return &entry;
  }
  for (const Entry& entry : entries_) {
    if (EqualsIgnoringAsciiCase(entry.name, wanted)) return &entry;
  }
  return nullptr;
}

Status ZipArchive::PartError(const Entry& entry, StatusCode code,
                             std::string_view message) const {
  std::string text = Prefix(file_name_) + ": " + entry.name + ": ";
  text += message;
  return Status(code, std::move(text));
}

Status ZipArchive::CheckEntryBeforeRead(const Entry& entry) const {
  if (entry.encrypted) {
    return PartError(entry, StatusCode::kInvalidArgument,
                     "file is password-protected (encrypted zip entry)");
  }
  if (entry.size > static_cast<uint64_t>(limits_.max_part_inflated_bytes)) {
    return PartError(entry, StatusCode::kResourceExhausted,
                     "declares " + std::to_string(entry.size) +
                         " bytes, more than max_part_inflated_bytes (" +
                         std::to_string(limits_.max_part_inflated_bytes) + ")");
  }
  if (ExceedsRatio(entry, entry.size)) {
    return PartError(entry, StatusCode::kResourceExhausted,
                     "declares " + std::to_string(entry.size) +
                         " bytes, more than max_inflate_ratio (" +
                         std::to_string(limits_.max_inflate_ratio) +
                         ") times its compressed size of " +
                         std::to_string(entry.compressed_size) +
                         " bytes (a zip bomb?)");
  }
  return CheckDeadline();
}

bool ZipArchive::ExceedsRatio(const Entry& entry, uint64_t inflated) const {
  const double compressed =
      static_cast<double>(std::max<uint64_t>(entry.compressed_size, 1));
  return inflated > static_cast<uint64_t>(kRatioGraceBytes) &&
         static_cast<double>(inflated) >
             compressed * static_cast<double>(limits_.max_inflate_ratio);
}

Status ZipArchive::CountChunk(const Entry& entry, int64_t part_bytes,
                              int64_t chunk) {
  const int64_t total =
      inflated_total_.fetch_add(chunk, std::memory_order_relaxed) + chunk;
  if (static_cast<uint64_t>(part_bytes) > entry.size) {
    return PartError(entry, StatusCode::kInvalidArgument,
                     "inflates to more than the " + std::to_string(entry.size) +
                         " bytes its zip header declares");
  }
  if (part_bytes > limits_.max_part_inflated_bytes) {
    return PartError(entry, StatusCode::kResourceExhausted,
                     "more than max_part_inflated_bytes (" +
                         std::to_string(limits_.max_part_inflated_bytes) +
                         ") bytes when inflated");
  }
  if (total > limits_.max_inflated_bytes) {
    return PartError(entry, StatusCode::kResourceExhausted,
                     "the archive inflates to more than max_inflated_bytes (" +
                         std::to_string(limits_.max_inflated_bytes) +
                         ") bytes");
  }
  return CheckDeadline();
}

Result<size_t> ZipArchive::NextChunk(zip_file* file, const Entry& entry,
                                     char* buffer, int64_t* part_bytes) {
  const zip_int64_t n = zip_fread(file, buffer, kChunkBytes);
  if (n < 0) {
    return PartError(
        entry, StatusCode::kInvalidArgument,
        std::string("cannot be inflated (") + zip_file_strerror(file) + ")");
  }
  if (n == 0) {
    if (static_cast<uint64_t>(*part_bytes) == entry.size) return size_t{0};
    return PartError(entry, StatusCode::kInvalidArgument,
                     "holds " + std::to_string(*part_bytes) +
                         " bytes, not the " + std::to_string(entry.size) +
                         " its zip header declares");
  }
  *part_bytes += n;
  OKR_RETURN_IF_ERROR(CountChunk(entry, *part_bytes, n));
  return static_cast<size_t>(n);
}

Status ZipArchive::Read(const Entry& entry, const ChunkCallback& on_chunk) {
  assert(archive_ != nullptr);
  OKR_RETURN_IF_ERROR(CheckEntryBeforeRead(entry));
  FilePtr file(zip_fopen_index(archive_, entry.index, 0));
  if (file == nullptr) {
    return PartError(
        entry, StatusCode::kInvalidArgument,
        std::string("cannot be opened (") + zip_strerror(archive_) + ")");
  }
  if (entry.size >= kPrefetchMinBytes) {
    std::optional<Status> status = ReadAhead(file.get(), entry, on_chunk);
    if (status) return *std::move(status);
  }
  int64_t part_bytes = 0;
  for (;;) {
    OKR_ASSIGN_OR_RETURN(const size_t n, NextChunk(file.get(), entry,
                                                   buffer_.get(), &part_bytes));
    if (n == 0) return Status::Ok();
    OKR_RETURN_IF_ERROR(on_chunk(std::string_view(buffer_.get(), n)));
  }
}

Result<std::string> ZipArchive::ReadToString(const Entry& entry) {
  std::string out;
  OKR_RETURN_IF_ERROR(Read(entry, [&out](std::string_view chunk) {
    out.append(chunk);
    return Status::Ok();
  }));
  return out;
}

Status ZipArchive::CheckDeadline() const {
  if (std::chrono::steady_clock::now() <= deadline_) return Status::Ok();
  return ResourceExhausted(Prefix(file_name_) +
                           ": reading took longer than deadline_ms (" +
                           std::to_string(limits_.deadline_ms) + ")");
}

}  // namespace okr
