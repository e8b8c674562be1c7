#include <gtest/gtest.h>

#include <algorithm>

#include "base/text.h"

namespace mc {
namespace {

// Identifiers fold ASCII only, as PostgreSQL folds unquoted names: bytes of UTF-8 stay as they are.
TEST(ToLower, FoldsAsciiOnly) {
  EXPECT_EQ(to_lower("Public.Users_2024"), "public.users_2024");
  EXPECT_EQ(to_lower("@[`{ AZ az"), "@[`{ az az");  // the characters around the ranges stay
  EXPECT_EQ(to_lower("\xC3\x84PFEL"), "\xC3\x84pfel");
  EXPECT_EQ(to_lower(""), "");
}

TEST(NaturalOrder, NumbersCompareByValue) {
  std::vector<std::string> names = {"10_c.sql", "2_b.sql", "1_a.sql", "002_x.sql", "V10__z.sql", "V3__y.sql",
                                    "20240102_b.sql", "20231231_a.sql"};
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return natural_less(a, b); });
  EXPECT_EQ(names, (std::vector<std::string>{"1_a.sql", "2_b.sql", "002_x.sql", "10_c.sql", "20231231_a.sql",
                                             "20240102_b.sql", "V3__y.sql", "V10__z.sql"}));
}

TEST(NaturalOrder, IsAStrictOrder) {
  EXPECT_FALSE(natural_less("1_a", "1_a"));
  EXPECT_TRUE(natural_less("01_a", "1_a") != natural_less("1_a", "01_a"));
}

TEST(NormalizeSql, DropsCommentsAndCollapsesSpaceButKeepsStrings) {
  EXPECT_EQ(normalize_sql("SELECT  a,\n  b -- why\nFROM t;  "), "SELECT a, b FROM t");
  EXPECT_EQ(normalize_sql("SELECT 'a  -- b' /* c */ FROM t"), "SELECT 'a  -- b' FROM t");
}

TEST(AnnotationName, ReadsSqlcNames) {
  EXPECT_EQ(annotation_name("-- name: GetUser :one\n"), "GetUser");
  EXPECT_EQ(annotation_name("-- just a comment\n"), "");
}

TEST(LooksBinary, NulIsBinaryBadUtf8IsFoundWhereItIs) {
  EXPECT_TRUE(looks_binary(std::string("ab\0cd", 5)));
  EXPECT_FALSE(looks_binary("caf\xe9"));  // Latin-1 is text, just not UTF-8
  EXPECT_EQ(first_non_text_byte("caf\xe9 au lait"), 3u);
  EXPECT_EQ(first_non_text_byte("SELECT 'h\xc3\xa9llo \xf0\x9f\x98\x80'"), std::string_view::npos);
  EXPECT_EQ(first_non_text_byte(std::string("ab\0cd", 5)), 2u);
  EXPECT_EQ(first_non_text_byte("\xc3\x28"), 0u);    // a lead byte without its continuation
  EXPECT_EQ(first_non_text_byte("ok\xe2\x82"), 2u);  // cut short at the end
  EXPECT_EQ(first_non_text_byte("\xc0\xaf"), 0u);    // overlong encoding of '/'

  EXPECT_FALSE(looks_binary("SELECT 'héllo' FROM t"));
}

}  // namespace
}  // namespace mc
