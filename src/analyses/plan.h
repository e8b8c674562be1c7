// Which migration statements are already deployed and which the deploy will run.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "base/diagnostic.h"
#include "inputs/migrations.h"
#include "sql/statement.h"

namespace mc {

using Splitter = std::function<std::vector<Statement>(const SqlText&)>;

struct MigrationPlan {
  std::vector<Statement> deployed;  // OLD's statements, in apply order: the production schema
  std::vector<Statement> incoming;  // NEW's statements that OLD does not have, in apply order
  std::vector<Diagnostic> findings;  // edited or removed deployed migrations
  // A declarative schema (the new tree's migrations_format = "declarative"): the new schema is
  // these statements built fresh — the new tree's whole schema — not `deployed` + `incoming`;
  // `incoming` then holds those of them the old tree lacks (the edits), to point at.
  std::optional<std::vector<Statement>> target;
  // PostgreSQL's search_path each migration file starts with, in the setting's syntax ("" for
  // the server's default): the old tree's for the deployed statements (and the old code's
  // queries), the new tree's for the new ones.
  std::string deployed_search_path;
  std::string incoming_search_path;
};

// New units are files whose path OLD lacks (directories), or statements whose normalized text
// OLD's source lacks (migration source files such as migrations.ts, re-run at every start). For a
// declarative schema, see `target`.
MigrationPlan plan_migrations(const MigrationInputs& old_tree, const MigrationInputs& new_tree, const Splitter& split);

}  // namespace mc
