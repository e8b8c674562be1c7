// `migcompat check`: the whole flow for two trees, from inputs to findings.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/source.h"
#include "analyses/plan.h"
#include "analyses/postgres_proof.h"
#include "analyses/query_set.h"
#include "inputs/config.h"
#include "inputs/migrations.h"
#include "inputs/queries.h"

#include <memory>

namespace mc {

enum class Engine { auto_select, none, sqlite, postgres };

struct CheckOptions {
  std::filesystem::path old_root;
  std::filesystem::path new_root;
  TreeSettings overrides;  // flags, applied over both trees' migcompat.toml
  Engine engine = Engine::auto_select;
  ServerProofOptions server;  // for --engine postgres
  bool strict = false;        // breaking changes no known old query shows are errors
  std::vector<std::filesystem::path> log_files;  // --logs: query logs instead of the old tree's `logs`
  LogProgress log_progress;                      // a progress bar while logs are read (on a TTY)
};

struct CheckResult {
  Dialect dialect = Dialect::sqlite;
  std::string engine;  // what proved the queries: "SQLite 3.40.1", "static"
  bool lint = false;   // `migcompat lint`: rules over migration files, no old code
  size_t deployed_statements = 0;
  size_t incoming_statements = 0;
  size_t queries = 0;
  std::vector<Diagnostic> diagnostics;  // sorted: by severity (errors first), then location
  std::vector<Span> query_spans;      // every old query checked (for per-query reports: JUnit)
  std::vector<Span> statement_spans;  // every new migration statement
  // Phases and their wall-clock seconds, for --timings and the benchmarks.
  std::vector<std::pair<std::string, double>> timings;
  // The run's intermediate structures (parse trees, per-statement catalogs), kept to the end of the
  // process: freed object by object they cost as much as the rules, and `main` exits without
  // destroying them (as compilers do).
  std::vector<std::shared_ptr<const void>> retained;

  bool incompatible() const;
};

// What migcompat read from the two trees, before any analysis: the input of `check`, and what
// `migcompat migrations` and `migcompat queries` print.
struct LoadedInputs {
  Dialect dialect = Dialect::sqlite;
  MigrationInputs old_migrations;
  MigrationInputs new_migrations;
  QueryInputs old_queries;
  MigrationPlan plan;  // statements point into the migration inputs above
  QuerySet queries;    // statements point into old_queries
  TreeSettings new_settings;  // the new tree's migcompat.toml (its [rules] apply)
  double log_seconds = 0;     // reading the query logs, for --timings
};

// Throws InputError for bad input (exit 2). The result must not be moved: its statements point
// into it.
std::unique_ptr<LoadedInputs> load_inputs(SourceManager& sources, const CheckOptions& options);

// Errors first, then warnings, then notes; by location within each.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

// Throws InputError for bad input (exit 2).
CheckResult run_check(SourceManager& sources, const CheckOptions& options);

}  // namespace mc
