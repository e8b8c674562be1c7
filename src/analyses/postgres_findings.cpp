#include "analyses/postgres_findings.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "analyses/checks.h"
#include "analyses/explain.h"
#include "base/text.h"
#include "sql/placeholders.h"

namespace mc {

namespace {

using Outcome = ServerVerdict::Outcome;
using QueryKind = sql::QueryModel::Kind;

bool is_break(const Diagnostic& d) {
  return d.code == checks::old_query_breaks.code || d.code == checks::old_write_rejected.code;
}

std::string sqlstate_text(const pgserver::ServerError& e) {
  std::string out = fmt::format("{} [SQLSTATE {}]", e.message, e.sqlstate);
  if (!e.detail.empty()) out += ": " + e.detail;
  return out;
}

// "AccessExclusiveLock" → "ACCESS EXCLUSIVE"
std::string lock_name(std::string_view mode) {
  if (mode.ends_with("Lock")) mode.remove_suffix(4);
  std::string out;
  for (char c : mode) {
    if (std::isupper(static_cast<unsigned char>(c)) && !out.empty()) out += ' ';
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string what_query(const ServerVerdict& v) {
  switch (v.kind) {
    case QueryKind::insert: return "INSERT into " + v.target;
    case QueryKind::update: return "UPDATE of " + v.target;
    case QueryKind::del: return "DELETE from " + v.target;
    default: return "query";
  }
}

// The change of the culprit statement the server's message is about, else its first change.
const catalog::Change* culprit_change(const std::vector<catalog::Change>& changes, const pgserver::ServerError& e) {
  std::string said = e.message + " " + e.detail;
  for (const catalog::Change& c : changes) {
    for (const std::string& name : {c.column, c.new_name, c.relation}) {
      if (!name.empty() && (said.find("\"" + name + "\"") != std::string::npos || said.find("(" + name + ")") != std::string::npos)) {
        return &c;
      }
    }
  }
  return changes.empty() ? nullptr : &changes.front();
}

Diagnostic server_break(const Statement& query, const ServerVerdict& v, const MigrationPlan& plan,
                        const PostgresStaticResult& static_result) {
  bool rejected_write = v.at_execution && v.kind != QueryKind::select;
  Diagnostic d = make_diagnostic(rejected_write ? checks::old_write_rejected : checks::old_query_breaks);
  d.message = fmt::format("old {} {} the new schema: {}", what_query(v), rejected_write ? "is rejected by" : "fails on",
                          v.error.message);
  sql::NormalizedSql sent = sql::normalize_placeholders_mapped(query.text(), sql::PlaceholderStyle::postgres);
  d.primary = v.at_execution ? query.span() : server_error_span(query, sent, v.error.position);
  d.primary_label = sqlstate_text(v.error);
  if (!v.values.empty()) d.notes.push_back(fmt::format("run on both schemas with {}; the deployed schema accepts it", v.values));
  if (v.culprit) {
    const Statement& culprit = plan.incoming[*v.culprit];
    const StatementDiff* diff = static_result.replay.diff_of(*v.culprit);
    const catalog::Change* change = diff ? culprit_change(diff->changes, v.error) : nullptr;
    if (change) {
      d.object = change->object();
      d.related.push_back({culprit.span(), fmt::format("the migration {}", describe_change(*change))});
      d.help = safe_sequence(*change);
    } else {
      d.related.push_back({culprit.span(), "after this migration statement it fails"});
    }
  }
  if (d.help.empty()) d.help = "change the old code and the schema in separate deploys: code that works with both schemas first";
  return d;
}

std::string describe_columns(const std::vector<ResultColumn>& before, const std::vector<ResultColumn>& after) {
  std::vector<std::string> names_before, names_after;
  for (const auto& c : before) names_before.push_back(c.name);
  for (const auto& c : after) names_after.push_back(c.name);
  if (names_before != names_after) return describe_column_list_change(names_before, names_after);
  std::string out;
  for (size_t i = 0; i < before.size(); ++i) {
    if (before[i].type == after[i].type) continue;
    out += fmt::format("{}{} changes type from {} to {}", out.empty() ? "" : "; ", before[i].name, before[i].type, after[i].type);
  }
  return out;
}

// One old query: the static findings, checked against what the server proved.
void query_findings(const Statement& query, const ServerVerdict& v, const std::vector<Diagnostic>& found,
                    const MigrationPlan& plan, const PostgresStaticResult& static_result, const std::string& engine,
                    std::vector<Diagnostic>& out) {
  auto static_break = std::find_if(found.begin(), found.end(), is_break);
  auto keep_except = [&](auto drop) {
    for (const Diagnostic& d : found) {
      if (!drop(d)) out.push_back(d);
    }
  };
  switch (v.outcome) {
    case Outcome::not_run: out.insert(out.end(), found.begin(), found.end()); return;
    case Outcome::fails_on_deployed: {
      keep_except([](const Diagnostic& d) { return is_break(d) || d.code == checks::could_not_check.code; });
      Diagnostic d = make_diagnostic(checks::could_not_check);
      d.message = "could not check this query: the deployed schema rejects it too";
      sql::NormalizedSql sent = sql::normalize_placeholders_mapped(query.text(), sql::PlaceholderStyle::postgres);
      d.primary = server_error_span(query, sent, v.error.position);
      d.primary_label = sqlstate_text(v.error);
      d.notes.push_back("a query that fails before the deploy is not broken by it; it may use objects the migrations do not create");
      out.push_back(std::move(d));
      return;
    }
    case Outcome::breaks: {
      keep_except([](const Diagnostic& d) { return d.code == checks::could_not_check.code; });
      if (static_break != found.end()) {
        Diagnostic& kept = *std::find_if(out.rbegin(), out.rend(), is_break);
        kept.notes.push_back(fmt::format("{} confirms: {}", engine, sqlstate_text(v.error)));
      } else {
        out.push_back(server_break(query, v, plan, static_result));
      }
      return;
    }
    case Outcome::not_exercised:
    case Outcome::compatible: {
      bool columns_changed = v.columns_before != v.columns_after;
      // The server is the judge of what compiles; a write it could not run keeps the static verdict.
      keep_except([&](const Diagnostic& d) {
        if (d.code == checks::could_not_check.code) return true;
        if (d.code == checks::result_columns_changed.code) return !columns_changed;
        return is_break(d) && v.outcome == Outcome::compatible;
      });
      bool has_columns_finding = std::any_of(found.begin(), found.end(), [](const Diagnostic& d) {
        return d.code == checks::result_columns_changed.code;
      });
      if (columns_changed && !has_columns_finding) {
        Diagnostic d = make_diagnostic(checks::result_columns_changed);
        d.message = fmt::format("the result columns of this old query change: {}", describe_columns(v.columns_before, v.columns_after));
        d.primary = query.span();
        d.help = "code that reads columns by position or by type breaks, and so do server-prepared statements (\"cached "
                 "plan must not change result type\"); list the columns the code needs, or change types in a new column";
        out.push_back(std::move(d));
      }
      if (v.outcome == Outcome::not_exercised && static_break == found.end()) {
        Diagnostic d = make_diagnostic(checks::write_not_exercised);
        d.message = "old write prepares on the new schema but could not be run with synthesized values";
        d.primary = query.span();
        d.primary_label = v.error.sqlstate.empty() ? v.error.message : sqlstate_text(v.error);
        out.push_back(std::move(d));
      }
      return;
    }
  }
}

// For each new statement: whether its migration file set lock_timeout before it (from the
// statement facts the static check parsed, as the rules see them).
std::vector<bool> lock_timeout_before(const MigrationPlan& plan, const PostgresStaticResult& static_result) {
  std::vector<bool> out(plan.incoming.size(), false);
  std::map<const SourceFile*, bool> set_in;
  for (size_t k = 0; k < plan.incoming.size(); ++k) {
    const SourceFile* file = plan.incoming[k].file();
    out[k] = set_in[file];
    if (k < static_result.parsed_incoming.size()) {
      const sql::StatementFacts& facts = static_result.parsed_incoming[k].facts;
      if (facts.command == sql::StatementFacts::Command::set && facts.setting == "lock_timeout") set_in[file] = true;
    }
  }
  return out;
}

std::string lock_help(const Statement& statement, bool rewrite) {
  std::string text = to_lower(normalize_sql(statement.text()));
  if (text.find("create index") != std::string::npos || text.find("create unique index") != std::string::npos) {
    return "CREATE INDEX CONCURRENTLY (outside a transaction) builds the index without blocking writes";
  }
  if (!rewrite && (text.find("unique") != std::string::npos || text.find("primary key") != std::string::npos)) {
    return "build the index first with CREATE UNIQUE INDEX CONCURRENTLY (outside a transaction), then ADD CONSTRAINT … "
           "UNIQUE USING INDEX (or PRIMARY KEY USING INDEX), which only takes its lock briefly";
  }
  if (text.find("set not null") != std::string::npos) {
    return "add CHECK (col IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT, then SET NOT NULL: PostgreSQL 12+ sees the "
           "valid check and skips the scan";
  }
  if (!rewrite && (text.find("add constraint") != std::string::npos || text.find("foreign key") != std::string::npos ||
                   text.find("check") != std::string::npos)) {
    return "ADD CONSTRAINT … NOT VALID takes its lock only briefly; VALIDATE CONSTRAINT in a later transaction scans "
           "under SHARE UPDATE EXCLUSIVE, which old reads and writes pass";
  }
  return "avoid the rewrite: add a column without a volatile default and backfill it in batches; for a type change, add "
         "a new column, backfill, move the code to it, then drop the old one";
}

// The old queries that need a lock on `relation` that `mode` conflicts with.
std::vector<size_t> blocked_queries(const ServerProof& proof, unsigned relation, const std::string& mode) {
  std::vector<size_t> out;
  for (size_t i = 0; i < proof.verdicts.size(); ++i) {
    auto need = proof.verdicts[i].needs.find(relation);
    if (need != proof.verdicts[i].needs.end() && locks_conflict(mode, need->second)) out.push_back(i);
  }
  return out;
}

std::string blocked_words(const ServerProof& proof, const std::vector<size_t>& blocked) {
  bool reads = false, writes = false;
  for (size_t i : blocked) (proof.verdicts[i].kind == QueryKind::select ? reads : writes) = true;
  if (blocked.size() == 1) return reads ? "an old read" : "an old write";
  return fmt::format("{} old queries ({})", blocked.size(), reads && writes ? "reads and writes" : reads ? "reads" : "writes");
}

std::string relation_name(const ServerProof& proof, unsigned oid) {
  auto it = proof.relation_names.find(oid);
  return it == proof.relation_names.end() ? fmt::format("relation {}", oid) : it->second;
}

void lock_findings(const MigrationPlan& plan, const std::vector<Statement>& queries, const ServerProof& proof,
                   const std::vector<bool>& timeout_before, std::vector<Diagnostic>& out) {
  // One missing-lock-timeout finding per migration: the first statement that needs it.
  std::map<const SqlText*, size_t> timeout_finding;
  for (size_t k = 0; k < proof.traces.size() && k < plan.incoming.size(); ++k) {
    const StatementTrace& trace = proof.traces[k];
    const Statement& statement = plan.incoming[k];
    if (trace.outside_transaction) {
      Diagnostic d = make_diagnostic(checks::outside_transaction);
      d.message = "this statement cannot run inside a transaction; migcompat ran it on its own, without a lock trace";
      d.primary = statement.span();
      d.notes.push_back("if it fails halfway (CREATE INDEX CONCURRENTLY), it leaves an INVALID index to drop before a retry");
      out.push_back(std::move(d));
      continue;
    }
    bool timeout_set = k < timeout_before.size() && timeout_before[k];
    bool reported_wait = false;
    for (const auto& [oid, mode] : trace.locks) {
      bool rewritten = std::count(trace.rewritten.begin(), trace.rewritten.end(), oid) > 0;
      bool scanned = std::count(trace.scanned.begin(), trace.scanned.end(), oid) > 0;
      std::vector<size_t> blocked = blocked_queries(proof, oid, mode);
      std::string table = relation_name(proof, oid);
      if (blocked.empty()) {
        if (rewritten) {
          Diagnostic d = make_diagnostic(checks::table_rewrite);
          d.object = table;
          d.message = fmt::format("rewrites table {} under {} (no known old query uses it)", table, lock_name(mode));
          d.primary = statement.span();
          d.notes.push_back("a rewrite copies every row and rebuilds every index: its time and disk space grow with the table");
          d.help = lock_help(statement, true);
          out.push_back(std::move(d));
        }
        continue;
      }
      const Statement& first = queries[blocked.front()];
      if (rewritten || scanned) {
        Diagnostic d = make_diagnostic(checks::lock_blocks_old_queries);
        d.object = table;
        d.message = fmt::format("holds {} on {} while it {} the table: {} {} for all of it", lock_name(mode), table,
                                rewritten ? "rewrites" : "scans", blocked_words(proof, blocked),
                                blocked.size() == 1 ? "waits" : "wait");
        d.primary = statement.span();
        d.related.push_back({first.span(), fmt::format("old query waits for the {} lock", lock_name(mode))});
        d.notes.push_back(fmt::format("it took {:.1f} ms on migcompat's scratch rows; on a production table the {} takes "
                                      "time in proportion to its size",
                                      trace.milliseconds, rewritten ? "rewrite" : "scan"));
        if (!timeout_set) d.notes.push_back("no lock_timeout is set before it in this migration");
        d.help = lock_help(statement, rewritten);
        out.push_back(std::move(d));
        reported_wait = true;
      } else if (!timeout_set && !reported_wait && timeout_finding.count(statement.origin)) {
        Diagnostic& earlier = out[timeout_finding[statement.origin]];
        earlier.related.push_back({statement.span(), fmt::format("so does this one ({} on {})", lock_name(mode), table)});
        reported_wait = true;
      } else if (!timeout_set && !reported_wait) {
        timeout_finding[statement.origin] = out.size();
        Diagnostic d = make_diagnostic(checks::missing_lock_timeout);
        d.object = table;
        d.message = fmt::format("takes {} on {} with no lock_timeout: stuck behind a long transaction, it makes {} queue "
                                "behind it",
                                lock_name(mode), table, blocked_words(proof, blocked));
        d.primary = statement.span();
        d.related.push_back({first.span(), fmt::format("old query conflicts with {}", lock_name(mode))});
        d.help = "put `SET lock_timeout = '2s';` before it in the migration (and retry on failure): a migration that "
                 "cannot get its lock then fails fast instead of stalling traffic";
        out.push_back(std::move(d));
        reported_wait = true;
      }
    }
  }
}

}  // namespace

std::vector<Diagnostic> server_findings(const MigrationPlan& plan, const std::vector<Statement>& queries,
                                        const PostgresStaticResult& static_result, const ServerProof& proof) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : static_result.migration_findings) {
    // The server ran what the static catalog cannot model: those queries were proved after all.
    if (d.code != checks::statement_not_modeled.code) out.push_back(d);
  }
  std::string engine = proof.engine.substr(0, proof.engine.find(' ', proof.engine.find(' ') + 1));
  for (size_t i = 0; i < queries.size(); ++i) {
    query_findings(queries[i], proof.verdicts[i], static_result.query_findings[i], plan, static_result, engine, out);
  }
  lock_findings(plan, queries, proof, lock_timeout_before(plan, static_result), out);
  return out;
}

}  // namespace mc
