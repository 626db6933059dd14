// Copyright 2026 The okrd Authors.
//
// ZipArchive::ReadAhead: a large part is inflated on a helper thread into a
// small ring of chunks while the calling thread parses the previous ones,
// so inflating (a quarter of an XLSX import) overlaps with XML parsing.
// The helper applies the same checks as a plain read (NextChunk); chunks
// reach the callback in order, on the calling thread, followed by the
// helper's error if it had one. The helper is always joined before
// ReadAhead returns, and libzip is only touched by it meanwhile.

#include <pthread.h>

#include <condition_variable>
#include <memory>
#include <mutex>

#include "importers/zip/zip_archive.h"

namespace okr {
namespace {

constexpr int64_t kSlots = 4;

// The ring shared by the consumer (the caller) and the producer (helper).
struct Ring {
  std::mutex mu;
  std::condition_variable cv;
  std::unique_ptr<char[]> data[kSlots];
  size_t size[kSlots] = {};
  int64_t produced = 0;    // Chunks filled, ever.
  int64_t consumed = 0;    // Chunks given back by the consumer, ever.
  bool finished = false;   // The producer stopped: end of part or error.
  bool cancelled = false;  // The consumer wants no more chunks.
  Status status;           // The producer's error, if any.
};

// Hands the filled chunks to `on_chunk` in order; returns the callback's
// error, else the producer's final status.
Status Consume(Ring* ring, const ZipArchive::ChunkCallback& on_chunk) {
  for (;;) {
    int64_t slot = 0;
    {
      std::unique_lock<std::mutex> lock(ring->mu);
      ring->cv.wait(lock, [ring] {
        return ring->produced > ring->consumed || ring->finished;
      });
      if (ring->produced == ring->consumed) return ring->status;
      slot = ring->consumed % kSlots;
    }
    OKR_RETURN_IF_ERROR(
        on_chunk(std::string_view(ring->data[slot].get(), ring->size[slot])));
    std::lock_guard<std::mutex> lock(ring->mu);
    ++ring->consumed;
    ring->cv.notify_all();
  }
}

}  // namespace

struct ZipArchive::ReadAheadJob {
  ZipArchive* zip;
  zip_file* file;
  const Entry* entry;
  Ring ring;
};

void* ZipArchive::RunReadAhead(void* arg) {
  auto* job = static_cast<ReadAheadJob*>(arg);
  Ring& ring = job->ring;
  int64_t part_bytes = 0;
  for (;;) {
    int64_t slot = 0;
    {
      std::unique_lock<std::mutex> lock(ring.mu);
      ring.cv.wait(lock, [&ring] {
        return ring.cancelled || ring.produced - ring.consumed < kSlots;
      });
      if (ring.cancelled) break;
      slot = ring.produced % kSlots;
    }
    Result<size_t> n = job->zip->NextChunk(job->file, *job->entry,
                                           ring.data[slot].get(), &part_bytes);
    std::lock_guard<std::mutex> lock(ring.mu);
    if (!n.ok() || *n == 0) {
      ring.status = n.status();
      break;
    }
    ring.size[slot] = *n;
    ++ring.produced;
    ring.cv.notify_all();
  }
  std::lock_guard<std::mutex> lock(ring.mu);
  ring.finished = true;
  ring.cv.notify_all();
  return nullptr;
}

std::optional<Status> ZipArchive::ReadAhead(zip_file* file, const Entry& entry,
                                            const ChunkCallback& on_chunk) {
  ReadAheadJob job{this, file, &entry, {}};
  for (auto& data : job.ring.data) data.reset(new char[kChunkBytes]);
  pthread_t thread;
  if (pthread_create(&thread, nullptr, &ZipArchive::RunReadAhead, &job) != 0) {
    return std::nullopt;  // The caller reads without a helper.
  }
  Status status = Consume(&job.ring, on_chunk);
  {
    std::lock_guard<std::mutex> lock(job.ring.mu);
    job.ring.cancelled = true;
    job.ring.cv.notify_all();
  }
  pthread_join(thread, nullptr);
  return status;
}

}  // namespace okr
