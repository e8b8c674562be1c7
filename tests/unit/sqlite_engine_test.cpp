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

// `run` keeps what it compiled for the next run of the same text: each run binds its own values,
// an error leaves the statement usable, a kept statement never holds a savepoint open, and a
// statement compiled before a schema change sees the change.
TEST(SqliteEngine, RunReusesCompiledStatementsFaithfully) {
  Database db;
  ASSERT_FALSE(db.execute("CREATE TABLE t (a INTEGER NOT NULL, b TEXT)").has_value());
  const char* insert = "INSERT INTO t (a, b) VALUES (?, ?)";
  EXPECT_TRUE(db.run(insert, {int64_t{1}, std::string("x")}).ok);
  // Fewer values this time: the second parameter must not keep the first run's 'x'.
  mc::sqlite::RunResult second = db.run(insert, {int64_t{2}});
  ASSERT_TRUE(second.ok) << second.error;
  EXPECT_EQ(second.changes, 1);
  EXPECT_EQ(db.run("UPDATE t SET a = a WHERE b IS NULL").changes, 1);
  mc::sqlite::RunResult rejected = db.run(insert, {std::monostate{}});
  EXPECT_FALSE(rejected.ok);
  EXPECT_NE(rejected.error.find("NOT NULL"), std::string::npos) << rejected.error;
  EXPECT_TRUE(db.run(insert, {int64_t{3}}).ok) << "usable after an error";

  ASSERT_TRUE(db.run("SAVEPOINT s").ok);
  EXPECT_TRUE(db.run("SELECT a FROM t").ok);  // rows left unread would keep the savepoint busy
  EXPECT_TRUE(db.run(insert, {int64_t{4}}).ok);
  mc::sqlite::RunResult rollback = db.run("ROLLBACK TO s");
  EXPECT_TRUE(rollback.ok) << rollback.error;
  EXPECT_TRUE(db.run("RELEASE s").ok);
  EXPECT_EQ(db.run("DELETE FROM t").changes, 3);

  ASSERT_FALSE(db.execute("ALTER TABLE t DROP COLUMN b").has_value());
  mc::sqlite::RunResult after_drop = db.run(insert, {int64_t{5}, std::string("y")});
  EXPECT_FALSE(after_drop.ok);
  EXPECT_NE(after_drop.error.find("no column named b"), std::string::npos) << after_drop.error;

  for (int i = 0; i < 200; ++i) {  // more texts than are kept
    ASSERT_TRUE(db.run("SELECT " + std::to_string(i)).ok);
  }
  EXPECT_TRUE(db.run("INSERT INTO t (a) VALUES (?)", {int64_t{6}}).ok);
  EXPECT_FALSE(db.run("SELEC 1").ok);
}

}  // namespace
