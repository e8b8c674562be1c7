#include "sql/sqlite/heap.h"

#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace mc::sqlite {

namespace {

std::atomic<int64_t> heap_limit{int64_t{512} << 20};
std::atomic<int64_t> heap_used{0};
bool bounded_allocator = false;  // installed; else SQLite's own limit is in force

// Every block carries its size in a header (16 bytes keeps the payload 16-aligned).
constexpr size_t header = 16;

int64_t size_of(void* payload) {
  int64_t n;
  std::memcpy(&n, static_cast<char*>(payload) - header, sizeof n);
  return n;
}

bool take(int64_t n) {
  int64_t used = heap_used.fetch_add(n, std::memory_order_relaxed) + n;
  if (used <= heap_limit.load(std::memory_order_relaxed)) return true;
  heap_used.fetch_sub(n, std::memory_order_relaxed);
  return false;
}

// Each thread takes bytes from the shared count a slice at a time and hands them out locally: with
// an atomic add per allocation, two threads replaying SQLite in parts spent a fifth of their time
// on the counter's cache line. The bound holds to within two slices per thread; near it, bytes
// are taken one allocation at a time again.
constexpr int64_t slice = int64_t{1} << 20;

struct Credit {
  int64_t bytes = 0;
  ~Credit() { heap_used.fetch_sub(bytes, std::memory_order_relaxed); }  // the thread ends
};
thread_local Credit credit;

bool reserve(int64_t n) {
  if (credit.bytes >= n) {
    credit.bytes -= n;
    return true;
  }
  if (take(n + slice)) {
    credit.bytes += slice;
    return true;
  }
  return take(n);
}

void give_back(int64_t n) {
  credit.bytes += n;
  if (credit.bytes > 2 * slice) {
    heap_used.fetch_sub(credit.bytes - slice, std::memory_order_relaxed);
    credit.bytes = slice;
  }
}

void* with_header(void* block, int64_t n) {
  std::memcpy(block, &n, sizeof n);
  return static_cast<char*>(block) + header;
}

void* bounded_malloc(int n) {
  if (n <= 0 || !reserve(n)) return nullptr;
  void* block = std::malloc(header + static_cast<size_t>(n));
  if (!block) {
    give_back(n);
    return nullptr;
  }
  return with_header(block, n);
}

void bounded_free(void* payload) {
  if (!payload) return;
  give_back(size_of(payload));
  std::free(static_cast<char*>(payload) - header);
}

void* bounded_realloc(void* payload, int n) {
  if (!payload) return bounded_malloc(n);
  int64_t old_size = size_of(payload);
  if (n <= 0) return nullptr;
  int64_t growth = n - old_size;
  if (growth > 0 && !reserve(growth)) return nullptr;
  void* block = std::realloc(static_cast<char*>(payload) - header, header + static_cast<size_t>(n));
  if (!block) {
    if (growth > 0) give_back(growth);
    return nullptr;
  }
  if (growth < 0) give_back(-growth);
  return with_header(block, n);
}

int bounded_size(void* payload) { return payload ? static_cast<int>(size_of(payload)) : 0; }
int round_up(int n) { return (n + 7) & ~7; }
int init(void*) { return SQLITE_OK; }
void shutdown(void*) {}

}  // namespace

void install_bounded_heap() {
  static std::once_flag once;
  std::call_once(once, [] {
    static const sqlite3_mem_methods methods = {bounded_malloc, bounded_free, bounded_realloc, bounded_size,
                                                round_up,       init,         shutdown,        nullptr};
    // Both fail with SQLITE_MISUSE once SQLite is initialized: then its own limit serves.
    bounded_allocator = sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) == SQLITE_OK;
    if (bounded_allocator) sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_initialize();
    if (!bounded_allocator) sqlite3_hard_heap_limit64(heap_limit.load());
  });
}

void set_heap_limit(int64_t bytes) {
  heap_limit = bytes;
  if (!bounded_allocator) sqlite3_hard_heap_limit64(bytes);
}

}  // namespace mc::sqlite
