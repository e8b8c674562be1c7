#include <gtest/gtest.h>

#include "analyses/postgres_apply.h"
#include "sql/pgserver/connection.h"
#include "sql/pgserver/server.h"
#include "sql/postgres/splitter.h"

namespace mc {
namespace {

TEST(LockConflicts, FollowPostgresTable) {
  // Reads wait only for ACCESS EXCLUSIVE; writes also for SHARE (CREATE INDEX) and stronger.
  EXPECT_TRUE(locks_conflict("AccessExclusiveLock", "AccessShareLock"));
  EXPECT_FALSE(locks_conflict("ShareLock", "AccessShareLock"));
  EXPECT_TRUE(locks_conflict("ShareLock", "RowExclusiveLock"));
  EXPECT_FALSE(locks_conflict("ShareUpdateExclusiveLock", "RowExclusiveLock"));  // VALIDATE CONSTRAINT
  EXPECT_TRUE(locks_conflict("ShareRowExclusiveLock", "RowExclusiveLock"));      // ADD FOREIGN KEY
  EXPECT_FALSE(locks_conflict("ShareRowExclusiveLock", "AccessShareLock"));
  EXPECT_TRUE(locks_conflict("ExclusiveLock", "RowShareLock"));  // SELECT … FOR UPDATE
  EXPECT_FALSE(locks_conflict("ShareLock", "ShareLock"));
  EXPECT_FALSE(locks_conflict("NoSuchLock", "AccessShareLock"));
  // The table is symmetric.
  for (const char* a : {"AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock",
                        "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"}) {
    for (const char* b : {"AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock",
                          "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"}) {
      EXPECT_EQ(locks_conflict(a, b), locks_conflict(b, a)) << a << " / " << b;
    }
  }
  EXPECT_LT(lock_strength("AccessShareLock"), lock_strength("AccessExclusiveLock"));
}

TEST(ServerErrorSpan, CountsCharactersNotBytes) {
  SourceManager sources;
  // PostgreSQL's error position counts characters: "é" and "名" are one each, two and three bytes.
  const SourceFile& f = sources.add("q.sql", "q.sql", "SELECT 'é名' AS x,\n       missing FROM t");
  SqlText text{&f, f.text(), SourceMap::identity(0)};
  auto statements = postgres::split(text);
  ASSERT_EQ(statements.size(), 1u);
  std::string_view sent = statements[0].text();
  size_t chars_before_missing = 25;  // "SELECT 'é名' AS x,\n       " in characters
  Span at = server_error_span(statements[0], sent, chars_before_missing + 1);
  EXPECT_EQ(at.to_string(), "q.sql:2:8");
  EXPECT_EQ(server_error_span(statements[0], sent, 0).to_string(), "q.sql:1:1");  // no position
  EXPECT_EQ(server_error_span(statements[0], sent, 1000).to_string(), "q.sql:1:1");  // out of range
}

TEST(ConnectionTarget, DescribedWithoutPassword) {
  EXPECT_EQ(pgserver::describe_target("postgresql://ci:hunter2@db.example:6543/app"), "db.example:6543/app as ci");
  EXPECT_EQ(pgserver::describe_target("host=/tmp/x user=postgres password=hunter2 dbname=postgres"), "/tmp/x/postgres as postgres");
  EXPECT_EQ(pgserver::quote_identifier("we\"ird"), "\"we\"\"ird\"");
  EXPECT_EQ(pgserver::quote_literal("it's"), "'it''s'");
}

// A pipeline on a throwaway cluster: results come back in order, a failure skips the rest of its
// sync group only, and the connection is usable normally afterwards.
TEST(Pipeline, SkipsTheRestOfAFailedSyncGroupOnly) {
  auto binaries = pgserver::find_server_binaries();
  if (!binaries) GTEST_SKIP() << "no PostgreSQL server binaries";
  auto server = pgserver::ScratchServer::throwaway({*binaries});
  pgserver::Connection c(server->target(server->first_database("pipeline")));
  c.must("CREATE TABLE t (id int PRIMARY KEY)");
  using Step = pgserver::PipelineStep;
  std::vector<pgserver::Result> r = c.pipeline({
      Step::statement("BEGIN"),
      Step::prepare("q", "SELECT missing FROM t"),
      Step::statement("SELECT 1", true),
      Step::statement("ROLLBACK", true),
      Step::prepare("p", "INSERT INTO t VALUES ($1)"),
      Step::describe("p", true),
      Step::statement("BEGIN"),
      Step::execute("p", {std::string("7")}),
      Step::execute("p", {std::string("7")}),
      Step::statement("SELECT 2", true),
      Step::statement("ROLLBACK"),
  });
  ASSERT_EQ(r.size(), 11u);
  EXPECT_TRUE(r[0].ok());
  ASSERT_FALSE(r[1].ok());
  EXPECT_EQ(r[1].error()->sqlstate, "42703");  // undefined column
  EXPECT_EQ(r[1].error()->position, 8u);
  ASSERT_FALSE(r[2].ok());  // skipped: its group failed
  EXPECT_NE(r[2].error()->message.find("earlier statement"), std::string::npos);
  EXPECT_TRUE(r[3].ok());  // the next group runs
  EXPECT_TRUE(r[4].ok());
  ASSERT_TRUE(r[5].ok());
  EXPECT_EQ(r[5].parameters(), 1);
  EXPECT_TRUE(r[6].ok());
  EXPECT_TRUE(r[7].ok());
  EXPECT_EQ(r[7].affected_rows(), 1);
  ASSERT_FALSE(r[8].ok());
  EXPECT_EQ(r[8].error()->sqlstate, "23505");  // the same key twice
  EXPECT_FALSE(r[9].ok());
  EXPECT_TRUE(r[10].ok());  // ends the failed transaction
  pgserver::Result after = c.must("SELECT count(*) FROM t");
  EXPECT_EQ(after.value(0, 0), "0");
}

}  // namespace
}  // namespace mc
