// Copyright 2026 The okrd Authors.
//
// JobQueue: one thread of its own (default stack, not a CivetWeb worker's
// 100 KiB) that runs jobs in order. Run() blocks the caller until its job
// has run and returns the job's result; an exception in a job comes back
// out of Run() on the caller's thread. The destructor finishes queued jobs
// and joins. Thread-safe.

#ifndef OKR_CORE_WEB_JOB_QUEUE_H_
#define OKR_CORE_WEB_JOB_QUEUE_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace okr::web {

class JobQueue {
 public:
  JobQueue() : thread_([this] { Loop(); }) {}
  ~JobQueue() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;

  template <typename F>
  auto Run(F job) -> decltype(job()) {
    using R = decltype(job());
    auto task = std::make_shared<std::packaged_task<R()>>(std::move(job));
    std::future<R> result = task->get_future();
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push_back([task] { (*task)(); });
    }
    cv_.notify_all();
    return result.get();
  }

 private:
  void Loop() {
    while (true) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return done_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;  // Guarded by mu_.
  bool done_ = false;                       // Guarded by mu_.
  std::thread thread_;                      // Last: starts after the rest.
};

}  // namespace okr::web

#endif  // OKR_CORE_WEB_JOB_QUEUE_H_
