// Produces items on helper threads ahead of a consumer that needs them in order: the consumer
// takes item i as soon as it exists, and when it is not there yet, the consumer produces the next
// unclaimed batch itself instead of waiting. So a sequential stage (replaying statements into a
// catalog) overlaps with a parallel one (parsing them), and no core sits idle. Each batch's items
// are allocated by the thread that produces them, when it does (not all up front on the
// consumer's), and the consumer may free batches it is done with.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "base/parallel.h"

namespace mc {

template <class T>
class ParallelAhead {
 public:
  // Starts thread_count() - 1 helpers (none for fewer than two batches of work).
  ParallelAhead(size_t count, size_t batch, std::function<T(size_t)> produce)
      : count_(count), produce_(std::move(produce)), batch_(std::max<size_t>(batch, 1)),
        batches_((count + batch_ - 1) / batch_), chunks_(batches_),
        done_(std::make_unique<std::atomic<bool>[]>(batches_)), failures_(batches_) {
    size_t helpers = std::min<size_t>(thread_count() - 1, batches_ / 2);
    for (size_t j = 0; j < helpers; ++j) {
      helpers_.emplace_back([this] {
        while (produce_one()) {
        }
      });
    }
  }
  ~ParallelAhead() { stop(); }
  ParallelAhead(const ParallelAhead&) = delete;
  ParallelAhead& operator=(const ParallelAhead&) = delete;

  // Every item, once each was taken with get() and none released.
  std::vector<T> take() && {
    stop();
    std::vector<T> out;
    out.reserve(count_);
    for (size_t b = 0; b < batches_; ++b) {
      for (size_t j = 0; j < batch_size(b); ++j) out.push_back(chunks_[b] ? std::move(chunks_[b][j]) : T{});
    }
    return out;
  }

  // Item i, produced by now; rethrows what producing its batch threw. Not for a released item.
  T& get(size_t i) {
    size_t b = i / batch_;
    while (!done_[b].load(std::memory_order_acquire)) {
      if (!produce_one()) done_[b].wait(false, std::memory_order_acquire);  // a helper has it: wait
    }
    if (failures_[b]) std::rethrow_exception(failures_[b]);
    return chunks_[b][i - b * batch_];
  }

  // Frees the batches wholly before item `end`, every item of which was taken with get().
  void release_before(size_t end) {
    for (; released_ < batches_ && (released_ + 1) * batch_ <= end; ++released_) chunks_[released_].reset();
  }

 private:
  void stop() {
    next_ = batches_;  // hand out no more work
    for (std::thread& t : helpers_) t.join();
    helpers_.clear();
  }

  // Items in batch b: batch_, but for a short last one.
  size_t batch_size(size_t b) const { return std::min(batch_, count_ - b * batch_); }

  // Produces the next unclaimed batch; false when none is left.
  bool produce_one() {
    size_t b = next_.fetch_add(1);
    if (b >= batches_) return false;
    try {
      auto chunk = std::make_unique<T[]>(batch_size(b));
      for (size_t j = 0; j < batch_size(b); ++j) chunk[j] = produce_(b * batch_ + j);
      chunks_[b] = std::move(chunk);
    } catch (...) {
      failures_[b] = std::current_exception();
    }
    done_[b].store(true, std::memory_order_release);
    done_[b].notify_all();
    return true;
  }

  size_t count_;
  std::function<T(size_t)> produce_;
  size_t batch_, batches_;
  std::vector<std::unique_ptr<T[]>> chunks_;  // a batch's items; set by its producer before done_
  size_t released_ = 0;  // batches before this one are freed
  std::unique_ptr<std::atomic<bool>[]> done_;
  std::vector<std::exception_ptr> failures_;
  std::atomic<size_t> next_{0};
  std::vector<std::thread> helpers_;
};

}  // namespace mc
