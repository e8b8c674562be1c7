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

// The splitter's own scanner against libpg_query's, on text where they could part ways.
TEST(PostgresSplitter, FindsTheTerminatorsPostgresScannerFinds) {
  const char* cases[] = {
      "SELECT 1; SELECT 2;",
      "SELECT ';' ; SELECT \"a;\"\"b\" FROM t;",
      "SELECT E'a\\';b'; SELECT 'a\\'; SELECT 1;",
      "SELECT e'x\\\\'; SELECT 2;",
      "SELECT tablE'x;y'; SELECT 2;",
      "SELECT E'a'\n'b\\';c'; SELECT 2;",
      "SELECT E'a' -- c\n'b\\'; SELECT 2;",
      "SELECT E'a'\n-- c\n'b\\'; SELECT 2;",
      "SELECT E'a' \t\r\n \f\n'b\\';c'; SELECT 2;",
      "SELECT E'a' /* c */\n'b\\'; SELECT 2;",
      "SELECT E'a' 'b\\'; SELECT 2;",
      "SELECT B'01'';'; SELECT X'ff'; SELECT N'a;'; SELECT U&'a;' UESCAPE '!';",
      "SELECT $$;$$; SELECT $a$ ; $b$ ; $a$; SELECT $ab$;$a$;$ab$;",
      "SELECT a$$; SELECT 1; SELECT $1; SELECT $1$; x$;",
      "SELECT 1$$;$$; SELECT 2;",
      "SELECT $_x1$ ; $_x1$; SELECT 2;",
      "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql; SELECT 2;",
      "SELECT (1; 2); SELECT 3;",
      "SELECT 1); SELECT 2;",
      "SELECT 1 --; x\r; SELECT 2 /* ; /* ; */ ; */;",
      "SELECT 1 +--; x\n; SELECT 2 */* ; */;",
      "SELECT 1 /*/ ; */; SELECT 2;",
      "SELECT \xc3\xa9'x;'; SELECT 2;",
      "foo; ; ;; bar;",
  };
  for (const char* text : cases) {
    std::optional<std::vector<size_t>> expected = postgres::terminators_by_scanner(text);
    ASSERT_TRUE(expected.has_value()) << text;
    EXPECT_EQ(postgres::statement_terminators(text), *expected) << text;
  }
}

// An unterminated literal hides every `;` after it, as the scanner would if it went on.
TEST(PostgresSplitter, UnterminatedLiteralsRunToTheEnd) {
  EXPECT_EQ(postgres::statement_terminators("SELECT 1; SELECT 'a; SELECT 2;"), std::vector<size_t>{8});
  EXPECT_EQ(postgres::statement_terminators("SELECT 1; SELECT $x$ ; $y$;"), std::vector<size_t>{8});
  EXPECT_EQ(postgres::statement_terminators("SELECT 1; /* /* */ ; SELECT 2;"), std::vector<size_t>{8});
  EXPECT_EQ(postgres::statement_terminators("SELECT 1; SELECT E'\\"), std::vector<size_t>{8});
  EXPECT_FALSE(postgres::terminators_by_scanner("SELECT 1; SELECT 'a; SELECT 2;").has_value());
}

// A statement without a keyword used to be glued to the next one by libpg_query's split, so a
// typo hid the query after it from the check.
TEST(PostgresSplitter, AStatementWithoutKeywordsStandsAlone) {
  SourceManager sources;
  const SourceFile& f = sources.add("k.sql", "k.sql", "users;\nSELECT id FROM users;");
  SqlText t = text_of(f);
  auto st = postgres::split(t);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text(), "users");
  EXPECT_EQ(st[1].text(), "SELECT id FROM users");
}

// Statements before an unterminated string are still cut apart (the scanner's split kept the
// whole text together when it failed).
TEST(PostgresSplitter, StatementsBeforeAnUnterminatedStringAreCut) {
  SourceManager sources;
  const SourceFile& f = sources.add("q.sql", "q.sql", "SELECT 1;\nSELECT 'oops;\n");
  SqlText t = text_of(f);
  auto st = postgres::split(t);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[1].text(), "SELECT 'oops");
  EXPECT_EQ(st[1].span().to_string(), "q.sql:2:1");
}

}  // namespace
}  // namespace mc
