// Memory for unpacking libpg_query's protobuf parse trees: a per-thread bump allocator handed to
// protobuf-c. A tree is read once, right after parsing, and then dropped whole, so its hundreds of
// small messages need neither malloc nor free_unpacked's walk: the arena is rewound instead, and
// its blocks are reused by the next statement on the same thread.
#pragma once

#include <protobuf-c/protobuf-c.h>

#include <cstddef>

namespace mc::postgres {

class UnpackArena {
 public:
  UnpackArena();
  // Rewinds the thread's arena to where it stood at construction: every message unpacked
  // through this one is gone (arenas nest, last made first gone).
  ~UnpackArena();
  UnpackArena(const UnpackArena&) = delete;
  UnpackArena& operator=(const UnpackArena&) = delete;

  ProtobufCAllocator* allocator() { return &allocator_; }

 private:
  ProtobufCAllocator allocator_;
  size_t block_, used_;
};

}  // namespace mc::postgres
