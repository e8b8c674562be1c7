#include <gtest/gtest.h>

#include "inputs/code_scan.h"
#include "inputs/concatenation.h"

namespace {

using namespace mc;

// The literals a reader would see after folding: absorbed pieces left out, holes as {NAME}.
std::vector<std::string> folded(CodeScan scan, std::string_view text, ConcatenationSyntax syntax) {
  fold_concatenations(scan, text, syntax);
  std::vector<std::string> out;
  for (const CodeLiteral& l : scan.literals) {
    if (l.absorbed) continue;
    std::string s;
    size_t prev = 0;
    for (const CodeHole& h : l.holes) {
      s += l.cooked.substr(prev, h.cooked_offset - prev) + "{" + h.expression + "}";
      prev = h.cooked_offset;
    }
    out.push_back(s + l.cooked.substr(prev));
  }
  std::sort(out.begin(), out.end());
  return out;
}

using List = std::vector<std::string>;

TEST(Concatenation, JsFoldsPlusAcrossLinesWithNames) {
  std::string text = "q(\"SELECT a \" +\n  \"FROM \" + T + \" WHERE id = $1\");\nr(P + \"x\", \"y\" + Q);\n";
  EXPECT_EQ(folded(scan_js(text), text, ConcatenationSyntax::plus), (List{"SELECT a FROM {T} WHERE id = $1", "y{Q}", "{P}x"}));
}

TEST(Concatenation, JsStopsAtAnythingButNamesAndPlus) {
  std::string text = "q(\"SELECT a \" + f() + \"FROM t\"); r(\"a\" - \"b\"); s(\"a\" + b.c);\n";
  EXPECT_EQ(folded(scan_js(text), text, ConcatenationSyntax::plus), (List{"FROM t", "SELECT a ", "a", "a", "b"}));
}

TEST(Concatenation, EveryCookedByteKeepsItsFileOffset) {
  std::string text = "q(\"ab\" + T + 'c\\n');";
  CodeScan scan = scan_js(text);
  fold_concatenations(scan, text, ConcatenationSyntax::plus);
  const CodeLiteral& merged = scan.literals.back();
  ASSERT_FALSE(merged.absorbed);
  EXPECT_EQ(merged.cooked, "abc\n");
  EXPECT_EQ(merged.origin, (std::vector<uint32_t>{3, 4, 14, 15}));
  EXPECT_EQ(merged.holes[0].file_begin, 9u);
  EXPECT_EQ(merged.file_begin, 2u);
  EXPECT_EQ(merged.file_end, text.size() - 2);
}

TEST(Concatenation, GoNeedsThePlusOnTheSameLine) {
  std::string text = "const q = \"SELECT a \" +\n\t\"FROM t\"\nvar r = \"SELECT b \"\n\t+ \"FROM u\"\n";
  CodeScan scan = scan_go(text);
  EXPECT_EQ(folded(scan, text, ConcatenationSyntax::plus_same_line), (List{"FROM u", "SELECT a FROM t", "SELECT b "}));
  fold_concatenations(scan, text, ConcatenationSyntax::plus_same_line);
  ASSERT_TRUE(scan.constants.count("q"));
  EXPECT_EQ(scan.literals[scan.constants["q"]].cooked, "SELECT a FROM t");
}

TEST(Concatenation, PythonAdjacentLiteralsInsideBracketsOnly) {
  std::string text =
      "Q = (\"SELECT a \"\n     \"FROM t\")\n"
      "cur.execute(\"SELECT b \"  'FROM u')\n"
      "x = \"lone\"\n\"expression statement\"\n"
      "T = \"a\", \"b\"\n";
  CodeScan scan = scan_python(text);
  EXPECT_EQ(folded(scan, text, ConcatenationSyntax::plus_or_adjacent),
            (List{"SELECT a FROM t", "SELECT b FROM u", "a", "b", "expression statement", "lone"}));
  fold_concatenations(scan, text, ConcatenationSyntax::plus_or_adjacent);
  ASSERT_TRUE(scan.constants.count("Q"));
  EXPECT_EQ(scan.literals[scan.constants["Q"]].cooked, "SELECT a FROM t");
  EXPECT_FALSE(scan.constants.count("T")) << "a tuple is not a string";
}

TEST(Concatenation, NestedTemplatesStayInside) {
  std::string text = "q(`SELECT ${`a`} FROM t` + \" WHERE x\");";
  CodeScan scan = scan_js(text);
  fold_concatenations(scan, text, ConcatenationSyntax::plus);
  size_t live = 0;
  for (const CodeLiteral& l : scan.literals) live += !l.absorbed;
  EXPECT_EQ(live, 2u) << "the nested `a` and the folded outer literal";
}

}  // namespace
