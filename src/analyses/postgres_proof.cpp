#include "analyses/postgres_proof.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>

#include "analyses/postgres_values.h"
#include "base/diagnostic.h"
#include "base/interrupt.h"
#include "base/parallel.h"
#include "sql/pgserver/server.h"
#include "sql/placeholders.h"
#include "sql/postgres/parser.h"

namespace mc {

namespace {

using Clock = std::chrono::steady_clock;
using Values = std::vector<std::optional<std::string>>;
using pgserver::Connection;
using pgserver::Result;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct Deadline {
  Clock::time_point at;
  int seconds;
  void check(const char* during) const {
    if (Clock::now() > at) {
      throw InputError{fmt::format("the PostgreSQL proof exceeded its time budget of {} s while {} (raise it with --timeout)",
                                   seconds, during),
                       {}, {}};
    }
  }
};

unsigned to_oid(const std::string& text) { return static_cast<unsigned>(std::strtoul(text.c_str(), nullptr, 10)); }

std::map<unsigned, std::string> read_relation_names(Connection& c) {
  std::map<unsigned, std::string> out;
  Result r = c.must(
      "SELECT c.oid, CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END "
      "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE c.oid >= 16384 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')");
  for (int i = 0; i < r.rows(); ++i) out[to_oid(r.value(i, 0))] = r.value(i, 1);
  return out;
}

std::vector<ResultColumn> columns_of(const Result& described, const TypeCatalog& types) {
  std::vector<ResultColumn> out;
  for (int i = 0; i < described.columns(); ++i) out.push_back({described.column_name(i), types.name(described.column_type(i))});
  return out;
}

// The values in a constraint error's detail: `Key (a, b)=(1, mc2) already exists.`
std::vector<std::string> key_values(const std::string& detail) {
  std::vector<std::string> out;
  size_t open = detail.find(")=(");
  if (open == std::string::npos) return out;
  size_t close = detail.find(')', open + 3);
  std::string list = detail.substr(open + 3, close == std::string::npos ? std::string::npos : close - open - 3);
  size_t at = 0;
  while (at <= list.size()) {
    size_t comma = list.find(", ", at);
    out.push_back(list.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
    if (comma == std::string::npos) break;
    at = comma + 2;
  }
  return out;
}

std::string describe_values(const Values& values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    out += fmt::format("{}${} = {}", i ? ", " : "", i + 1, values[i] ? pgserver::quote_literal(*values[i]) : "NULL");
  }
  return out;
}

using Step = pgserver::PipelineStep;

// The result of a step migcompat's own bookkeeping needs; throws like Connection::must.
const Result& must_have(const Result& r, const char* what) {
  if (!r.ok()) throw pgserver::ConnectionError{fmt::format("PostgreSQL rejected migcompat's own {}: {}", what, r.error()->message)};
  return r;
}

// Runs a prepared statement in a transaction that is rolled back, in one round trip: the
// ROLLBACK is a sync group of its own, so it runs also when the statement fails.
Result run_rolled_back(Connection& c, const std::string& name, const Values& values) {
  std::vector<Result> r = c.pipeline({Step::statement("BEGIN"), Step::execute(name, values, true), Step::statement("ROLLBACK")});
  must_have(r[0], "BEGIN");
  must_have(r[2], "ROLLBACK");
  return r[1];
}

pgserver::ConnectTarget with_search_path(pgserver::ConnectTarget target, const std::string& search_path) {
  target.search_path = search_path;
  return target;
}

// Proves old queries on one connection to each schema; one per worker thread. The connections
// have the old code's search_path.
class QueryProver {
 public:
  QueryProver(const pgserver::ScratchServer& server, const std::string& old_db, const std::string& new_db,
              const TypeCatalog& old_types, const TypeCatalog& new_types, int timeout_ms, const std::string& search_path)
      : old_(with_search_path(server.target(old_db, timeout_ms), search_path)),
        new_(with_search_path(server.target(new_db, timeout_ms), search_path)),
        old_types_(old_types),
        new_types_(new_types) {}

  ServerVerdict prove(const Statement& query, size_t index) {
    ServerVerdict v;
    std::string sql = sql::normalize_placeholders(query.text(), sql::PlaceholderStyle::postgres);
    postgres::ParsedStatement parsed = postgres::parse(sql);
    if (parsed.error || !parsed.query) return v;
    v.kind = parsed.query->kind;
    v.target = parsed.query->write.target.written_name();
    std::string name = fmt::format("q{}", index);

    // On the deployed schema, prepared inside a transaction: the locks it holds then are the
    // ones the query takes whenever it runs. One round trip: a PREPARE that fails skips the lock
    // query, and the ROLLBACK, a sync group of its own, runs either way.
    std::vector<Result> deployed =
        send(old_, old_stale_, {Step::statement("BEGIN"), Step::prepare(name, sql), Step::statement(held_locks_query, true),
                                Step::statement("ROLLBACK", true), Step::describe(name)});
    must_have(deployed[0], "BEGIN");
    must_have(deployed[3], "ROLLBACK");
    if (!deployed[1].ok()) {
      v.outcome = ServerVerdict::Outcome::fails_on_deployed;
      v.error = *deployed[1].error();
      return v;
    }
    old_stale_ = name;
    const Result& locks = must_have(deployed[2], "lock query");
    for (int i = 0; i < locks.rows(); ++i) {
      std::string& mode = v.needs[to_oid(locks.value(i, 0))];
      if (lock_strength(locks.value(i, 1)) > lock_strength(mode)) mode = locks.value(i, 1);
    }
    const Result& described = must_have(deployed[4], "DESCRIBE");
    v.columns_before = columns_of(described, old_types_);
    std::vector<unsigned> parameter_types;
    for (int i = 0; i < described.parameters(); ++i) parameter_types.push_back(described.parameter_type(i));

    std::vector<Result> next = send(new_, new_stale_, {Step::prepare(name, sql), Step::describe(name)});
    if (!next[0].ok()) {
      v.outcome = ServerVerdict::Outcome::breaks;
      v.error = *next[0].error();
    } else {
      new_stale_ = name;
      v.columns_after = columns_of(must_have(next[1], "DESCRIBE"), new_types_);
      run_differentially(v, name, parsed.query->kind, parameter_types);
    }
    return v;
  }

  // The values the culprit search re-runs.
  Values last_values;

 private:
  // Runs the query on both schemas with the same values, each time in a transaction that is
  // rolled back. A value set counts when the deployed schema accepts it (and, for UPDATE and
  // DELETE, it touches a seeded row); key conflicts and missing references are repaired by
  // switching the values involved to fresh or to seeded ones. The query breaks only when the new
  // schema rejects every value set the deployed one accepts: a parameter may take other values.
  void run_differentially(ServerVerdict& v, const std::string& name, sql::QueryModel::Kind kind,
                          const std::vector<unsigned>& types) {
    using Kind = sql::QueryModel::Kind;
    bool write = kind != Kind::select;
    bool needs_row = kind == Kind::update || kind == Kind::del;
    std::optional<pgserver::ServerError> rejected;
    for (int base : kind == Kind::insert ? std::vector<int>{2, 3} : std::vector<int>{0, 1}) {
      std::vector<int> variants(types.size(), base);
      for (int attempt = 0; attempt < 6; ++attempt) {
        Values values = values_for(types, variants);
        Result on_old = run_rolled_back(old_, name, values);
        if (on_old.ok() && (!needs_row || on_old.affected_rows() > 0)) {
          Result on_new = run_rolled_back(new_, name, values);
          std::optional<pgserver::ServerError> error = on_new.error();
          if (!error && kind == Kind::insert) error = second_run_rejected(name, types, variants);
          if (!error) {
            v.outcome = ServerVerdict::Outcome::compatible;
            return;
          }
          if (!rejected) {
            rejected = error;
            v.values = describe_values(values);
            last_values = values;
          }
          break;
        }
        if (on_old.ok()) {
          v.error = pgserver::ServerError{};
          v.error.message = "it touches no row of the seeded tables";
          break;
        }
        v.error = *on_old.error();
        if (!repair(variants, values, v.error)) break;
      }
    }
    if (rejected) {
      v.outcome = ServerVerdict::Outcome::breaks;
      v.at_execution = true;
      v.error = *rejected;
    } else {
      v.outcome = write ? ServerVerdict::Outcome::not_exercised : ServerVerdict::Outcome::compatible;
    }
  }

  Values values_for(const std::vector<unsigned>& types, const std::vector<int>& variants) const {
    Values values;
    for (size_t p = 0; p < types.size(); ++p) values.push_back(old_types_.value(types[p], variants[p]));
    return values;
  }

  // An INSERT that runs once may still fail the second time: a new UNIQUE on a column every row
  // gets the same default for. Both runs go in one transaction, with fresh values the second
  // time; the new schema's error counts only if the deployed schema accepts the pair.
  std::optional<pgserver::ServerError> second_run_rejected(const std::string& name, const std::vector<unsigned>& types,
                                                          const std::vector<int>& variants) {
    std::vector<int> second = variants;
    for (int& variant : second) variant += 2;
    Values first_values = values_for(types, variants), second_values = values_for(types, second);
    auto pair_on = [&](Connection& c) {
      std::vector<Result> r = c.pipeline({Step::statement("BEGIN"), Step::execute(name, first_values),
                                          Step::execute(name, second_values, true), Step::statement("ROLLBACK")});
      must_have(r[0], "BEGIN");
      must_have(r[3], "ROLLBACK");
      return r[1].ok() ? r[2] : r[1];
    };
    if (!pair_on(old_).ok()) return std::nullopt;
    Result on_new = pair_on(new_);
    if (on_new.ok()) return std::nullopt;
    pgserver::ServerError e = *on_new.error();
    e.detail += std::string(e.detail.empty() ? "" : " ") + "(when the INSERT runs a second time)";
    return e;
  }

  static bool repair(std::vector<int>& variants, const Values& values, const pgserver::ServerError& e) {
    bool unique = e.sqlstate == "23505", missing_reference = e.sqlstate == "23503" && e.detail.find("is not present") != std::string::npos;
    if (!unique && !missing_reference) return false;
    bool changed = false;
    for (const std::string& key : key_values(e.detail)) {
      for (size_t p = 0; p < values.size(); ++p) {
        if (values[p] != key) continue;
        int wanted = unique ? variants[p] + 2 : 0;
        if (variants[p] == wanted) continue;
        variants[p] = wanted;
        changed = true;
      }
    }
    return changed;
  }

  static constexpr const char* held_locks_query =
      "SELECT relation, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND relation >= 16384";

  // Sends `steps` in one round trip, after the DEALLOCATE of the previous query's statement on
  // that connection (when there is one), which so costs no round trip of its own; in a sync group
  // of its own, because whether it succeeds does not matter. The results are the steps'.
  static std::vector<Result> send(Connection& c, std::string& stale, std::vector<Step> steps) {
    if (stale.empty()) return c.pipeline(steps);
    steps.insert(steps.begin(), Step::statement("DEALLOCATE " + stale, true));
    stale.clear();
    std::vector<Result> results = c.pipeline(steps);
    results.erase(results.begin());
    return results;
  }

  Connection old_;
  Connection new_;
  std::string old_stale_, new_stale_;  // the prepared statements to drop next
  const TypeCatalog& old_types_;
  const TypeCatalog& new_types_;
};

// For each query the new schema breaks: the first incoming statement after which it breaks,
// found by replaying the incoming statements one at a time on a copy of the deployed schema
// (emptied of the seeded rows) and re-trying just those queries. Best effort: a statement that
// does not apply there ends the search.
void find_culprits(pgserver::ScratchServer& server, const std::string& deployed, const MigrationPlan& plan,
                   const std::vector<Statement>& queries, const std::vector<Values>& failing_values, ServerProof& proof,
                   bool create_roles, int timeout_ms) {
  std::vector<size_t> pending;
  for (size_t i = 0; i < proof.verdicts.size(); ++i) {
    if (proof.verdicts[i].outcome == ServerVerdict::Outcome::breaks) pending.push_back(i);
  }
  if (pending.empty()) return;
  std::string bisect = server.create_database("bisect", deployed);
  Connection c(with_search_path(server.target(bisect, timeout_ms), plan.incoming_search_path));
  // The old code's queries run on a connection of their own, with the app's search_path.
  Connection app(with_search_path(server.target(bisect, timeout_ms), plan.deployed_search_path));
  Result tables = c.must("SELECT string_agg(oid::regclass::text, ', ') FROM pg_class WHERE relkind IN ('r', 'p') AND oid >= 16384 "
                         "AND relnamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema')");
  if (!tables.is_null(0, 0)) c.exec("TRUNCATE " + tables.value(0, 0) + " CASCADE");
  MigrationRunner runner(c, create_roles);
  for (size_t k = 0; k < plan.incoming.size() && !pending.empty(); ++k) {
    try {
      if (runner.apply(plan.incoming[k], "new", false).skipped) continue;
    } catch (const InputError&) {
      return;
    }
    std::vector<size_t> still;
    for (size_t i : pending) {
      std::string sql = sql::normalize_placeholders(queries[i].text(), sql::PlaceholderStyle::postgres);
      std::string name = fmt::format("b{}", i);
      bool broken = !app.prepare(name, sql).ok();
      if (!broken && proof.verdicts[i].at_execution) broken = !run_rolled_back(app, name, failing_values[i]).ok();
      if (!broken) app.exec("DEALLOCATE " + name);
      if (broken) proof.verdicts[i].culprit = k;
      else still.push_back(i);
    }
    pending.swap(still);
  }
}

std::unique_ptr<pgserver::ScratchServer> start_server(const ServerProofOptions& options) {
  if (!options.database_url.empty()) return pgserver::ScratchServer::existing(options.database_url);
  auto binaries = pgserver::find_server_binaries();
  if (!binaries) {
    throw InputError{"--engine postgres needs PostgreSQL's server binaries for a throwaway cluster (Debian: apt-get "
                     "install postgresql), or --database-url to use an existing server",
                     {}, {}};
  }
  return pgserver::ScratchServer::throwaway({*binaries, options.pg_user});
}

}  // namespace

bool postgres_server_available() { return pgserver::find_server_binaries().has_value(); }

ServerProof prove_on_postgres(const MigrationPlan& plan, const std::vector<Statement>& queries,
                              const ServerProofOptions& options) {
  auto started = Clock::now();
  Deadline deadline{started + std::chrono::seconds(options.budget_seconds), options.budget_seconds};
  int timeout = options.statement_timeout_ms;
  bool throwaway = options.database_url.empty();
  ServerProof proof;
  try {
    std::unique_ptr<pgserver::ScratchServer> server = start_server(options);
    proof.engine = server->description();
    // The deployed schema is built once; the new one starts as a copy of it. Only then does
    // the deployed one get its seeded rows (the new one gets the same after its migrations).
    std::string old_db = server->first_database("old");
    {
      Connection c(with_search_path(server->target(old_db, timeout), plan.deployed_search_path));
      MigrationRunner runner(c, throwaway);
      for (const Statement& s : plan.deployed) {
        deadline.check("building the deployed schema");
        runner.apply(s, "deployed", false);
      }
      proof.relation_names = read_relation_names(c);
    }
    // A declarative schema builds the new one fresh from the new file; there is no migration to
    // trace for locks, nor a statement after which a query starts failing.
    std::string new_db = plan.target ? server->create_database("new") : server->create_database("new", old_db);
    std::optional<TypeCatalog> old_types, new_types;
    {
      Connection c(with_search_path(server->target(new_db, timeout), plan.incoming_search_path));
      MigrationRunner runner(c, throwaway);
      if (plan.target) {
        for (const Statement& s : *plan.target) {
          deadline.check("building the new schema");
          runner.apply(s, "new", false);
        }
      }
      for (size_t k = 0; k < plan.incoming.size() && !plan.target; ++k) {
        deadline.check("applying the new migrations");
        proof.traces.push_back(runner.apply(plan.incoming[k], "new", true));
      }
      new_types.emplace(c);
      seed_tables(c, *new_types);
    }
    {
      Connection c(server->target(old_db, timeout));
      old_types.emplace(c);
      seed_tables(c, *old_types);
    }
    proof.startup_seconds = seconds_since(started);

    auto proving = Clock::now();
    proof.verdicts.resize(queries.size());
    std::vector<Values> failing_values(queries.size());
    unsigned jobs = options.jobs ? options.jobs : thread_count();
    jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(1, queries.size() / 4)));
    std::atomic<size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex error_mutex;
    std::exception_ptr first_error;
    auto work = [&] {
      try {
        QueryProver prover(*server, old_db, new_db, *old_types, *new_types, timeout, plan.deployed_search_path);
        for (size_t i; !stop && !interrupted() && (i = next++) < queries.size();) {
          deadline.check("proving old queries");
          proof.verdicts[i] = prover.prove(queries[i], i);
          if (proof.verdicts[i].at_execution) failing_values[i] = prover.last_values;
        }
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!first_error) first_error = std::current_exception();
        stop = true;
      }
    };
    std::vector<std::thread> workers;
    for (unsigned j = 1; j < jobs; ++j) workers.emplace_back(work);
    work();
    for (std::thread& t : workers) t.join();
    if (first_error) std::rethrow_exception(first_error);
    if (!plan.target) find_culprits(*server, old_db, plan, queries, failing_values, proof, throwaway, timeout);
    proof.proof_seconds = seconds_since(proving);
  } catch (const pgserver::ConnectionError& e) {
    throw InputError{e.message, {}, {}};
  }
  return proof;
}

}  // namespace mc
