// The arena protobuf-c unpacks parse trees into: nested arenas rewind to where they started, so an
// inner one (a scan while a parse tree is read) never takes back the outer one's memory.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "sql/postgres/parser.h"
#include "sql/postgres/unpack_arena.h"

namespace mc::postgres {
namespace {

void* take(UnpackArena& arena, size_t size) {
  ProtobufCAllocator* a = arena.allocator();
  return a->alloc(a->allocator_data, size);
}

TEST(UnpackArena, NestedArenaKeepsTheOuterOnesMemory) {
  UnpackArena outer;
  auto* kept = static_cast<unsigned char*>(take(outer, 1000));
  std::memset(kept, 0xAB, 1000);
  {
    UnpackArena inner;
    for (int i = 0; i < 200; ++i) std::memset(take(inner, 4096), 0x00, 4096);  // past the first block
  }
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(kept[i], 0xAB) << "byte " << i;
  // The outer arena goes on after its own allocation, not over it.
  auto* next = static_cast<unsigned char*>(take(outer, 64));
  EXPECT_TRUE(next >= kept + 1000 || next + 64 <= kept);
}

TEST(UnpackArena, AllocationsAreAlignedAndDistinct) {
  UnpackArena arena;
  std::vector<unsigned char*> blocks;
  for (size_t size : {1, 3, 17, 100000, 5}) {
    auto* p = static_cast<unsigned char*>(take(arena, size));
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % alignof(std::max_align_t), 0u);
    std::memset(p, static_cast<int>(size & 0xFF), size);
    blocks.push_back(p);
  }
  EXPECT_EQ(blocks[0][0], 1);
  EXPECT_EQ(blocks[1][2], 3);
  EXPECT_EQ(blocks[2][16], 17);
  EXPECT_EQ(blocks[3][99999], 100000 & 0xFF);
}

// A statement with an over-long identifier is scanned (a second unpack) while its tree is read.
TEST(UnpackArena, ParseWithANestedScanKeepsTheTree) {
  std::string name(70, 'n');
  ParsedStatement parsed = parse("CREATE TABLE t (" + name + " text, b integer)");
  ASSERT_FALSE(parsed.error);
  ASSERT_EQ(parsed.facts.overlong_identifiers.size(), 1u);
  EXPECT_EQ(parsed.facts.overlong_identifiers[0].first, name);
  ASSERT_FALSE(parsed.changes.empty());
}

}  // namespace
}  // namespace mc::postgres
