#include <gtest/gtest.h>

#include "sql/postgres/splitter.h"
#include "sql/sqlite/splitter.h"

namespace mc {
namespace {

SqlText text_of(const SourceFile& file) { return SqlText{&file, file.text(), SourceMap::identity(0)}; }

TEST(SqliteSplitter, SplitsOutsideStringsAndComments) {
  SourceManager sources;
  const SourceFile& f = sources.add("a.sql", "a.sql", "SELECT ';'; -- x; y\nSELECT \"a;b\" FROM t;\n/* ; */ SELECT 3");
  SqlText t = text_of(f);
  auto st = sqlite::split(t);
  ASSERT_EQ(st.size(), 3u);
  EXPECT_EQ(st[0].text(), "SELECT ';'");
  EXPECT_EQ(st[1].text(), "SELECT \"a;b\" FROM t");
  EXPECT_EQ(st[2].text(), "SELECT 3");
  EXPECT_EQ(st[1].span().to_string(), "a.sql:2:1");
}

TEST(SqliteSplitter, KeepsTriggerBodiesWhole) {
  SourceManager sources;
  const SourceFile& f = sources.add("t.sql", "t.sql",
                                    "CREATE TRIGGER tr AFTER INSERT ON a BEGIN\n  UPDATE b SET n = n + 1;\n  DELETE FROM c;\nEND;\nSELECT 1;");
  SqlText t = text_of(f);
  auto st = sqlite::split(t);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[1].text(), "SELECT 1");
}

TEST(SqliteSplitter, KeepsQueryNames) {
  SourceManager sources;
  const SourceFile& f = sources.add("q.sql", "q.sql", "-- name: GetUser :one\nSELECT 1;\n\n-- name: ListUsers\nSELECT 2;");
  SqlText t = text_of(f);
  auto st = sqlite::split(t);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].name, "GetUser");
  EXPECT_EQ(st[1].name, "ListUsers");
  EXPECT_EQ(st[1].span().to_string(), "q.sql:5:1");
}

TEST(PostgresSplitter, DollarQuotedBodiesStayWhole) {
  SourceManager sources;
  const SourceFile& f = sources.add(
      "f.sql", "f.sql",
      "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n-- name: Q\nSELECT E'a\\';b' FROM t;");
  SqlText t = text_of(f);
  auto st = postgres::split(t);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text(), "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql");
  EXPECT_EQ(st[1].text(), "SELECT E'a\\';b' FROM t");
  EXPECT_EQ(st[1].name, "Q");
  EXPECT_EQ(st[1].span().to_string(), "f.sql:3:1");
}

}  // namespace
}  // namespace mc
