// The proof on SQLite: build the deployed and the new schema in the real engine, then show for
// every old query whether it still compiles, and for every old write whether it still runs.
#pragma once

#include <vector>

#include "analyses/plan.h"
#include "analyses/statement_diff.h"
#include "base/diagnostic.h"
#include "sql/sqlite/engine.h"

namespace mc {

struct ProofStats {
  size_t queries = 0;
  size_t writes_exercised = 0;
  // Wall-clock seconds of each phase, for --timings.
  double deployed_seconds = 0, incoming_seconds = 0, queries_seconds = 0;
};

// Throws InputError when a migration statement does not apply. `record` (if given) receives the
// deployed schema and what each incoming statement changed, for the rules.
std::vector<Diagnostic> prove_on_sqlite(const MigrationPlan& plan, const std::vector<Statement>& queries,
                                        ProofStats& stats, ReplayRecord* record = nullptr);

// Applies the deployed statements to `db` as the proof does (libSQL's ALTER COLUMN, which
// SQLite lacks, is skipped). Throws InputError when one does not apply.
void apply_deployed_on_sqlite(sqlite::Database& db, const std::vector<Statement>& statements);

}  // namespace mc
