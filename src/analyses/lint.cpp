#include "analyses/lint.h"

#include <fmt/format.h>

#include "analyses/policy.h"
#include "analyses/postgres_check.h"
#include "analyses/rules/run.h"
#include "analyses/sqlite_proof.h"
#include "inputs/code_sql.h"
#include "inputs/migrations.h"
#include "inputs/tree.h"
#include "sql/postgres/splitter.h"
#include "sql/sqlite/splitter.h"

namespace mc {

namespace fs = std::filesystem;

namespace {

// The tree a lint path belongs to: the current directory when the path is inside it (so that
// locations read as the user typed them), else the path's own directory.
Tree lint_tree(const fs::path& path, std::optional<Dialect> dialect) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError{fmt::format("lint: {} does not exist", path.string()), {}, {}};
  fs::path relative = path.lexically_normal();
  fs::path root = ".";
  if (relative.is_absolute() || (!relative.empty() && *relative.begin() == "..")) {
    root = fs::is_directory(path, ec) ? path : path.parent_path();
    relative = fs::is_directory(path, ec) ? fs::path(".") : path.filename();
  }
  TreeSettings overrides;
  overrides.dialect = dialect;
  overrides.migrations = relative.generic_string();
  overrides.queries = std::vector<std::string>{};
  return open_tree("new", root, overrides);
}

}  // namespace

CheckResult run_lint(SourceManager& sources, const LintOptions& options) {
  if (options.paths.empty()) throw InputError{"lint needs at least one migration file or directory", {}, {}};
  TreeSettings here = load_tree_settings(".");
  std::optional<Dialect> dialect = options.dialect ? options.dialect : here.dialect;
  if (!dialect) {
    throw InputError{"lint needs a dialect: pass --dialect sqlite|postgres, or run where migcompat.toml sets it", {}, {}};
  }
  CheckResult result;
  result.dialect = *dialect;
  result.engine = "rules only (lint)";
  result.lint = true;
  std::vector<Diagnostic>& out = result.diagnostics;
  Suppressions suppressions;
  // Statements point into these; they must outlive the policy step.
  std::vector<std::unique_ptr<MigrationInputs>> inputs;
  std::vector<std::unique_ptr<MigrationPlan>> plans;
  for (const fs::path& path : options.paths) {
    Tree tree = lint_tree(path, dialect);
    CodeModules modules(sources, tree);
    inputs.push_back(std::make_unique<MigrationInputs>(load_migrations(sources, modules, tree)));
    Splitter split = *dialect == Dialect::sqlite ? Splitter(sqlite::split) : Splitter(postgres::split);
    plans.push_back(std::make_unique<MigrationPlan>(plan_migrations(MigrationInputs{}, *inputs.back(), split)));
    const MigrationPlan& plan = *plans.back();
    ReplayRecord replay;
    if (*dialect == Dialect::sqlite) {
      ProofStats stats;
      prove_on_sqlite(plan, {}, stats, &replay);
    } else {
      PostgresStaticResult replayed = check_postgres_statically(plan, {});
      replay = std::move(replayed.replay);
      out.insert(out.end(), replayed.migration_findings.begin(), replayed.migration_findings.end());
    }
    auto found = rules::run_rules({*dialect, &plan.incoming, &replay, true, false});
    out.insert(out.end(), found.begin(), found.end());
    result.incoming_statements += plan.incoming.size();
    for (const Statement& s : plan.incoming) result.statement_spans.push_back(s.span());
    suppressions.collect(plan.incoming);
  }
  apply_policy(out, PolicyOptions{false, true, here.rules}, suppressions);
  sort_diagnostics(out);
  return result;
}

}  // namespace mc
