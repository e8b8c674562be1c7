// ReplayRecord holds the diffs of a window of the incoming statements (lint: one file at a time);
// lookups by statement position must see only that window.
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

}  // namespace
}  // namespace mc
