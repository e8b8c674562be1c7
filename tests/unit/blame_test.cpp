// Blame follows a relation's renames and drops: what was blamed on its columns, checks and indexes
// moves with it, and nothing of a relation whose name merely starts with the same letters.
#include <gtest/gtest.h>

#include "analyses/blame.h"

namespace mc {
namespace {

using catalog::ChangeKind;

catalog::Change change(ChangeKind kind, std::string relation, std::string column = {}, std::string new_name = {}) {
  return {kind, std::move(relation), std::move(column), std::move(new_name), {}};
}

// Statements told apart by their offset alone.
Span at(size_t statement) { return Span{nullptr, statement, statement}; }

struct Recorder {
  Blame blame;
  catalog::Catalog after;
  void operator()(catalog::Change c, size_t line) { blame.record({std::move(c)}, after, at(line)); }
  size_t line_of(std::string_view object) const {
    const Origin* o = blame.find(object);
    return o ? o->statement.begin : 0;
  }
};

TEST(Blame, ARenameCarriesTheColumnsChecksAndIndexesOfThatRelationOnly) {
  Recorder r;
  r(change(ChangeKind::column_added, "users_new", "email"), 1);
  r(change(ChangeKind::index_added, "users_new", {}, "users_new_email"), 2);
  r(change(ChangeKind::column_added, "users_new2", "email"), 3);  // same first letters, another table
  r(change(ChangeKind::relation_renamed, "users_new", {}, "Users"), 4);

  EXPECT_EQ(r.line_of("users.email"), 1u);
  EXPECT_EQ(r.blame.find("users.email")->change.relation, "users");
  EXPECT_EQ(r.line_of("users_new.email"), 0u);
  ASSERT_EQ(r.blame.constraints_of("users").size(), 1u);
  EXPECT_EQ(r.blame.constraints_of("users")[0]->statement.begin, 2u);
  EXPECT_EQ(r.line_of("users_new2.email"), 3u);
  EXPECT_EQ(r.line_of("users"), 4u);
  EXPECT_EQ(r.line_of("users_new"), 4u);
}

TEST(Blame, ADropSetsTheRelationsObjectsAside) {
  Recorder r;
  r(change(ChangeKind::column_added, "t", "a"), 1);
  r(change(ChangeKind::column_added, "t2", "a"), 2);
  r(change(ChangeKind::relation_dropped, "t"), 3);
  EXPECT_EQ(r.line_of("t.a"), 0u);
  EXPECT_EQ(r.line_of("t(dropped).a"), 1u);
  EXPECT_EQ(r.line_of("t"), 3u);
  EXPECT_EQ(r.line_of("t2.a"), 2u);

  // Made again and dropped again: the second generation is set aside as well, the first kept apart.
  r(change(ChangeKind::column_added, "t", "b"), 4);
  r(change(ChangeKind::relation_dropped, "t"), 5);
  EXPECT_EQ(r.line_of("t(dropped).b"), 4u);
  EXPECT_EQ(r.line_of("t(dropped).a"), 1u);
}

}  // namespace
}  // namespace mc
