#include <gtest/gtest.h>

#include "inputs/code_scan.h"
#include "sql/placeholders.h"

namespace mc {
namespace {

TEST(PythonScanner, TripleQuotedRawAndFStrings) {
  std::string src =
      "TABLE = 'users'\n"
      "def f(cur):\n"
      "    local = 'not a constant'\n"
      "    cur.execute(\"\"\"SELECT a\n  FROM t\"\"\")\n"
      "    cur.execute(r'\\d+')\n"
      "    cur.execute(f\"SELECT {{x}} FROM {TABLE}\")  # comment with 'quote'\n";
  CodeScan scan = scan_python(src);
  ASSERT_EQ(scan.literals.size(), 5u);
  EXPECT_EQ(scan.literals[2].cooked, "SELECT a\n  FROM t");
  EXPECT_EQ(src[scan.literals[2].origin[0]], 'S');
  EXPECT_EQ(scan.literals[3].cooked, "\\d+");
  EXPECT_EQ(scan.literals[4].cooked, "SELECT {x} FROM ");
  ASSERT_EQ(scan.literals[4].holes.size(), 1u);
  EXPECT_EQ(scan.literals[4].holes[0].expression, "TABLE");
  EXPECT_TRUE(scan.constants.count("TABLE"));
  EXPECT_FALSE(scan.constants.count("local"));  // indented: not module level
}

TEST(PythonScanner, RelativeImports) {
  CodeScan scan = scan_python("from .tables import ACCOUNTS, ORDERS as O\nfrom ..db.names import X\nimport os\n");
  EXPECT_EQ(scan.imports.at("ACCOUNTS").module, "./tables");
  EXPECT_EQ(scan.imports.at("O").exported, "ORDERS");
  EXPECT_EQ(scan.imports.at("X").module, "../db/names");
}

TEST(GoScanner, RawAndInterpretedStringsAndConstBlocks) {
  std::string src =
      "package x\n"
      "const (\n\ttable = \"users\"\n\tq string = `SELECT id\nFROM users`\n)\n"
      "var r = 'x'\n"
      "func f() { db.Query(\"SELECT \\\"a\\\" FROM t\") } // \"not a string\"\n";
  CodeScan scan = scan_go(src);
  ASSERT_EQ(scan.literals.size(), 3u);
  EXPECT_EQ(scan.literals[1].cooked, "SELECT id\nFROM users");
  EXPECT_EQ(scan.literals[2].cooked, "SELECT \"a\" FROM t");
  EXPECT_EQ(scan.constants.at("table"), 0u);
  EXPECT_EQ(scan.constants.at("q"), 1u);
}

// The scanners keep a sliding window of tokens (inputs/token_window.h): declarations far apart,
// long const blocks, and code thousands of tokens long must all still be seen.
TEST(ScannerWindow, DeclarationsAcrossManyTokens) {
  std::string filler;
  for (int i = 0; i < 3000; ++i) filler += "f(a, b) + 1;\n";
  CodeScan js = scan_js("export const FIRST = 'a';\n" + filler + "const LAST = `b`;\n" + filler);
  EXPECT_TRUE(js.exported.count("FIRST"));
  EXPECT_TRUE(js.constants.count("LAST"));

  std::string go = "package db\nconst (\n";
  for (int i = 0; i < 400; ++i) go += "\tQ" + std::to_string(i) + " = \"SELECT " + std::to_string(i) + "\"\n";
  go += ")\n" + filler + "var AFTER = \"x\"\n";
  CodeScan scan = scan_go(go);
  EXPECT_TRUE(scan.constants.count("Q0"));
  EXPECT_TRUE(scan.constants.count("Q399"));  // a block of 1,600 tokens
  EXPECT_TRUE(scan.constants.count("AFTER"));
  EXPECT_FALSE(scan.constants.count("f"));

  CodeScan py = scan_python(filler + "NAME = 'users'\n" + filler);
  EXPECT_TRUE(py.constants.count("NAME"));
}

TEST(Placeholders, RewritesKeepEveryOffset) {
  std::string py = "SELECT a FROM t WHERE b = %s AND c = %(name)s AND d = '%s'";
  std::string pg = sql::normalize_placeholders(py, sql::PlaceholderStyle::postgres);
  EXPECT_EQ(pg.size(), py.size());
  EXPECT_EQ(pg, "SELECT a FROM t WHERE b = $1 AND c = $2       AND d = '%s'");
  std::string lite = sql::normalize_placeholders(py, sql::PlaceholderStyle::sqlite);
  EXPECT_EQ(lite.size(), py.size());
  EXPECT_EQ(lite, "SELECT a FROM t WHERE b = ?  AND c = :name    AND d = '%s'");
}

TEST(Placeholders, PostgresNamedAndCastsAndDollarQuotes) {
  std::string in = "SELECT x::int FROM t WHERE a = :id AND b = $$:no$$ AND c = $3 AND d = :other";
  std::string out = sql::normalize_placeholders(in, sql::PlaceholderStyle::postgres);
  EXPECT_EQ(out.size(), in.size());
  EXPECT_EQ(out, "SELECT x::int FROM t WHERE a = $1  AND b = $$:no$$ AND c = $3 AND d = $4    ");
}

// JDBC's `?` with no room for `$N`: the bytes it takes are recorded and map back.
TEST(Placeholders, QuestionMarksWithoutRoomGrowAndMapBack) {
  std::string in = "SELECT a FROM t WHERE b IN (?,?) AND c = ?";
  sql::NormalizedSql out = sql::normalize_placeholders_mapped(in, sql::PlaceholderStyle::postgres);
  EXPECT_EQ(out.text, "SELECT a FROM t WHERE b IN ($1,$2) AND c = $3");
  EXPECT_EQ(out.inserted, (std::vector<size_t>{29, 32, 44}));
  EXPECT_EQ(out.to_original(out.text.find("AND")), in.find("AND"));
  EXPECT_EQ(out.to_original(29), in.find('?')) << "an inserted byte maps to its placeholder";
  EXPECT_EQ(sql::normalize_placeholders("SELECT d ?| array['a'] FROM t WHERE x = ? ", sql::PlaceholderStyle::postgres),
            "SELECT d ?| array['a'] FROM t WHERE x = $1") << "jsonb's ?| is an operator";
}

// Found by fuzz_postgres_check: a parameter number past int's range threw out of std::stoi.
TEST(Placeholders, ParameterNumberTooLargeForInt) {
  std::string in = "SELECT $99999999999, :name";
  std::string out = sql::normalize_placeholders(in, sql::PlaceholderStyle::postgres);
  EXPECT_EQ(out.size(), in.size());
  EXPECT_EQ(out.substr(0, 19), "SELECT $99999999999");
}

// Found by fuzz_scan_js: a regex ending in a backslash at the end of the file stepped past it,
// and the template around it ended one byte beyond the text.
TEST(JsScanner, RegexBackslashAtEndOfFile) {
  std::string src = "const q = `${ (/a\\";
  CodeScan scan = scan_js(src);
  ASSERT_EQ(scan.literals.size(), 1u);
  EXPECT_EQ(scan.literals[0].file_end, src.size());
}

}  // namespace
}  // namespace mc
