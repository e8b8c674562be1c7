// ReplayRecord holds the diffs of a window of the incoming statements (lint: one file at a time);
// lookups by statement position must see only that window, whatever range they ask for.
#include <gtest/gtest.h>

#include "analyses/statement_diff.h"

namespace mc {
namespace {

ReplayRecord window(size_t first, size_t count) {
  ReplayRecord r;
  r.first = first;
  for (size_t i = 0; i < count; ++i) {
    StatementDiff d;
    d.changes.push_back({catalog::ChangeKind::relation_added, "t" + std::to_string(first + i), {}, {}, {}});
    r.diffs.push_back(std::move(d));
  }
  return r;
}

TEST(ReplayRecord, DiffOfSeesOnlyTheHeldStatements) {
  ReplayRecord r = window(3, 2);
  EXPECT_EQ(r.diff_of(2), nullptr);
  ASSERT_NE(r.diff_of(3), nullptr);
  EXPECT_EQ(r.diff_of(3)->changes[0].relation, "t3");
  EXPECT_EQ(r.diff_of(4)->changes[0].relation, "t4");
  EXPECT_EQ(r.diff_of(5), nullptr);
  EXPECT_EQ(ReplayRecord{}.diff_of(0), nullptr);
}

TEST(ReplayRecord, DiffsOfClipsTheRangeToTheWindow) {
  ReplayRecord r = window(3, 3);  // statements 3, 4, 5
  auto names = [](std::span<const StatementDiff> held) {
    std::vector<std::string> out;
    for (const StatementDiff& d : held) out.push_back(d.changes[0].relation);
    return out;
  };
  EXPECT_EQ(names(r.diffs_of(0, 10)), (std::vector<std::string>{"t3", "t4", "t5"}));
  EXPECT_EQ(names(r.diffs_of(4, 10)), (std::vector<std::string>{"t4", "t5"}));
  EXPECT_EQ(names(r.diffs_of(4, 5)), (std::vector<std::string>{"t4"}));
  EXPECT_TRUE(r.diffs_of(0, 3).empty());
  EXPECT_TRUE(r.diffs_of(6, 9).empty());
  EXPECT_TRUE(r.diffs_of(5, 5).empty());
  EXPECT_TRUE(r.diffs_of(5, 4).empty());
  EXPECT_EQ(names(window(0, 2).diffs_of(1, 2)), (std::vector<std::string>{"t1"}));
}

}  // namespace
}  // namespace mc
