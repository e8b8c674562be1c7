#include <gtest/gtest.h>

#include "inputs/query_logs.h"
#include "test_tree.h"

namespace {

using mc::LoggedStatements;
using mc::statement_shape;

LoggedStatements read_one(const mc::testing::TempTree& tree, const std::string& name, mc::SourceManager& sources) {
  return mc::read_query_logs(sources, {{tree.root() / name, name, "old"}});
}

std::string at(const mc::SqlText& sql, size_t offset) { return sql.span(offset, offset + 1).to_string(); }

TEST(StatementShape, LiteralsWhitespaceAndCommentsDoNotCount) {
  EXPECT_EQ(statement_shape("SELECT a FROM t WHERE id = 42 AND s = 'x''y'"), "SELECT a FROM t WHERE id = ? AND s = ?");
  EXPECT_EQ(statement_shape("SELECT  a\n\tFROM t -- note\nWHERE id = 1.5e3"), "SELECT a FROM t WHERE id = ?");
  EXPECT_EQ(statement_shape("SELECT E'it\\'s', $$body$$, $tag$x$tag$ /* c */"), "SELECT ?, ?, ?");
  // Digits of names and placeholders are the statement's own.
  EXPECT_EQ(statement_shape("SELECT c1 FROM t12 WHERE id = $1"), "SELECT c1 FROM t12 WHERE id = $1");
  EXPECT_NE(statement_shape("SELECT kind FROM events_2023"), statement_shape("SELECT kind FROM events_2024"));
}

TEST(QueryLogs, StderrContinuationLinesMapToTheirPlace) {
  mc::testing::TempTree tree;
  tree.write("pg.log",
             "2025-04-02 12:00:00 UTC [1] LOG:  connection received: host=[local]\r\n"
             "2025-04-02 12:00:01 UTC [1] LOG:  statement: SELECT a,\r\n"
             "\t  b FROM t WHERE id = 1\r\n"
             "2025-04-02 12:00:02 UTC [1] DETAIL:  parameters: $1 = '5'\n"
             "2025-04-02 12:00:03 UTC [1] LOG:  statement: SELECT a,\n"
             "\t  b FROM t WHERE id = 2\n"
             "2025-04-02 12:00:04 UTC [1] LOG:  duration: 0.1 ms  execute S_1/C_2: SELECT c FROM u WHERE x = $1\n");
  mc::SourceManager sources;
  LoggedStatements logged = read_one(tree, "pg.log", sources);
  ASSERT_EQ(logged.statements.size(), 2u);
  EXPECT_EQ(logged.entries, 3u);
  EXPECT_EQ(logged.statements[0].text, "SELECT a,\n  b FROM t WHERE id = 1");
  EXPECT_EQ(logged.occurrences[0], 2u);
  EXPECT_EQ(at(logged.statements[0], 0), "pg.log:2:46");
  EXPECT_EQ(at(logged.statements[0], 12), "pg.log:3:4") << "the tab is the log's, not the SQL's";
  EXPECT_EQ(logged.statements[1].text, "SELECT c FROM u WHERE x = $1");
  EXPECT_EQ(at(logged.statements[1], 7), "pg.log:7:77");
  // Only the kept statements' lines are held, under their own numbers.
  const mc::SourceFile& file = *logged.statements[0].file;
  EXPECT_EQ(file.line_text(3), "\t  b FROM t WHERE id = 1");
  EXPECT_EQ(file.line_text(5), "") << "line 5 repeats a shape and is not held";
  EXPECT_EQ(file.line_count(), 8u) << "the held text ends with a newline, as the log does";
}

TEST(QueryLogs, CsvlogRecordsSpanLinesAndUnescapeQuotes) {
  mc::testing::TempTree tree;
  tree.write("pg.csv",
             "2025-04-02 12:00:00.1 UTC,\"app\",\"db\",1,\"[local]\",s.1,1,\"SELECT\",2025-04-02 UTC,3/1,0,LOG,00000,"
             "\"statement: SELECT \"\"Name\"\",\n x FROM t\",,,,,,,,,\"psql\",\"client backend\",,0\n"
             "2025-04-02 12:00:00.2 UTC,\"app\",\"db\",1,\"[local]\",s.1,2,\"SELECT\",2025-04-02 UTC,3/1,0,ERROR,42P01,"
             "\"relation \"\"nope\"\" does not exist\",,,,,,\"SELECT 1 FROM nope\",15,,\"psql\",\"client backend\",,0\n");
  mc::SourceManager sources;
  LoggedStatements logged = read_one(tree, "pg.csv", sources);
  ASSERT_EQ(logged.statements.size(), 1u) << "ERROR records are not the workload";
  EXPECT_EQ(logged.statements[0].text, "SELECT \"Name\",\n x FROM t");
  EXPECT_EQ(at(logged.statements[0], 7), "pg.csv:1:115");
  EXPECT_EQ(at(logged.statements[0], 12), "pg.csv:1:121") << "past an escaped quote";
  EXPECT_EQ(at(logged.statements[0], 16), "pg.csv:2:2");
}

TEST(QueryLogs, JsonExportsDecodeEscapes) {
  mc::testing::TempTree tree;
  tree.write("pss.json", "{\"calls\": 3, \"query\": \"SELECT \\\"a\\\"\\n  FROM t\\u0020WHERE b = $1\"}\n{\"query\": \"SELECT 2\"}\n");
  mc::SourceManager sources;
  LoggedStatements logged = read_one(tree, "pss.json", sources);
  ASSERT_EQ(logged.statements.size(), 2u);
  EXPECT_EQ(logged.statements[0].text, "SELECT \"a\"\n  FROM t WHERE b = $1");
  EXPECT_EQ(at(logged.statements[0], 7), "pss.json:1:31") << "an escape maps to its backslash";
  EXPECT_EQ(at(logged.statements[0], 13), "pss.json:1:40");
}

TEST(QueryLogs, BadInputIsAnInputError) {
  mc::testing::TempTree tree;
  tree.write("a.log", "just some text\n");
  tree.write("b.json", "{\"queries\": []}\n");
  tree.write("c.json", "[{\"query\": \"SELECT 1\n\"}]\n");
  tree.write("d.csv", "x,y\n1,2\n");
  for (const char* name : {"a.log", "b.json", "c.json", "d.csv", "missing.log"}) {
    mc::SourceManager sources;
    EXPECT_THROW(read_one(tree, name, sources), mc::InputError) << name;
  }
}

}  // namespace
