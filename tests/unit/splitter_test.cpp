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

// Found by fuzz_split_postgres: libpg_query's scanner split drops a last statement whose
// parentheses never close, so a broken migration or query vanished without a word.
TEST(PostgresSplitter, KeepsALastStatementWithUnclosedParentheses) {
  SourceManager sources;
  const SourceFile& f = sources.add("u.sql", "u.sql", "SELECT 1;\nSELECT id FROM users WHERE id IN (1, 2\n");
  SqlText t = text_of(f);
  auto st = postgres::split(t);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[1].text(), "SELECT id FROM users WHERE id IN (1, 2");
  EXPECT_EQ(st[1].span().to_string(), "u.sql:2:1");
}

// Found by fuzz_split_postgres: PostgreSQL ends a `--` comment at a carriage return, so what
// follows on that "line" is SQL, not comment.
TEST(PostgresSplitter, LineCommentEndsAtCarriageReturn) {
  SourceManager sources;
  const SourceFile& f = sources.add("r.sql", "r.sql", "-- old Mac line end\rDROP TABLE users;");
  SqlText t = text_of(f);
  auto st = postgres::split(t);
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].text(), "DROP TABLE users");
  // SQLite's comment runs to the \n, so there the whole text is a comment.
  EXPECT_TRUE(sqlite::split(t).empty());
}

TEST(PostgresSplitter, BlockCommentsNest) {
  SourceManager sources;
  const SourceFile& f = sources.add("n.sql", "n.sql", "/* outer /* inner */ still comment */ SELECT 1;");
  SqlText t = text_of(f);
  auto st = postgres::split(t);
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].text(), "SELECT 1");
}

// Found by fuzz_split_postgres: the scanner reads a C string, so text after a NUL was lost.
TEST(PostgresSplitter, TextWithANulByteStaysWhole) {
  SourceManager sources;
  const SourceFile& f = sources.add("z.sql", "z.sql", std::string("SELECT 1;\0DROP TABLE users;", 27));
  SqlText t = text_of(f);
  auto st = postgres::split(t);
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].text(), std::string_view("SELECT 1;\0DROP TABLE users", 26));
}

}  // namespace
}  // namespace mc
