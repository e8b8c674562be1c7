#include "analyses/sqlite_proof.h"

#include <fmt/format.h>

#include <fmt/ranges.h>

#include <algorithm>
#include <regex>

#include "analyses/blame.h"
#include "analyses/checks.h"
#include "analyses/declarative.h"
#include "analyses/explain.h"
#include "analyses/query_set.h"
#include "analyses/sqlite_differential.h"
#include "analyses/sqlite_parts.h"
#include "base/stopwatch.h"
#include "base/text.h"
#include "catalog/diff.h"
#include "sql/placeholders.h"
#include "sql/sqlite/engine.h"

namespace mc {

namespace {

// Runs a migration statement; `touched` collects what it changes (see Database::execute).
// libSQL's `ALTER TABLE t ALTER COLUMN c TO c <definition>` (Turso, Drizzle): SQLite itself has
// no such statement. It is not replayed — rule MC164 says what that means — instead of failing
// the whole check.
bool is_libsql_alter_column(std::string_view sql) {
  static const std::regex pattern(R"(^\s*ALTER\s+TABLE\s+\S+\s+ALTER\s+COLUMN\s)", std::regex::icase);
  std::string text(sql.substr(skip_sql_trivia(sql)));
  return std::regex_search(text, pattern);
}

void apply(sqlite::Database& db, const Statement& statement, const char* which,
           std::vector<std::string>* touched = nullptr) {
  if (is_libsql_alter_column(statement.text())) return;
  if (auto error = db.execute(statement.text(), touched)) {
    throw InputError{fmt::format("{} migration statement does not apply on SQLite: {}", which, *error), statement.span(), {}};
  }
}

// `CREATE TABLE IF NOT EXISTS name` (also INDEX, VIEW, TRIGGER): the name, or "".
std::string create_if_not_exists_target(std::string_view sql) {
  static const std::regex pattern(
      R"(^\s*CREATE\s+(?:TEMP\w*\s+)?(?:UNIQUE\s+)?(TABLE|VIEW|INDEX|TRIGGER)\s+IF\s+NOT\s+EXISTS\s+(?:main\.)?[\["`]?([A-Za-z_][\w$]*))",
      std::regex::icase);
  std::cmatch m;
  std::string text(sql.substr(skip_sql_trivia(sql)));
  if (std::regex_search(text.c_str(), m, pattern) && iequals(m[1].str(), "TABLE")) return m[2].str();
  return {};
}

// `ALTER TABLE x RENAME TO y`: "y", so the renamed table is read back under its new name.
std::string rename_target(std::string_view sql) {
  static const std::regex pattern(R"(^\s*ALTER\s+TABLE\s+\S+\s+RENAME\s+TO\s+[\["`]?([A-Za-z_][\w$]*))", std::regex::icase);
  std::cmatch m;
  std::string text(sql.substr(skip_sql_trivia(sql)));
  return std::regex_search(text.c_str(), m, pattern) ? m[1].str() : std::string();
}

// What object an engine error names: "no such table: t", "no such column: [t.]c",
// "table t has no column named c", "NOT NULL constraint failed: t.c", ...
struct Culprit {
  std::string relation;
  std::string column;
  std::string object() const { return column.empty() ? relation : relation + "." + column; }
};

Culprit culprit_of(const std::string& error, std::string_view query, const sqlite::Compiled& on_deployed,
                   const catalog::Catalog& deployed) {
  static const std::regex no_table(R"(no such table: (?:main\.)?(\S+))");
  static const std::regex no_column(R"(no such column: (?:(\S+)\.)?(\S+))");
  static const std::regex has_no_column(R"(table (\S+) has no column named (\S+))");
  static const std::regex constraint(R"((?:NOT NULL|UNIQUE|PRIMARY KEY) constraint failed: (\S+)\.(\S+?)(?:,|$))");
  std::smatch m;
  if (std::regex_search(error, m, no_table)) return {m[1].str(), {}};
  if (std::regex_search(error, m, has_no_column)) return {m[1].str(), m[2].str()};
  if (std::regex_search(error, m, constraint)) return {m[1].str(), m[2].str()};
  if (std::regex_search(error, m, no_column)) {
    std::string column = m[2].str();
    // A view the query names that had the column: the engine reports reads through a view as
    // reads of its tables, whose column may well still be there.
    for (const auto& [key, rel] : deployed.relations()) {
      if (rel.kind == catalog::RelationKind::view && rel.find_column(column) && find_identifier(query, rel.name)) {
        return {rel.name, column};
      }
    }
    // Which table did the column belong to on the deployed schema? Ask what the query read.
    for (const sqlite::Access& a : on_deployed.accesses) {
      if (!a.column.empty() && iequals(a.column, column)) return {a.table, a.column};
    }
    for (const sqlite::Access& a : on_deployed.accesses) {
      const catalog::Relation* rel = deployed.find_relation(a.table);
      if (rel && rel->find_column(column)) return {rel->name, column};
    }
    return {m[1].matched ? m[1].str() : std::string(), column};
  }
  // CHECK and other failures of a write: blame the table it writes.
  for (const sqlite::Access& a : on_deployed.accesses) {
    if (a.kind != sqlite::Access::read) return {a.table, {}};
  }
  return {};
}

void add_blame(Diagnostic& d, const Blame& blame, const Culprit& culprit, const std::string& error,
               bool constraint_failure) {
  const Origin* origin = nullptr;
  if (constraint_failure) {
    // A CHECK or UNIQUE failure: blame the constraint the migration added to the table, the one
    // the engine's message names when it can be told.
    for (const Origin* c : blame.constraints_of(culprit.relation)) {
      if (!origin || (!c->change.detail.empty() && error.find(c->change.detail) != std::string::npos)) origin = c;
    }
  }
  if (!origin) origin = blame.find(culprit.object());
  if (!origin && !culprit.column.empty()) origin = blame.find(culprit.relation);
  if (!origin) {
    d.help = "change the old code and the schema in separate deploys: code that works with both schemas first";
    return;
  }
  d.related.push_back({origin->statement, fmt::format("the migration {}", describe_change(origin->change))});
  d.help = safe_sequence(origin->change);
}

Span point_at(const Statement& query, const std::optional<size_t>& offset, const Culprit& culprit) {
  if (offset && *offset < query.text().size()) {
    size_t begin = *offset;
    size_t end = begin;
    while (end < query.text().size() && (std::isalnum(static_cast<unsigned char>(query.text()[end])) || query.text()[end] == '_')) ++end;
    return query.span_at(begin, std::max(end, begin + 1));
  }
  for (const std::string& name : {culprit.column, culprit.relation}) {
    if (name.empty()) continue;
    if (auto at = find_identifier(query.text(), name)) return query.span_at(*at, *at + name.size());
  }
  return query.span();
}

std::string query_kind(const sqlite::Compiled& compiled) {
  for (const sqlite::Access& a : compiled.accesses) {
    if (a.kind == sqlite::Access::insert) return "INSERT into " + a.table;
    if (a.kind == sqlite::Access::update) return "UPDATE of " + a.table;
    if (a.kind == sqlite::Access::del) return "DELETE from " + a.table;
  }
  return "query";
}

// What one new statement did, observed on the database it ran on.
struct Observed {
  std::string exists_already;  // the table of a CREATE TABLE IF NOT EXISTS that was there before
  std::vector<std::string> touched;
  catalog::Catalog after;  // the touched relations after the statement
};

Observed observe(sqlite::Database& db, const Statement& s) {
  Observed o;
  std::string target = create_if_not_exists_target(s.text());
  if (!target.empty() && db.has_relation(target)) o.exists_already = target;
  apply(db, s, "new", &o.touched);
  // Only what the statement touched is read back and compared; a rename also touches the new name.
  if (std::string renamed = rename_target(s.text()); !renamed.empty()) o.touched.push_back(renamed);
  o.after = db.read_catalog(&o.touched);
  return o;
}

void apply_deployed(sqlite::Database& db, const Statement& statement) { apply(db, statement, "deployed"); }

// The deployed statements applied to `deployed`, the new ones to `next` (a copy of it), each new
// one observed; and the deployed schema's catalog. In independent parts when the whole history
// splits (see sqlite_parts.h), of which the databases get only those the old `queries` name;
// else one statement after the other.
struct Replayed {
  std::vector<Observed> observed;
  catalog::Catalog deployed_catalog;
};

Replayed replay_history(const MigrationPlan& plan, const std::vector<Statement>& queries, sqlite::Database& deployed,
                        sqlite::Database& next, ProofStats& stats) {
  Stopwatch clock;
  std::vector<Statement> history = plan.deployed;
  history.insert(history.end(), plan.incoming.begin(), plan.incoming.end());
  if (std::optional<ReplayParts> parts = partition_statements(history); parts && parts->parts > 1) {
    std::vector<std::string_view> texts;
    for (const Statement& q : queries) texts.push_back(q.text());
    std::vector<bool> named = parts_named_in(*parts, texts);
    size_t cut = plan.deployed.size();
    Replayed out;
    out.observed.resize(plan.incoming.size());
    PartsRun run{history, cut, apply_deployed,
                 [&](sqlite::Database& db, size_t i) { out.observed[i - cut] = observe(db, history[i]); },
                 apply_deployed, &named, &out.deployed_catalog};
    if (replay_in_parts(*parts, run, deployed, &next)) {
      stats.deployed_parts = parts->parts;
      stats.new_in_parts = true;
      stats.deployed_seconds = clock.lap();
      return out;
    }
  }
  Replayed out;
  out.observed.resize(plan.incoming.size());
  stats.deployed_parts = apply_deployed_on_sqlite(deployed, plan.deployed);
  stats.deployed_seconds = clock.lap();
  deployed.copy_to(next);
  for (size_t k = 0; k < plan.incoming.size(); ++k) out.observed[k] = observe(next, plan.incoming[k]);
  stats.incoming_seconds = clock.lap();
  out.deployed_catalog = deployed.read_catalog();
  return out;
}

// Each new statement's changes, in order, from what it was observed to do: recorded for blame and
// the rules. Returns the new schema's catalog.
catalog::Catalog account_for_incoming(const MigrationPlan& plan, catalog::Catalog next_catalog,
                                      std::vector<Observed>& observed, Blame& blame, ReplayRecord* record,
                                      std::vector<Diagnostic>& out) {
  if (record) record->diffs.reserve(plan.incoming.size());
  for (size_t k = 0; k < plan.incoming.size(); ++k) {
    const Statement& s = plan.incoming[k];
    Observed& o = observed[k];
    if (!o.exists_already.empty()) {
      Diagnostic d = make_diagnostic(checks::create_if_not_exists_no_effect);
      d.message = fmt::format("this CREATE TABLE IF NOT EXISTS does nothing on the deployed database: {} already exists",
                              o.exists_already);
      d.object = o.exists_already;
      d.primary = s.span();
      d.primary_label = "changed or new statement, but the table it creates is already there";
      d.help = fmt::format("change {} with ALTER TABLE (or a table rebuild) in a new statement", o.exists_already);
      out.push_back(std::move(d));
    }
    catalog::Catalog before = next_catalog.subset(o.touched);
    std::vector<catalog::Change> changes = catalog::diff(before, o.after);
    blame.record(changes, o.after, s.span());
    next_catalog.replace_relations(o.after, o.touched);
    if (record) record->diffs.push_back(StatementDiff{std::move(changes), std::move(before), std::move(o.after)});
  }
  return next_catalog;
}

}  // namespace

uint32_t apply_deployed_on_sqlite(sqlite::Database& db, const std::vector<Statement>& statements) {
  std::optional<ReplayParts> parts = partition_statements(statements);
  if (parts && parts->parts > 1) {
    PartsRun run{statements, statements.size(), apply_deployed, nullptr, apply_deployed};
    if (replay_in_parts(*parts, run, db, nullptr)) return parts->parts;
  }
  for (const Statement& s : statements) apply_deployed(db, s);
  return 0;
}

std::vector<Diagnostic> prove_on_sqlite(const MigrationPlan& plan, const std::vector<Statement>& queries,
                                        ProofStats& stats, ReplayRecord* record) {
  std::vector<Diagnostic> out;
  Stopwatch clock;
  auto lap = [&clock] { return clock.lap(); };
  sqlite::Database deployed, next;
  Blame blame;
  catalog::Catalog deployed_catalog, next_catalog;
  if (plan.target) {
    stats.deployed_parts = apply_deployed_on_sqlite(deployed, plan.deployed);
    stats.deployed_seconds = lap();
    // A declarative schema: the new schema is the new file built fresh.
    for (const Statement& s : *plan.target) apply(next, s, "new");
    deployed_catalog = deployed.read_catalog();
    next_catalog = next.read_catalog();
    std::vector<StatementDiff> diffs = attribute_changes(deployed_catalog, next_catalog, plan.incoming);
    for (size_t k = 0; k < diffs.size(); ++k) blame.record(diffs[k].changes, diffs[k].after, plan.incoming[k].span());
    if (record) record->diffs = std::move(diffs);
  } else {
    Replayed replayed = replay_history(plan, queries, deployed, next, stats);
    lap();
    deployed_catalog = std::move(replayed.deployed_catalog);
    next_catalog = account_for_incoming(plan, deployed_catalog, replayed.observed, blame, record, out);
  }
  if (record) record->deployed = deployed_catalog;
  stats.incoming_seconds += lap();
  std::vector<std::string> literals = check_literals(next_catalog);

  for (const Statement& query : queries) {
    ++stats.queries;
    std::string text = sql::normalize_placeholders(query.text(), sql::PlaceholderStyle::sqlite);
    sqlite::Compiled old_compiled = deployed.compile(text);
    if (!old_compiled.ok) {
      Diagnostic d = make_diagnostic(checks::could_not_check);
      d.message = "could not check this query: it does not compile on the deployed schema either";
      d.primary = point_at(query, old_compiled.error_offset, {});
      d.primary_label = old_compiled.error;
      d.notes.push_back("a query that fails before the deploy is not broken by it; it may use objects the migrations do not create");
      out.push_back(std::move(d));
      continue;
    }
    sqlite::Compiled new_compiled = next.compile(text);
    if (!new_compiled.ok) {
      Culprit culprit = culprit_of(new_compiled.error, text, old_compiled, deployed_catalog);
      Diagnostic d = make_diagnostic(checks::old_query_breaks);
      d.object = culprit.object();
      d.message = culprit.relation.empty()
                      ? fmt::format("old {} fails on the new schema", query_kind(old_compiled))
                      : fmt::format("old {} uses {}, which the new schema no longer has", query_kind(old_compiled), d.object);
      d.primary = point_at(query, new_compiled.error_offset, culprit);
      d.primary_label = new_compiled.error;
      add_blame(d, blame, culprit, new_compiled.error, false);
      out.push_back(std::move(d));
      continue;
    }
    if (!old_compiled.read_only) {
      WriteVerdict verdict =
          run_differential(deployed, next, text, old_compiled, deployed_catalog, next_catalog, literals);
      if (verdict.kind == WriteVerdict::accepted) {
        ++stats.writes_exercised;
      } else if (verdict.kind == WriteVerdict::rejected) {
        ++stats.writes_exercised;
        Culprit culprit = culprit_of(verdict.error, text, old_compiled, deployed_catalog);
        Diagnostic d = make_diagnostic(checks::old_write_rejected);
        d.object = culprit.object();
        d.message = fmt::format("old {} is rejected by the new schema{}", query_kind(old_compiled),
                                culprit.object().empty() ? "" : " (" + culprit.object() + ")");
        d.primary = culprit.column.empty() ? query.span() : point_at(query, std::nullopt, culprit);
        d.primary_label = verdict.error;
        d.notes.push_back(fmt::format("the same write{} with parameters = {} succeeds on the deployed schema",
                                      verdict.on_repeat ? ", run twice," : "", verdict.values));
        bool constraint = verdict.error.find("CHECK") != std::string::npos || verdict.error.find("UNIQUE") != std::string::npos;
        add_blame(d, blame, culprit, verdict.error, constraint);
        out.push_back(std::move(d));
      } else {
        Diagnostic d = make_diagnostic(checks::write_not_exercised);
        d.message = "old write compiles on the new schema but could not be run with synthesized values";
        d.primary = query.span();
        d.primary_label = verdict.error;
        out.push_back(std::move(d));
      }
    } else if (old_compiled.result_columns != new_compiled.result_columns) {
      Diagnostic d = make_diagnostic(checks::result_columns_changed);
      d.message = fmt::format("the result columns of this old query change: {}",
                              describe_column_list_change(old_compiled.result_columns, new_compiled.result_columns));
      d.primary = query.span();
      d.help = "code that reads columns by position breaks; list the columns the code needs instead of SELECT *";
      out.push_back(std::move(d));
    }
  }
  stats.queries_seconds = lap();
  return out;
}

}  // namespace mc
