#include "sql/postgres/unpack_arena.h"

#include <cstddef>
#include <memory>
#include <new>
#include <vector>

namespace mc::postgres {

namespace {

// Blocks of growing size; rewinding keeps them for the next tree.
struct Arena {
  static constexpr size_t first_block = 64 * 1024;
  std::vector<std::pair<std::unique_ptr<std::byte[]>, size_t>> blocks;
  size_t block = 0;  // the block being filled
  size_t used = 0;   // bytes taken from it

  void* take(size_t size) {
    size = (size + alignof(std::max_align_t) - 1) & ~(alignof(std::max_align_t) - 1);
    while (block < blocks.size() && used + size > blocks[block].second) {
      ++block;
      used = 0;
    }
    if (block == blocks.size()) {
      size_t capacity = std::max(size, blocks.empty() ? first_block : blocks.back().second * 2);
      blocks.emplace_back(std::make_unique<std::byte[]>(capacity), capacity);
      used = 0;
    }
    void* at = blocks[block].first.get() + used;
    used += size;
    return at;
  }
};

thread_local Arena arena;

void* arena_alloc(void*, size_t size) { return arena.take(size); }
void arena_free(void*, void*) {}  // freed all at once by rewinding

}  // namespace

UnpackArena::UnpackArena() : allocator_{arena_alloc, arena_free, nullptr}, block_(arena.block), used_(arena.used) {}

UnpackArena::~UnpackArena() {
  arena.block = block_;
  arena.used = used_;
  // Emptied after a huge tree: the blocks beyond the first go back, not kept for the thread's life.
  if (block_ == 0 && used_ == 0 && arena.blocks.size() > 1) arena.blocks.resize(1);
}

}  // namespace mc::postgres
