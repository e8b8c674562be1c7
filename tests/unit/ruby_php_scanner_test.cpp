#include <gtest/gtest.h>

#include "inputs/code_scan.h"
#include "inputs/concatenation.h"

namespace {

using namespace mc;

const CodeLiteral* find(const CodeScan& scan, std::string_view cooked) {
  for (const CodeLiteral& l : scan.literals) {
    if (l.cooked == cooked) return &l;
  }
  return nullptr;
}

TEST(RubyScanner, SquigglyHeredocLosesItsIndentationAndKeepsOffsets) {
  std::string text =
      "class Users\n"
      "  BY_EMAIL = <<~SQL.squish\n"
      "    SELECT id,\n"
      "      name\n"
      "    FROM users WHERE email = #{COL}\n"
      "  SQL\n"
      "  COL = 'email'.freeze\n"
      "end\n";
  CodeScan scan = scan_ruby(text);
  ASSERT_EQ(scan.literals.size(), 2u);
  ASSERT_TRUE(scan.constants.count("BY_EMAIL"));
  const CodeLiteral& heredoc = scan.literals[scan.constants["BY_EMAIL"]];
  EXPECT_EQ(heredoc.cooked, "SELECT id,\n  name\nFROM users WHERE email = \n");
  EXPECT_EQ(text.substr(heredoc.origin[0], 6), "SELECT");
  ASSERT_EQ(heredoc.holes.size(), 1u);
  EXPECT_EQ(heredoc.holes[0].expression, "COL");
  ASSERT_TRUE(scan.constants.count("COL"));
  EXPECT_EQ(scan.literals[scan.constants["COL"]].cooked, "email");
}

TEST(RubyScanner, TwoHeredocsOnALineAndTheRestOfTheLine) {
  std::string text = "run(<<-A, <<'B', \"x\")\n  one #{y}\n  A\ntwo #{z}\nB\nafter = 'z'\n";
  CodeScan scan = scan_ruby(text);
  ASSERT_NE(find(scan, "  one \n"), nullptr);
  EXPECT_EQ(find(scan, "  one \n")->holes.size(), 1u);
  ASSERT_NE(find(scan, "two #{z}\n"), nullptr) << "a quoted heredoc identifier means no interpolation";
  EXPECT_NE(find(scan, "x"), nullptr);
  EXPECT_NE(find(scan, "z"), nullptr);
  // Literals come in the order they close: "x" before the heredocs of its line.
  EXPECT_EQ(scan.literals[0].cooked, "x");
  // Each heredoc is its body: apart from "x" and from each other (found by fuzz_scan_ruby).
  const CodeLiteral* a = find(scan, "  one \n");
  const CodeLiteral* b = find(scan, "two #{z}\n");
  EXPECT_LE(scan.literals[0].file_end, a->file_begin);
  EXPECT_LE(a->file_end, b->file_begin);
  EXPECT_EQ(text.substr(a->file_begin, 5), "  one");
}

TEST(RubyScanner, PercentLiteralsCommentsRegexpsAndModulo) {
  std::string text =
      "# SELECT 'not' FROM comment\n"
      "=begin\n'nor this'\n=end\n"
      "a = %q(it's (nested))\n"
      "b = %w[x y] + [x % 2]\n"
      "c = line =~ /it's/ ? 1 : 2\n"
      "d = %Q{v=#{v}}\n"
      "__END__\n'data'\n";
  CodeScan scan = scan_ruby(text);
  ASSERT_EQ(scan.literals.size(), 2u);
  EXPECT_EQ(scan.literals[0].cooked, "it's (nested)");
  EXPECT_EQ(scan.literals[1].cooked, "v=");
  EXPECT_EQ(scan.literals[1].holes.size(), 1u);
}

TEST(RubyScanner, BackslashAtTheEndEscapesNothing) {
  for (std::string text : {"\"abc\\", "<<~A\n\\", "%Q(\\", "<<~A\n#{"}) {
    CodeScan scan = scan_ruby(text);
    for (const CodeLiteral& l : scan.literals) {
      EXPECT_LE(l.file_end, text.size());
      for (uint32_t o : l.origin) EXPECT_LT(o, text.size());
    }
  }
}

TEST(PhpScanner, OnlyCodeBetweenTagsAndEveryStringForm) {
  std::string text =
      "<p>It's 'html'</p>\n"
      "<?php\n"
      "const TABLE = 'users';\n"
      "define('COLS', \"id, name\");\n"
      "// 'comment'\n"
      "# 'hash comment'\n"
      "$a = 'it\\'s';\n"
      "$b = \"id = {$row['id']} and $name->first\\n\";\n"
      "?>\n<b>'more html'</b>\n<?= 'short' ?>\n";
  CodeScan scan = scan_php(text);
  ASSERT_EQ(scan.literals.size(), 6u);
  EXPECT_EQ(scan.literals[0].cooked, "users");
  EXPECT_EQ(scan.literals[2].cooked, "id, name");
  EXPECT_EQ(scan.literals[3].cooked, "it's");
  EXPECT_EQ(scan.literals[4].cooked, "id =  and \n");
  ASSERT_EQ(scan.literals[4].holes.size(), 2u);
  EXPECT_EQ(scan.literals[4].holes[0].expression, "$row['id']");
  EXPECT_EQ(scan.literals[4].holes[1].expression, "$name->first");
  EXPECT_EQ(scan.literals[5].cooked, "short");
  ASSERT_TRUE(scan.constants.count("TABLE"));
  ASSERT_TRUE(scan.constants.count("COLS"));
  EXPECT_EQ(scan.literals[scan.constants["COLS"]].cooked, "id, name");
}

TEST(PhpScanner, HeredocAndNowdocWithAnIndentedClosingMarker) {
  std::string text =
      "<?php\n"
      "$q = <<<SQL\n"
      "    SELECT id\n"
      "      FROM {$t}\n"
      "    SQL;\n"
      "$r = <<<'EOT'\n"
      "raw $x\n"
      "EOT;\n";
  CodeScan scan = scan_php(text);
  ASSERT_EQ(scan.literals.size(), 2u);
  EXPECT_EQ(scan.literals[0].cooked, "SELECT id\n  FROM ");
  EXPECT_EQ(text.substr(scan.literals[0].origin[0], 6), "SELECT");
  ASSERT_EQ(scan.literals[0].holes.size(), 1u);
  EXPECT_EQ(scan.literals[0].holes[0].expression, "$t");
  EXPECT_EQ(scan.literals[1].cooked, "raw $x");
}

TEST(PhpScanner, DotConcatenationFolds) {
  std::string text = "<?php\nconst T = 'users';\n$sql = \"SELECT id \" .\n  \"FROM \" . T . \" WHERE id = ?\";\n";
  CodeScan scan = scan_php(text);
  fold_concatenations(scan, text, ConcatenationSyntax::dot);
  const CodeLiteral& folded = scan.literals.back();
  EXPECT_EQ(folded.cooked, "SELECT id FROM  WHERE id = ?");
  ASSERT_EQ(folded.holes.size(), 1u);
  EXPECT_EQ(folded.holes[0].expression, "T");
}

}  // namespace
