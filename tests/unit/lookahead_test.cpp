// FileLookahead answers the rules' "does a later statement of this file ...?" from an index built
// once per file: only statements after the asking one and inside its file count, whatever came
// before, and each answer is the one a scan of the rest of the file would give.
#include <gtest/gtest.h>

#include "analyses/rules/lookahead.h"

namespace mc::rules {
namespace {

using catalog::ChangeKind;

catalog::Change change(ChangeKind kind, std::string relation, std::string column = {}, std::string new_name = {}) {
  return {kind, std::move(relation), std::move(column), std::move(new_name), {}};
}

catalog::Relation table(std::string name, std::vector<std::pair<std::string, std::string>> columns) {
  catalog::Relation r;
  r.name = std::move(name);
  for (auto& [column, type] : columns) r.columns.push_back(catalog::Column{.name = column, .type = type});
  return r;
}

// Statements 10.. of a run: the file under test is [begin, end) of them.
struct File {
  ReplayRecord replay;
  File() { replay.first = 10; }
  StatementDiff& add() { return replay.diffs.emplace_back(); }
  FileLookahead lookahead(size_t begin, size_t end) const { return FileLookahead(replay, no_statements(), begin, end); }
  static const std::vector<Statement>& no_statements() {
    static const std::vector<Statement> none;
    return none;
  }
};

// The statements of one text, split at each ';'.
struct Texts {
  SqlText origin;
  std::vector<Statement> statements;
  explicit Texts(std::string text) {
    origin.text = std::move(text);
    for (size_t from = 0, to; from < origin.text.size(); from = to + 1) {
      to = std::min(origin.text.find(';', from), origin.text.size());
      statements.push_back(*statement_between(origin, from, to));
    }
  }
};

TEST(FileLookahead, ARelationCountsOnlyWhenCreatedAfterTheAskingStatement) {
  File f;
  f.add().changes.push_back(change(ChangeKind::relation_added, "Users"));                      // 10
  f.add().changes.push_back(change(ChangeKind::relation_dropped, "users"));                    // 11
  f.add().changes.push_back(change(ChangeKind::relation_renamed, "users_new", {}, "users"));  // 12
  f.add().changes.push_back(change(ChangeKind::relation_dropped, "users"));                    // 13
  FileLookahead later = f.lookahead(10, 14);
  EXPECT_TRUE(later.creates_relation("USERS", 11));  // renamed to it by 12
  EXPECT_FALSE(later.creates_relation("users", 12));
  EXPECT_FALSE(later.creates_relation("users", 13));
  EXPECT_TRUE(later.renames_relation_away("users_new", 11));
  EXPECT_FALSE(later.renames_relation_away("users_new", 12));
  EXPECT_FALSE(later.renames_relation_away("users", 10));
  // The file ends at 12: the rename is another file's.
  EXPECT_FALSE(f.lookahead(10, 12).creates_relation("users", 11));
}

TEST(FileLookahead, AnIndexMatchesByNameOrByTableAndExactColumns) {
  File f;
  StatementDiff& created = f.add();  // 10
  created.changes.push_back(change(ChangeKind::index_added, "orders", {}, "orders_total_idx"));
  created.after.add_relation(table("orders", {{"total", "numeric"}}));
  created.after.add_index({.name = "orders_total_idx", .table = "Orders", .columns = {"total", "lower(note)"}});
  FileLookahead later = f.lookahead(10, 11);
  EXPECT_TRUE(later.creates_index_named("ORDERS_TOTAL_IDX", 9));
  EXPECT_FALSE(later.creates_index_named("orders_total_idx", 10));
  EXPECT_TRUE(later.creates_index_on("orders", {"total", "lower(note)"}, 9));
  EXPECT_FALSE(later.creates_index_on("orders", {"total", "LOWER(note)"}, 9));  // expressions as written
  EXPECT_FALSE(later.creates_index_on("orders", {"total"}, 9));
  EXPECT_FALSE(later.creates_index_on("orders", {"total", "lower(note)"}, 10));
}

TEST(FileLookahead, TheFirstColumnOfATypeAddedAfterTheAskingStatement) {
  File f;
  for (const char* column : {"a", "b", "c"}) {
    StatementDiff& d = f.add();  // 10, 11, 12
    d.changes.push_back(change(ChangeKind::column_added, "t", column));
    d.after.add_relation(table("t", {{column, column[0] == 'b' ? "integer" : "TEXT"}}));
  }
  FileLookahead later = f.lookahead(10, 13);
  EXPECT_EQ(later.adds_column_of_type("T", "text", 9), "a");
  EXPECT_EQ(later.adds_column_of_type("t", "text", 10), "c");
  EXPECT_EQ(later.adds_column_of_type("t", "text", 12), "");
  EXPECT_EQ(later.adds_column_of_type("t", "integer", 10), "b");
  EXPECT_EQ(later.adds_column_of_type("other", "text", 9), "");
}

TEST(FileLookahead, TheDiffsHoldingAFunctionAfterTheAskingStatement) {
  File f;
  for (int i = 0; i < 3; ++i) {
    StatementDiff& d = f.add();  // 10, 11, 12
    if (i != 1) d.after.add_function("Touch", {.min_args = i, .max_args = i, .types = {}});
  }
  FileLookahead later = f.lookahead(10, 13);
  std::vector<const StatementDiff*> held = later.diffs_holding_function("touch", 10);
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0], f.replay.diff_of(12));
  EXPECT_EQ(later.diffs_holding_function("touch", 9).size(), 2u);
  EXPECT_TRUE(later.diffs_holding_function("other", 9).empty());
}

TEST(FileLookahead, OnlyTheHeldDiffsAreRead) {
  File f;
  f.add().changes.push_back(change(ChangeKind::relation_added, "t"));  // 10
  // Asked about statements the record does not hold (lint holds one file at a time): no answer.
  EXPECT_FALSE(f.lookahead(0, 30).creates_relation("t", 10));
  EXPECT_TRUE(f.lookahead(0, 30).creates_relation("t", 5));
  EXPECT_FALSE(FileLookahead().creates_relation("t", 0));
}

TEST(FileLookahead, TriggersAndSequenceMovesAreFoundInTheTextAfterTheAskingStatement) {
  Texts t(
      "CREATE TRIGGER audit AFTER INSERT ON t BEGIN SELECT 1; END;"       // 0 (split at each ';': 0 and 1)
      "SELECT setval('t_id_seq', 10);"                                      // 2
      "ALTER TABLE t ADD COLUMN n int;"                                     // 3
      "create /* a comment */ temp  trigger \"Stamp\" AFTER UPDATE ON t BEGIN");  // 4
  const ReplayRecord no_diffs;
  FileLookahead later(no_diffs, t.statements, 0, t.statements.size());
  EXPECT_FALSE(later.creates_trigger("audit", 0));
  EXPECT_TRUE(later.creates_trigger("STAMP", 3));
  EXPECT_FALSE(later.creates_trigger("stamp", 4));
  EXPECT_FALSE(later.creates_trigger("other", 0));
  EXPECT_TRUE(later.mentions_sequence_start(1));
  EXPECT_FALSE(later.mentions_sequence_start(2));
  EXPECT_FALSE(FileLookahead(no_diffs, t.statements, 0, 2).mentions_sequence_start(1));
}

}  // namespace
}  // namespace mc::rules
