#include <gtest/gtest.h>

#include "sql/sqlite/engine.h"

namespace {

using mc::sqlite::Database;

// The heap bound is SQLite's, counted by migcompat's allocator: over it, a statement fails with a
// message naming the bound, and the same statement runs once the bound allows it.
TEST(SqliteEngine, HeapLimitRefusesAndRecovers) {
  mc::sqlite::Limits limits;
  limits.heap_bytes = int64_t{16} << 20;
  mc::sqlite::set_limits(limits);
  {
    Database db;
    std::optional<std::string> error = db.execute("SELECT length(randomblob(64000000))");
    ASSERT_TRUE(error.has_value());
    EXPECT_NE(error->find("out of memory: SQLite may use 16 MiB"), std::string::npos) << *error;
    EXPECT_FALSE(db.execute("CREATE TABLE t (a INTEGER)").has_value()) << "the database still works after a refusal";
  }
  limits.heap_bytes = int64_t{512} << 20;
  mc::sqlite::set_limits(limits);
  Database db;
  EXPECT_FALSE(db.execute("SELECT length(randomblob(64000000))").has_value());
}

// Memory SQLite frees is given back to the bound: many databases in a row stay under it.
TEST(SqliteEngine, HeapLimitCountsFreedMemory) {
  mc::sqlite::Limits limits;
  limits.heap_bytes = int64_t{24} << 20;
  mc::sqlite::set_limits(limits);
  for (int i = 0; i < 20; ++i) {
    Database db;
    ASSERT_FALSE(db.execute("SELECT length(randomblob(8000000))").has_value()) << "round " << i;
  }
  limits.heap_bytes = int64_t{512} << 20;
  mc::sqlite::set_limits(limits);
}

}  // namespace
