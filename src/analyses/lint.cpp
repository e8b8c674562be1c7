#include "analyses/lint.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "analyses/policy.h"
#include "analyses/postgres_check.h"
#include "analyses/rules/run.h"
#include "analyses/sqlite_proof.h"
#include "base/stopwatch.h"
#include "inputs/code_sql.h"
#include "inputs/migrations.h"
#include "inputs/tree.h"
#include "sql/postgres/splitter.h"
#include "sql/sqlite/splitter.h"

namespace mc {

namespace fs = std::filesystem;

namespace {

// A lint target: a migrations directory (every file is new), or migration files of one directory
// (the files before them are their history, replayed but not linted).
struct Target {
  Tree tree;
  std::set<std::string> files;  // relative to the tree root; empty for a whole directory
};

// The current directory is the root when the path is inside it (so that locations read as the
// user typed them), else the path's own directory.
Target make_target(const fs::path& dir, std::optional<Dialect> dialect) {
  fs::path relative = dir.lexically_normal();
  fs::path root = ".";
  if (relative.is_absolute() || (!relative.empty() && *relative.begin() == "..")) {
    root = dir;
    relative = ".";
  }
  TreeSettings overrides;
  overrides.dialect = dialect;
  overrides.migrations = {relative.empty() ? "." : relative.generic_string()};
  return Target{open_tree("new", root, overrides), {}};
}

std::vector<Target> lint_targets(const std::vector<fs::path>& paths, std::optional<Dialect> dialect) {
  std::vector<Target> out;
  std::map<std::string, size_t> by_directory;
  for (const fs::path& path : paths) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw InputError{fmt::format("lint: {} does not exist", path.string()), {}, {}};
    if (fs::is_directory(path, ec)) {
      out.push_back(make_target(path, dialect));
      continue;
    }
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    auto [it, added] = by_directory.emplace(fs::absolute(dir).lexically_normal().string(), out.size());
    if (added) out.push_back(make_target(dir, dialect));
    Target& t = out[it->second];
    t.files.insert((fs::path(t.tree.settings.migrations->front()) / path.filename()).lexically_normal().generic_string());
  }
  return out;
}

// For given files: history = the directory's migrations before the first of them; new = from
// the first to the last of them. Statements point into `history` and `upto`, which the caller keeps.
MigrationPlan plan_for(const Target& target, const MigrationInputs& all, const Splitter& split, MigrationInputs& history,
                       MigrationInputs& upto) {
  if (target.files.empty()) return plan_migrations(MigrationInputs{}, all, split);
  size_t first = all.sources.size(), last = 0;
  for (size_t i = 0; i < all.sources.size(); ++i) {
    if (!target.files.count(fs::path(all.sources[i].path).lexically_normal().generic_string())) continue;
    first = std::min(first, i);
    last = i;
  }
  if (first == all.sources.size()) {
    throw InputError{fmt::format("lint: {} is not a migration file of its directory (down migrations and non-SQL files "
                                 "are not linted)",
                                 *target.files.begin()),
                     {}, {}};
  }
  history.search_path = upto.search_path = all.search_path;
  history.sources.assign(all.sources.begin(), all.sources.begin() + static_cast<std::ptrdiff_t>(first));
  upto.sources.assign(all.sources.begin(), all.sources.begin() + static_cast<std::ptrdiff_t>(last + 1));
  return plan_migrations(history, upto, split);
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
  // Findings as they come (per file, per target), in one list (gathered per file and then
  // joined, both copies were alive at the end).
  std::vector<Diagnostic> found;
  auto take = [&found](std::vector<Diagnostic> more) {
    found.insert(found.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  };
  Suppressions suppressions;
  // Statements point into these; they must outlive the policy step.
  std::vector<std::unique_ptr<MigrationInputs>> inputs;
  std::vector<std::unique_ptr<MigrationPlan>> plans;
  Stopwatch clock;
  double read_seconds = 0, replay_seconds = 0, rules_seconds = 0;
  for (const Target& target : lint_targets(options.paths, dialect)) {
    CodeModules modules(sources, target.tree);
    inputs.push_back(std::make_unique<MigrationInputs>(load_migrations(sources, modules, target.tree, dialect)));
    const MigrationInputs& all = *inputs.back();
    auto& history = *inputs.emplace_back(std::make_unique<MigrationInputs>());
    auto& upto = *inputs.emplace_back(std::make_unique<MigrationInputs>());
    Splitter split = *dialect == Dialect::sqlite ? Splitter(sqlite::split) : Splitter(postgres::split);
    plans.push_back(std::make_unique<MigrationPlan>(plan_for(target, all, split, history, upto)));
    const MigrationPlan& plan = *plans.back();
    read_seconds += clock.lap();
    if (*dialect == Dialect::sqlite) {
      ReplayRecord replay;
      ProofStats stats;
      prove_on_sqlite(plan, {}, stats, &replay);
      replay_seconds += clock.lap();
      take(rules::run_rules({*dialect, &plan.incoming, &replay, nullptr, true, false}));
      result.retained.push_back(std::make_shared<ReplayRecord>(std::move(replay)));
      rules_seconds += clock.lap();
    } else {
      // The rules run on each file as soon as it is replayed; then its diffs and parses go.
      Stopwatch rules_clock;
      double in_rules = 0;
      auto run_rules_on = [&](size_t begin, size_t end, const ReplayRecord& replay,
                              const std::vector<postgres::ParsedStatement>& parsed) {
        rules_clock.lap();
        rules::RuleRun run{*dialect, &plan.incoming, &replay, &parsed, true, false};
        run.parsed_first = begin;
        for (const std::vector<size_t>& file : rules::statements_by_file(plan.incoming, begin, end)) {
          rules::run_rules_on_file(run, file, found);
        }
        in_rules += rules_clock.lap();
      };
      PostgresStaticResult replayed = check_postgres_statically(plan, {}, run_rules_on);
      take(std::move(replayed.migration_findings));
      rules_seconds += in_rules;
      replay_seconds += clock.lap() - in_rules;
    }
    result.incoming_statements += plan.incoming.size();
    for (const Statement& s : plan.incoming) result.statement_spans.push_back(s.span());
    suppressions.collect(plan.incoming);
  }
  result.retained.push_back(std::make_shared<decltype(inputs)>(std::move(inputs)));
  result.retained.push_back(std::make_shared<decltype(plans)>(std::move(plans)));
  std::vector<Diagnostic>& out = result.diagnostics;
  out = std::move(found);
  apply_policy(out, PolicyOptions{false, true, here.rules}, suppressions);
  sort_diagnostics(out);
  result.timings = {{"files read and split into statements", read_seconds},
                    {"statements parsed, replayed into the catalog and diffed", replay_seconds},
                    {"rules run", rules_seconds},
                    {"findings filtered and sorted", clock.lap()}};
  return result;
}

}  // namespace mc
