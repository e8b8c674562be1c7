#include <gtest/gtest.h>

#include <algorithm>

#include "base/text.h"

namespace mc {
namespace {

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

TEST(LooksBinary, DetectsNulAndBadUtf8) {
  EXPECT_TRUE(looks_binary(std::string("ab\0cd", 5)));
  EXPECT_TRUE(looks_binary("\xff\xfe\x01"));
  EXPECT_FALSE(looks_binary("SELECT 'héllo' FROM t"));
}

}  // namespace
}  // namespace mc
