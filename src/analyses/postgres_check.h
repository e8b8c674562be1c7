// The static check for PostgreSQL apps: replay the migrations into the catalog with PostgreSQL's
// own parser, then resolve every old query's names against the new catalog.
#pragma once

#include <functional>
#include <vector>

#include "analyses/plan.h"
#include "base/diagnostic.h"
#include "analyses/statement_diff.h"
#include "sql/postgres/parser.h"

namespace mc {

struct PostgresStaticResult {
  std::vector<Diagnostic> migration_findings;
  std::vector<std::vector<Diagnostic>> query_findings;          // one entry per old query
  ReplayRecord replay;  // the deployed schema, and what each incoming statement changed
  // Each incoming statement, parsed once for all (unless a FileReplayed took them file by file).
  std::vector<postgres::ParsedStatement> parsed_incoming;
  // Wall-clock seconds: parsing the migrations (in parallel, ahead of the replay) and replaying and
  // diffing them; checking the queries.
  double replay_seconds = 0, queries_seconds = 0;

  std::vector<Diagnostic> all() const;
};

// Called once per migration file, as soon as its statements are replayed, with their positions
// [begin, end) among the incoming statements: `replay` (`diff_of`) holds their diffs and `parsed`
// their parses (statement begin first). It is their last reader: both are released after it, so
// a long history is held one file at a time (`lint` runs the rules here), and `replay.diffs` holds
// just that file's. Then `PostgresStaticResult::parsed_incoming` stays empty (but for a
// declarative schema, whose edits come in one call, with `parsed_incoming` as `parsed`).
using FileReplayed = std::function<void(size_t begin, size_t end, const ReplayRecord& replay,
                                        const std::vector<postgres::ParsedStatement>& parsed)>;

// Throws InputError when a migration statement does not parse or would fail.
PostgresStaticResult check_postgres_statically(const MigrationPlan& plan, const std::vector<Statement>& queries,
                                               const FileReplayed& file_replayed = {});

}  // namespace mc
