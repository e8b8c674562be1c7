// Runs independent work items on every core: the calling thread and thread_count() - 1
// helpers take batches of indexes in order from a shared counter, so uneven items even out.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace mc {

// Threads a run may use for its parallel stages (reading, splitting, parsing, rules): `--jobs`,
// else one per core. Set once, before the work starts.
void set_thread_count(unsigned threads);  // 0: one per core
unsigned thread_count();

// Calls `work(i)` for every i in [0, count), `batch` indexes at a time. Too little work for a
// second batch runs on the calling thread alone. The first exception (in index order is not
// promised) stops the handing out of batches and is rethrown once all threads are done.
template <class Work>
void parallel_for(size_t count, size_t batch, Work&& work) {
  size_t jobs = std::min<size_t>(thread_count(), count / std::max<size_t>(batch, 1) + 1);
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto run = [&] {
    try {
      for (size_t begin; (begin = next.fetch_add(batch)) < count;) {
        for (size_t i = begin; i < std::min(begin + batch, count); ++i) work(i);
      }
    } catch (...) {
      std::lock_guard lock(failure_lock);
      if (!failure) failure = std::current_exception();
      next = count;
    }
  };
  std::vector<std::thread> helpers;
  for (size_t j = 1; j < jobs; ++j) helpers.emplace_back(run);
  run();
  for (std::thread& t : helpers) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace mc
