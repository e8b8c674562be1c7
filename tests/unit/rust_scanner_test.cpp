#include <gtest/gtest.h>

#include "inputs/code_scan.h"

namespace {

using namespace mc;

TEST(RustScanner, RawStringsContinuationsLifetimesAndConstants) {
  std::string text =
      "const Q: &'static str = \"SELECT a \\\n     FROM t\";\n"
      "fn f<'a>(x: &'a str) -> char { let c = '\"'; let r = r##\"say \"#hi\"# \"##; '\\u{41}' }\n"
      "/* outer /* inner */ \"no\" */ let b = br#\"x\"#;\n";
  CodeScan scan = scan_rust(text);
  ASSERT_EQ(scan.literals.size(), 3u);
  EXPECT_EQ(scan.literals[0].cooked, "SELECT a FROM t");
  EXPECT_EQ(text[scan.literals[0].origin[9]], 'F') << "after the continuation, offsets are the next line's";
  EXPECT_EQ(scan.literals[1].cooked, "say \"#hi\"# ");
  EXPECT_EQ(scan.literals[2].cooked, "x");
  ASSERT_TRUE(scan.constants.count("Q"));
  EXPECT_EQ(scan.constants["Q"], 0u);
}

}  // namespace
