#include <gtest/gtest.h>

#include "inputs/code_scan.h"

namespace {

using namespace mc;

TEST(JavaScanner, TextBlocksLoseTheirIncidentalIndentation) {
  std::string text = "String q = \"\"\"\n    SELECT a,   \n      b\\s\n    FROM t \\\n    WHERE x = 1\n    \"\"\";\n";
  CodeScan scan = scan_java(text);
  ASSERT_EQ(scan.literals.size(), 1u);
  const CodeLiteral& l = scan.literals[0];
  EXPECT_EQ(l.cooked, "SELECT a,\n  b \nFROM t WHERE x = 1\n");
  EXPECT_EQ(text.substr(l.origin[0], 6), "SELECT");
  EXPECT_EQ(text[l.origin[l.cooked.find('b')]], 'b');
}

TEST(JavaScanner, EscapesAndConstants) {
  std::string text =
      "class A { private static final String T = \"us\\u0065rs\"; final String Q = \"a\\tb\\101\" + T; char c = '\"'; }";
  CodeScan scan = scan_java(text);
  ASSERT_EQ(scan.literals.size(), 2u) << "the char literal is no string";
  EXPECT_EQ(scan.literals[0].cooked, "users");
  EXPECT_EQ(scan.literals[1].cooked, "a\tbA");
  ASSERT_TRUE(scan.constants.count("T"));
  EXPECT_TRUE(scan.constants.count("Q")) << "left for fold_concatenations to keep or drop";
}

TEST(KotlinScanner, TemplatesRawStringsAndNestedComments) {
  std::string text =
      "const val TABLE = \"users\"\n"
      "/* outer /* inner */ \"not a string\" */\n"
      "val q = \"\"\"SELECT ${ col } FROM $TABLE\"\"\"\n"
      "val price = \"costs \\$5\"\n";
  CodeScan scan = scan_kotlin(text);
  ASSERT_EQ(scan.literals.size(), 3u);
  const CodeLiteral& q = scan.literals[1];
  EXPECT_EQ(q.cooked, "SELECT  FROM ");
  ASSERT_EQ(q.holes.size(), 2u);
  EXPECT_EQ(q.holes[0].expression, "col");
  EXPECT_EQ(q.holes[1].expression, "TABLE");
  EXPECT_EQ(text.substr(q.holes[1].file_begin, q.holes[1].file_end - q.holes[1].file_begin), "$TABLE");
  EXPECT_EQ(scan.literals[2].cooked, "costs $5");
  EXPECT_TRUE(scan.constants.count("TABLE"));
}

}  // namespace

namespace {

// Found by fuzz_scan_java and fuzz_scan_kotlin: a string ending in a backslash at the end of the
// file stepped one byte past it.
TEST(JavaScanner, BackslashAtEndOfFile) {
  for (auto scan : {mc::scan_java, mc::scan_kotlin}) {
    std::string text = "String q = \"SELECT a\\";
    mc::CodeScan result = scan(text);
    ASSERT_EQ(result.literals.size(), 1u);
    EXPECT_EQ(result.literals[0].file_end, text.size());
    EXPECT_EQ(result.literals[0].cooked, "SELECT a");
  }
}

}  // namespace
