// Produces items on helper threads ahead of a consumer that needs them in order: the consumer
// takes item i as soon as it exists, and when it is not there yet, the consumer produces the next
// unclaimed batch itself instead of waiting. So a sequential stage (replaying statements into a
// catalog) overlaps with a parallel one (parsing them), and no core sits idle.
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
      : items_(count), produce_(std::move(produce)), batch_(std::max<size_t>(batch, 1)),
        batches_((count + batch_ - 1) / batch_), done_(std::make_unique<std::atomic<bool>[]>(batches_)),
        failures_(batches_) {
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

  // Every item, once each was taken with get().
  std::vector<T> take() && {
    stop();
    return std::move(items_);
  }

  // All items by position. Only those already taken with get() may be read (or reset to free
  // them): the others may be being produced.
  std::vector<T>& items() { return items_; }

  // Item i, produced by now; rethrows what producing its batch threw.
  T& get(size_t i) {
    size_t b = i / batch_;
    while (!done_[b].load(std::memory_order_acquire)) {
      if (!produce_one()) done_[b].wait(false, std::memory_order_acquire);  // a helper has it: wait
    }
    if (failures_[b]) std::rethrow_exception(failures_[b]);
    return items_[i];
  }

 private:
  void stop() {
    next_ = batches_;  // hand out no more work
    for (std::thread& t : helpers_) t.join();
    helpers_.clear();
  }

  // Produces the next unclaimed batch; false when none is left.
  bool produce_one() {
    size_t b = next_.fetch_add(1);
    if (b >= batches_) return false;
    try {
      for (size_t i = b * batch_; i < std::min((b + 1) * batch_, items_.size()); ++i) items_[i] = produce_(i);
    } catch (...) {
      failures_[b] = std::current_exception();
    }
    done_[b].store(true, std::memory_order_release);
    done_[b].notify_all();
    return true;
  }

  std::vector<T> items_;
  std::function<T(size_t)> produce_;
  size_t batch_, batches_;
  std::unique_ptr<std::atomic<bool>[]> done_;
  std::vector<std::exception_ptr> failures_;
  std::atomic<size_t> next_{0};
  std::vector<std::thread> helpers_;
};

}  // namespace mc
