#include "base/parallel.h"

namespace mc {

namespace {
std::atomic<unsigned> configured_threads{0};
}

void set_thread_count(unsigned threads) { configured_threads.store(threads, std::memory_order_relaxed); }

unsigned thread_count() {
  unsigned threads = configured_threads.load(std::memory_order_relaxed);
  return threads ? threads : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace mc
