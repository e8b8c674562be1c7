// The rest of a migration file, indexed for the rules' look-ahead.
//
// Some changes are safe only because a later statement of the same migration file makes up for
// them: a table dropped and created again (a rebuild), an index dropped and created again, a
// function dropped and created again with the same arguments. Answering "does a later statement
// ...?" by scanning the rest of the file for every statement that asks made a file's cost
// quadratic in its statements (lint of one file of 20,000 statements 0.32 s, of 40,000: 0.92 s).
// Each kind of question gets an index, built in one pass over the file the first time one of its
// statements asks it (most files never ask most questions), and is then a lookup.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyses/statement_diff.h"
#include "sql/statement.h"

namespace mc::rules {

class FileLookahead {
 public:
  FileLookahead() = default;
  // The file is statements [begin, end); its diffs must be held in `replay` while it is asked.
  FileLookahead(const ReplayRecord& replay, const std::vector<Statement>& statements, size_t begin, size_t end)
      : replay_(&replay), statements_(&statements), begin_(begin), end_(end) {}

  // Every question is about the file's statements after statement `index`.

  // Whether one creates `relation` (or renames another to it).
  bool creates_relation(std::string_view relation, size_t index) const;
  // Whether one renames `relation` to another name.
  bool renames_relation_away(std::string_view relation, size_t index) const;
  // Whether one creates an index named `name`.
  bool creates_index_named(std::string_view name, size_t index) const;
  // Whether one creates an index on `table` over exactly `columns`.
  bool creates_index_on(std::string_view table, const std::vector<std::string>& columns, size_t index) const;
  // The first column of `type` one adds to `table`, or "".
  std::string adds_column_of_type(std::string_view table, std::string_view type, size_t index) const;
  // The diffs of those whose snapshot holds function `name` (they create, replace or drop it), in order.
  std::vector<const StatementDiff*> diffs_holding_function(std::string_view name, size_t index) const;
  // Whether one is CREATE [TEMP] TRIGGER naming `name`.
  bool creates_trigger(std::string_view name, size_t index) const;
  // Whether one's text mentions START (RESTART, START WITH) or setval: it moves a sequence.
  bool mentions_sequence_start(size_t index) const;

 private:
  // Name (lower-cased) -> the last statement it was seen in.
  using LastSeen = std::unordered_map<std::string, size_t>;
  struct Relations {
    LastSeen created;         // CREATE, or RENAME ... TO it
    LastSeen renamed_away;
  };
  struct Indexes {
    LastSeen by_name;
    LastSeen by_shape;  // shape_key(table, columns)
  };
  struct Texts {                                            // from the statements' text
    std::vector<std::pair<size_t, std::string>> triggers;  // CREATE TRIGGER statements, normalized, lower-case
    std::optional<size_t> last_sequence_start;
  };
  using ColumnsAdded = std::unordered_map<std::string, std::vector<std::pair<size_t, std::string>>>;  // table+type -> (statement, column)
  using FunctionsHeld = std::unordered_map<std::string, std::vector<size_t>>;

  static std::string shape_key(std::string_view table, const std::vector<std::string>& columns);
  static std::string column_type_key(std::string_view table, std::string_view type);

  const Relations& relations() const;
  const Indexes& indexes() const;
  const ColumnsAdded& columns_added() const;
  const FunctionsHeld& functions_held() const;
  const Texts& texts() const;
  // Calls f(statement index, diff) for each of the file's held diffs, in order.
  template <class F>
  void each_diff(F f) const;

  const ReplayRecord* replay_ = nullptr;
  const std::vector<Statement>* statements_ = nullptr;
  size_t begin_ = 0, end_ = 0;
  mutable std::optional<Relations> relations_;
  mutable std::optional<Indexes> indexes_;
  mutable std::optional<ColumnsAdded> columns_added_;
  mutable std::optional<FunctionsHeld> functions_held_;
  mutable std::optional<Texts> texts_;
};

}  // namespace mc::rules
