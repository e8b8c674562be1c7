// The rule catalog: every risky schema change named, with the safe sequence instead.
//
// A rule is a folder under src/analyses/rules/: `rule.cpp` (its metadata and check), `doc.md`
// (What it does / Why it breaks / Example / Do instead) and `cases/` (golden cases in the shared
// case format: `fires-*` and `quiet-*`). Every rule is registered in rules/list.def. Rules see
// one new migration statement at a time: what the dialect's front end says about it (facts,
// intent), what it changed in the catalog (diff), and the state of its migration file so far.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyses/rules/lookahead.h"
#include "analyses/statement_diff.h"
#include "base/diagnostic.h"
#include "inputs/config.h"
#include "sql/facts.h"
#include "sql/model.h"
#include "sql/statement.h"

namespace mc::rules {

enum class Category { breaks_readers, breaks_writers, data_loss, rollback_hazard, lock_hazard, sqlite, hygiene };
const char* category_name(Category category);

inline constexpr unsigned sqlite_only = 1, postgres_only = 2, both_dialects = 3;

struct RuleInfo {
  std::string_view code;  // "MC101": stable forever
  std::string_view name;  // "drop-column"
  Category category;
  Severity severity;      // default; `[rules]` in migcompat.toml changes it
  unsigned dialects;
  std::string_view summary;  // one line
  // "stable", or "preview" for rules whose detection is a heuristic still being tuned on real
  // migrations (their code and name stay; their wording and reach may change).
  std::string_view status = "stable";
};

// The migration file a statement belongs to, as far as it has been read.
struct MigrationState {
  const SourceFile* file = nullptr;
  size_t end = 0;  // one past the index of this migration's last statement (they are contiguous)
  FileLookahead later;  // what the file's statements after a given one do
  int open_transactions = 0;           // explicit BEGIN not yet committed
  bool lock_timeout = false;           // SET lock_timeout seen
  bool statement_timeout = false;      // SET statement_timeout seen
  bool foreign_keys_pragma_in_transaction = false;
  std::set<std::string> created_tables;  // tables this migration created: new and empty
  const Statement* last_begin = nullptr;
  std::string locked_table;  // inside BEGIN: a table a statement took a blocking lock on
  std::map<std::string, catalog::Catalog> dropped_tables;  // this migration dropped them: as they were
  mutable std::set<std::string> reported;  // findings a rule reports once per migration
};

struct RuleContext {
  Dialect dialect;
  const Statement& statement;
  const sql::StatementFacts& facts;
  const std::vector<sql::SchemaChange>& intent;  // PostgreSQL's parse of the statement; empty for SQLite
  // What the statement changed. For the last step of a SQLite table rebuild (create new, copy,
  // drop old, rename new), the net effect on the table against what the drop removed.
  const StatementDiff& diff;
  const MigrationState& migration;
  const std::vector<Statement>& statements;  // every new statement, and this one's index
  // The deployed schema, and what the statements changed (this file's, at least).
  const ReplayRecord& replay;
  size_t index = 0;
  bool lint = false;  // `migcompat lint`: migration files alone, no deployed schema, no old code
  bool locks_measured = false;  // a PostgreSQL server traced this statement's locks

  // The deployed schema, whole (empty for lint).
  const catalog::Catalog& deployed() const { return replay.deployed; }

  // Whether `table` was created earlier in this same migration (so nothing else uses it yet).
  bool created_here(std::string_view table) const;
  // Look-ahead, within this migration file (its statements after this one):
  // whether one creates `relation` again (or renames one to it): a rebuild, or a view that keeps
  // an old name alive;
  bool recreated_later(std::string_view relation) const { return migration.later.creates_relation(relation, index); }
  // whether one renames `relation` away (a rebuild's new table);
  bool renamed_later(std::string_view relation) const { return migration.later.renames_relation_away(relation, index); }
  // whether one creates the dropped index again (by its name, or on the same columns);
  bool index_recreated_later(const catalog::Change& dropped) const;
  // the first column of `type` one adds to `table`, or "";
  std::string column_added_later(std::string_view table, std::string_view type) const {
    return migration.later.adds_column_of_type(table, type, index);
  }
  // the diffs of those that create, replace or drop function `name`, in order;
  std::vector<const StatementDiff*> later_diffs_holding_function(std::string_view name) const {
    return migration.later.diffs_holding_function(name, index);
  }
  // whether one is CREATE TRIGGER `name`;
  bool trigger_created_later(std::string_view name) const { return migration.later.creates_trigger(name, index); }
  // whether one moves a sequence (its text mentions START or setval).
  bool sequence_moved_later() const { return migration.later.mentions_sequence_start(index); }
  // True the first time `key` is asked for in this migration: findings told once per file.
  bool first_in_migration(const std::string& key) const { return migration.reported.insert(key).second; }
};

struct Finding {
  std::string message;
  std::string object;          // "table" or "table.column"
  size_t at = sql::no_location;  // offset in the statement to point at; else the whole statement
  std::string label;
  std::vector<std::string> notes;
  std::string help;
};

struct Rule {
  RuleInfo info;
  void (*check)(const RuleContext& context, std::vector<Finding>& out) = nullptr;
  // Called once per migration file after its last new statement (findings point at the file's
  // last BEGIN, or its last statement); may be null.
  void (*finish)(const MigrationState& state, std::vector<Finding>& out) = nullptr;
};

// Every rule, in code order.
const std::vector<const Rule*>& all_rules();
// By code ("MC101") or name ("drop-column"), case-insensitive; nullptr when unknown.
const Rule* find_rule(std::string_view code_or_name);
// The rule's doc.md, embedded at build time.
std::string_view rule_doc(std::string_view name);

}  // namespace mc::rules
