// SQLite's memory, bounded without a lock.
//
// sqlite3_hard_heap_limit64 needs SQLite's memory statistics, which take a global mutex on every
// allocation: 18% of a history's replay went to locking it. Instead SQLite is given an allocator
// that counts its bytes in an atomic, taken by each thread a slice at a time, and refuses
// (SQLITE_NOMEM) past the limit, with the statistics off.
#pragma once

#include <cstdint>

namespace mc::sqlite {

// Installs the bounded allocator if SQLite is not initialized yet (else falls back to
// sqlite3_hard_heap_limit64), then initializes SQLite. Idempotent; call before opening a database.
void install_bounded_heap();

// The bound, in bytes, for all of SQLite in this process; takes effect at once.
void set_heap_limit(int64_t bytes);

}  // namespace mc::sqlite
