// The proof on SQLite: build the deployed and the new schema in the real engine, then show for
// every old query whether it still compiles, and for every old write whether it still runs.
#pragma once

#include <cstdint>
#include <vector>

#include "analyses/plan.h"
#include "analyses/statement_diff.h"
#include "base/diagnostic.h"
#include "sql/sqlite/engine.h"

namespace mc {

struct ProofStats {
  size_t queries = 0;
  size_t writes_exercised = 0;
  uint32_t deployed_parts = 0;  // the deployed replay's independent parts (0: replayed whole)
  bool new_in_parts = false;    // the new statements were replayed in those parts too
  // Wall-clock seconds of each phase, for --timings.
  double deployed_seconds = 0, incoming_seconds = 0, queries_seconds = 0;
};

// Throws InputError when a migration statement does not apply. `record` (if given) receives the
// deployed schema and what each incoming statement changed, for the rules.
std::vector<Diagnostic> prove_on_sqlite(const MigrationPlan& plan, const std::vector<Statement>& queries,
                                        ProofStats& stats, ReplayRecord* record = nullptr);

// Applies the deployed statements to `db` (empty) as the proof does (libSQL's ALTER COLUMN, which
// SQLite lacks, is skipped), in independent parts when they split (see sqlite_parts.h). Throws
// InputError when one does not apply. Returns the number of parts (0: replayed whole).
uint32_t apply_deployed_on_sqlite(sqlite::Database& db, const std::vector<Statement>& statements);

}  // namespace mc
