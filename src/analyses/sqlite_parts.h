// The deployed migrations on SQLite, replayed in independent parts.
//
// SQLite re-reads its whole schema after every ALTER TABLE (ADD COLUMN, RENAME, DROP COLUMN), so
// one database replaying a long history pays the schema's size per such statement: quadratic in
// the history. Statements that name no object in common change disjoint parts of the schema. Each
// part is replayed in a database of its own (parts run on every core), then the parts are merged
// into one database: the same objects, rows, rowids and AUTOINCREMENT counters. Whatever cannot
// be split with certainty from the text alone is replayed whole, as before; so is any history of
// which a part fails, so that the error is the one-database replay's.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/catalog.h"
#include "sql/sqlite/engine.h"
#include "sql/statement.h"

namespace mc {

struct ReplayParts {
  static constexpr uint32_t every_part = UINT32_MAX;  // a connection setting: run in each part and at the end
  static constexpr uint32_t no_part = UINT32_MAX - 1;  // BEGIN or COMMIT: without effect on the result
  std::vector<uint32_t> part_of;                      // per statement: its part, every_part or no_part
  std::vector<std::string> setting;  // per statement: the PRAGMA an every_part statement sets, else ""
  std::unordered_map<std::string, uint32_t> part_of_name;  // each name the history creates, case folded
  uint32_t parts = 0;
};

// Which statements share an object: a statement joins the part of every object it names (tables,
// views, indexes and triggers the history creates, by name, case folded as SQLite folds it). nullopt
// when some statement's reach cannot be told from its text: a PRAGMA other than a connection
// setting, or one inside a transaction; ATTACH, VACUUM, ANALYZE, ROLLBACK, SAVEPOINT; temporary or
// virtual tables; objects of another schema; SQLite's own tables (sqlite_sequence, ...).
std::optional<ReplayParts> partition_statements(const std::vector<Statement>& statements);

// The parts that SQL `texts` (old queries) name: the only parts those texts can reach, since a
// part holds every object that its objects name. All of them when a text names SQLite's own tables.
std::vector<bool> parts_named_in(const ReplayParts& parts, const std::vector<std::string_view>& texts);

// A history to replay in parts: `statements` are the deployed ones, then (from `cut` on) the new
// ones. A deployed statement runs through `apply_deployed`; a new one through `apply_new`, which
// is given its index and may record what it did (the parts run on several threads, each index
// once); a PRAGMA setting through `apply_setting` (in each part that needs it). Each throws
// InputError when the statement fails.
struct PartsRun {
  const std::vector<Statement>& statements;
  size_t cut;
  std::function<void(sqlite::Database&, const Statement&)> apply_deployed;
  std::function<void(sqlite::Database&, size_t)> apply_new;
  std::function<void(sqlite::Database&, const Statement&)> apply_setting;
  // The parts to merge into the databases (all when null): what no one reads need not be merged.
  const std::vector<bool>* merge_only = nullptr;
  // When given, receives the catalog of the whole deployed schema, merged or not (read part by part).
  catalog::Catalog* deployed_catalog = nullptr;
};

// Replays `run` in `parts` and merges them: the parts as the deployed statements left them into
// `deployed`, as the new ones left them into `next`, if given. Both must be empty. As in the one-database replay, the new statements run on a new connection:
// the deployed ones' connection settings (foreign_keys, ...) do not carry over, the file's
// (user_version, application_id) do. Returns false, the databases untouched, when a part or the
// merge failed.
bool replay_in_parts(const ReplayParts& parts, const PartsRun& run, sqlite::Database& deployed, sqlite::Database* next);

}  // namespace mc
