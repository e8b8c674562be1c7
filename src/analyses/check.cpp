#include "analyses/check.h"

#include <fmt/format.h>

#include <algorithm>

#include "analyses/plan.h"
#include "analyses/policy.h"
#include "analyses/rules/run.h"
#include "analyses/postgres_check.h"
#include "analyses/postgres_findings.h"
#include "analyses/query_set.h"
#include "analyses/sqlite_proof.h"
#include "base/stopwatch.h"
#include "inputs/migrations.h"
#include "inputs/queries.h"
#include "inputs/tree.h"
#include "sql/postgres/splitter.h"
#include "sql/sqlite/engine.h"
#include "sql/sqlite/splitter.h"

namespace mc {

bool CheckResult::incompatible() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

namespace {

Dialect pick_dialect(const Tree& old_tree, const Tree& new_tree) {
  auto o = old_tree.settings.dialect;
  auto n = new_tree.settings.dialect;
  if (o && n && *o != *n) {
    throw InputError{fmt::format("the old tree says dialect \"{}\" and the new tree \"{}\"; pass --dialect to choose",
                                 dialect_name(*o), dialect_name(*n)),
                     {}, {}};
  }
  if (n) return *n;
  if (o) return *o;
  throw InputError{"no dialect: set `dialect = \"sqlite\"` or `\"postgres\"` in migcompat.toml, or pass --dialect", {}, {}};
}

std::set<std::string> migration_paths(const MigrationInputs& inputs) {
  std::set<std::string> out;
  for (const MigrationSource& s : inputs.sources) out.insert(s.path);
  return out;
}

int order_key(Severity s) { return s == Severity::error ? 0 : s == Severity::warning ? 1 : 2; }

}  // namespace

// A finding is a few hundred bytes and a merge sort moves each log n times: the order is found on
// small keys, then every finding is moved once, along the permutation's cycles.
void sort_diagnostics(std::vector<Diagnostic>& ds) {
  struct Key {
    int severity;
    const SourceFile* file;  // null without a place: those go after the placed ones
    size_t begin;
  };
  std::vector<Key> keys;
  keys.reserve(ds.size());
  for (const Diagnostic& d : ds) keys.push_back({order_key(d.severity), d.primary.valid() ? d.primary.file : nullptr, d.primary.begin});
  std::vector<size_t> order(ds.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t i, size_t j) {
    const Key& a = keys[i];
    const Key& b = keys[j];
    if (a.severity != b.severity) return a.severity < b.severity;
    if ((a.file != nullptr) != (b.file != nullptr)) return a.file != nullptr;
    if (!a.file) return false;
    if (a.file != b.file) return a.file->display_path() < b.file->display_path();
    return a.begin < b.begin;
  });
  // ds[p] is to receive ds[order[p]].
  std::vector<bool> done(ds.size(), false);
  for (size_t start = 0; start < ds.size(); ++start) {
    if (done[start] || order[start] == start) continue;
    Diagnostic held = std::move(ds[start]);
    size_t p = start;
    while (order[p] != start) {
      ds[p] = std::move(ds[order[p]]);
      done[p] = true;
      p = order[p];
    }
    ds[p] = std::move(held);
    done[p] = true;
  }
}

std::unique_ptr<LoadedInputs> load_inputs(SourceManager& sources, const CheckOptions& options) {
  Tree old_tree = open_tree("old", options.old_root, options.overrides);
  Tree new_tree = open_tree("new", options.new_root, options.overrides);
  auto in = std::make_unique<LoadedInputs>();
  in->dialect = pick_dialect(old_tree, new_tree);
  CodeModules old_modules(sources, old_tree);
  CodeModules new_modules(sources, new_tree);
  in->old_migrations = load_migrations(sources, old_modules, old_tree, in->dialect);
  in->new_migrations = load_migrations(sources, new_modules, new_tree, in->dialect);
  in->old_queries = load_queries(sources, old_modules, old_tree, migration_paths(in->old_migrations));
  std::vector<LogFile> logs = query_log_files(old_tree, options.log_files, in->old_queries.notes);
  Stopwatch log_clock;
  in->old_queries.logged = read_query_logs(sources, logs, options.log_progress);
  in->log_seconds = log_clock.lap();
  Splitter split = in->dialect == Dialect::sqlite ? Splitter(sqlite::split) : Splitter(postgres::split);
  in->plan = plan_migrations(in->old_migrations, in->new_migrations, split);
  in->new_settings = new_tree.settings;
  in->queries = collect_queries(in->old_queries, split);
  return in;
}

CheckResult run_check(SourceManager& sources, const CheckOptions& options) {
  Stopwatch clock;
  std::unique_ptr<LoadedInputs> in = load_inputs(sources, options);
  double input_seconds = clock.lap();
  const MigrationPlan& plan = in->plan;
  const QuerySet& queries = in->queries;
  CheckResult result;
  result.dialect = in->dialect;
  result.deployed_statements = plan.deployed.size();
  result.incoming_statements = plan.incoming.size();
  result.queries = queries.queries.size();
  result.timings.emplace_back("trees read, migrations split, queries extracted", input_seconds - in->log_seconds);
  if (const LoggedStatements& logged = in->old_queries.logged; logged.bytes_read > 0) {
    result.timings.emplace_back(fmt::format("query logs read: {} MB, {} statements, {} distinct", logged.bytes_read >> 20,
                                            logged.entries, queries.logged.size()),
                                in->log_seconds);
  }
  for (const Statement& q : queries.queries) result.query_spans.push_back(q.span());
  for (const Statement& s : plan.incoming) result.statement_spans.push_back(s.span());

  std::vector<Diagnostic>& out = result.diagnostics;
  out.insert(out.end(), plan.findings.begin(), plan.findings.end());
  out.insert(out.end(), queries.findings.begin(), queries.findings.end());
  if (in->new_migrations.sources.empty()) {
    Diagnostic d;
    d.severity = Severity::note;
    d.message = "no migrations found in the new tree (set `migrations` in migcompat.toml or pass --migrations)";
    out.push_back(std::move(d));
  }

  if (result.dialect == Dialect::sqlite) {
    if (options.engine == Engine::postgres) throw InputError{"--engine postgres needs dialect \"postgres\"", {}, {}};
    if (options.engine == Engine::none) {
      throw InputError{"--engine none: SQLite apps are always proved in process; use --engine sqlite or auto", {}, {}};
    }
    ProofStats stats;
    ReplayRecord replay;
    auto found = prove_on_sqlite(plan, queries.queries, stats, &replay);
    out.insert(out.end(), found.begin(), found.end());
    std::string in_parts = stats.deployed_parts ? fmt::format(" in {} independent parts", stats.deployed_parts) : "";
    if (stats.new_in_parts) {
      result.timings.emplace_back(fmt::format("{} deployed and {} new statements replayed{}", plan.deployed.size(),
                                              plan.incoming.size(), in_parts),
                                  stats.deployed_seconds);
      result.timings.emplace_back(fmt::format("{} new statements diffed", plan.incoming.size()), stats.incoming_seconds);
    } else {
      result.timings.emplace_back(fmt::format("{} deployed statements replayed{}", plan.deployed.size(), in_parts),
                                  stats.deployed_seconds);
      result.timings.emplace_back(fmt::format("{} new statements applied and diffed", plan.incoming.size()),
                                  stats.incoming_seconds);
    }
    result.timings.emplace_back(fmt::format("{} old queries proved", queries.queries.size()), stats.queries_seconds);
    result.engine = "SQLite " + sqlite::engine_version();
    auto ruled = rules::run_rules({Dialect::sqlite, &plan.incoming, &replay, nullptr, false, false, plan.target.has_value()});
    out.insert(out.end(), ruled.begin(), ruled.end());
  } else {
    if (options.engine == Engine::sqlite) throw InputError{"--engine sqlite needs dialect \"sqlite\"", {}, {}};
    PostgresStaticResult static_result = check_postgres_statically(plan, queries.queries);
    result.timings.emplace_back(fmt::format("{} migration statements parsed, replayed into the catalog and diffed",
                                            plan.deployed.size() + plan.incoming.size()),
                                static_result.replay_seconds);
    result.timings.emplace_back(fmt::format("{} old queries checked statically", queries.queries.size()),
                                static_result.queries_seconds);
    bool on_server = options.engine == Engine::postgres ||
                     (options.engine == Engine::auto_select &&
                      (!options.server.database_url.empty() || postgres_server_available()));
    if (on_server) {
      ServerProof proof = prove_on_postgres(plan, queries.queries, options.server);
      auto found = server_findings(plan, queries.queries, static_result, proof);
      out.insert(out.end(), found.begin(), found.end());
      result.engine = proof.engine;
      result.timings.emplace_back("server started, deployed and new schema built, rows seeded", proof.startup_seconds);
      result.timings.emplace_back(fmt::format("{} old queries proved", queries.queries.size()), proof.proof_seconds);
    } else {
      auto found = static_result.all();
      out.insert(out.end(), found.begin(), found.end());
      result.engine = "static analysis (PostgreSQL 15 grammar)";
      if (options.engine == Engine::auto_select) {
        Diagnostic d;
        d.severity = Severity::note;
        d.message = "static check only: no PostgreSQL server binaries here to prove the queries on (install Debian's "
                    "postgresql, or pass --database-url)";
        out.push_back(std::move(d));
      }
    }
    auto ruled = rules::run_rules(
        {Dialect::postgres, &plan.incoming, &static_result.replay, &static_result.parsed_incoming, false, on_server,
         plan.target.has_value()});
    out.insert(out.end(), ruled.begin(), ruled.end());
  }
  Suppressions suppressions;
  suppressions.collect(plan.incoming);
  suppressions.collect(queries.queries);
  apply_policy(out, PolicyOptions{options.strict, false, in->new_settings.rules}, suppressions);
  note_log_occurrences(out, queries.logged);
  sort_diagnostics(out);
  return result;
}

}  // namespace mc
