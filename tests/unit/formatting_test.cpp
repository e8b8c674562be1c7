#include <gtest/gtest.h>

#include "inputs/code_scan.h"
#include "inputs/formatting.h"

namespace {

using namespace mc;

// The evaluated literals (those the evaluation appended), in order.
std::vector<const CodeLiteral*> evaluated(const CodeScan& scan, size_t scanned) {
  std::vector<const CodeLiteral*> out;
  for (size_t i = scanned; i < scan.literals.size(); ++i) out.push_back(&scan.literals[i]);
  return out;
}

TEST(Formatting, GoSprintfWithConstantsNumbersAndQuotedValues) {
  std::string text =
      "const cols = \"id, name\"\n"
      "q := fmt.Sprintf(\"SELECT %s FROM users WHERE id = %d AND name = '%s' LIMIT %%d\", cols, id, name)\n";
  CodeScan scan = scan_go(text);
  size_t scanned = scan.literals.size();
  fold_formatting(scan, text, FormatSyntax::go);
  auto out = evaluated(scan, scanned);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]->cooked, "SELECT  FROM users WHERE id = 0 AND name = 'x' LIMIT %d");
  ASSERT_EQ(out[0]->holes.size(), 1u);
  EXPECT_EQ(out[0]->holes[0].expression, "cols");
  EXPECT_EQ(text.substr(out[0]->holes[0].file_begin, 4), "cols");
  EXPECT_EQ(text[out[0]->origin[0]], 'S');  // literal characters keep their places
  EXPECT_TRUE(scan.literals[1].absorbed);   // the format string is part of the evaluated call
  ASSERT_TRUE(scan.constants.count("q"));
  EXPECT_EQ(scan.constants["q"], scanned);
}

TEST(Formatting, GoStringsJoinOfALiteralSliceAsAnArgument) {
  std::string text =
      "var q = fmt.Sprintf(\"SELECT %s FROM t\", strings.Join([]string{\"a\", \"b\", C}, \", \"))\n";
  CodeScan scan = scan_go(text);
  size_t scanned = scan.literals.size();
  fold_formatting(scan, text, FormatSyntax::go);
  auto out = evaluated(scan, scanned);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0]->cooked, "a, b, ");  // the join, with a hole for C
  EXPECT_EQ(out[1]->cooked, "SELECT a, b,  FROM t");
  ASSERT_EQ(out[1]->holes.size(), 1u);
  EXPECT_EQ(out[1]->holes[0].expression, "C");
}

TEST(Formatting, PythonFormatPercentAndJoin) {
  std::string text =
      "COLS = \", \".join([\"id\", \"email\"])\n"
      "a = \"SELECT {} FROM users WHERE id = {id:d}\".format(COLS, id=user_id)\n"
      "b = \"SELECT %s FROM users WHERE name = '%s'\" % (COLS, name)\n"
      "c = cur.execute(\"SELECT * FROM t WHERE id = %s\", (x,))\n";
  CodeScan scan = scan_python(text);
  size_t scanned = scan.literals.size();
  fold_formatting(scan, text, FormatSyntax::python);
  auto out = evaluated(scan, scanned);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0]->cooked, "id, email");
  ASSERT_TRUE(scan.constants.count("COLS"));
  EXPECT_EQ(out[1]->cooked, "SELECT  FROM users WHERE id = 0");
  ASSERT_EQ(out[1]->holes.size(), 1u);
  EXPECT_EQ(out[1]->holes[0].expression, "COLS");
  EXPECT_EQ(out[2]->cooked, "SELECT  FROM users WHERE name = 'x'");
  // A driver placeholder (an argument, not the % operator) is left alone.
  EXPECT_FALSE(scan.literals[scanned - 1].absorbed);
}

TEST(Formatting, RustFormatWithCapturedNames) {
  std::string text = "let q = format!(\"SELECT {} FROM {TABLE} WHERE id = {{id}}\", COLS);\n";
  CodeScan scan = scan_rust(text);
  size_t scanned = scan.literals.size();
  fold_formatting(scan, text, FormatSyntax::rust);
  auto out = evaluated(scan, scanned);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]->cooked, "SELECT  FROM  WHERE id = {id}");
  ASSERT_EQ(out[0]->holes.size(), 2u);
  EXPECT_EQ(out[0]->holes[0].expression, "COLS");
  EXPECT_EQ(out[0]->holes[1].expression, "TABLE");
  EXPECT_EQ(text.substr(out[0]->holes[1].file_begin, 5), "TABLE");
}

TEST(Formatting, UnclosedCallsAndStrayNeedlesAreLeftAlone) {
  for (std::string text : {"fmt.Sprintf(\"SELECT %s\", ", "x := \"fmt.Sprintf(\\\"a\\\")\"\n", "fmt.Sprintf(name, a)\n"}) {
    CodeScan scan = scan_go(text);
    size_t scanned = scan.literals.size();
    fold_formatting(scan, text, FormatSyntax::go);
    EXPECT_EQ(scan.literals.size(), scanned) << text;
  }
}

TEST(Formatting, FormatsNotFollowedAreUnknownNotPlaceholders) {
  std::string text = "q = \"SELECT %(col)s FROM t\" % {\"col\": c}\n";
  CodeScan scan = scan_python(text);
  size_t scanned = scan.literals.size();
  fold_formatting(scan, text, FormatSyntax::python);
  auto out = evaluated(scan, scanned);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]->cooked, "SELECT %(col)s FROM t");
  ASSERT_EQ(out[0]->holes.size(), 1u);
  EXPECT_EQ(out[0]->holes[0].expression, "{\"col\": c}");  // not a name: computed at run time
}

TEST(Formatting, TemplatePlaceholdersBecomeHoles) {
  std::string text = "q = \"SELECT * FROM {{ table }} WHERE id = {{id}}\"\n";
  CodeScan scan = scan_python(text);
  ASSERT_EQ(scan.literals.size(), 1u);
  template_placeholders(scan.literals[0]);
  const CodeLiteral& l = scan.literals[0];
  EXPECT_EQ(l.cooked, "SELECT * FROM  WHERE id = ");
  ASSERT_EQ(l.holes.size(), 2u);
  EXPECT_EQ(l.holes[0].expression, "table");
  EXPECT_EQ(text.substr(l.holes[0].file_begin, l.holes[0].file_end - l.holes[0].file_begin), "{{ table }}");
  EXPECT_EQ(l.origin.size(), l.cooked.size());
}

}  // namespace
