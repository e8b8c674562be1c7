#include "analyses/postgres_check.h"

#include <fmt/format.h>

#include <optional>

#include "analyses/blame.h"
#include "analyses/declarative.h"
#include "analyses/checks.h"
#include "analyses/explain.h"
#include "analyses/name_resolution.h"
#include "base/parallel_ahead.h"
#include "base/stopwatch.h"
#include "catalog/diff.h"
#include "catalog/qualify.h"
#include "catalog/replay.h"
#include "sql/placeholders.h"
#include "sql/postgres/parser.h"

namespace mc {

namespace {

using Kind = sql::SchemaChange::Kind;

// Every statement parsed, on all cores: parsing is pure and costs more than the replay that
// must follow in order. A statement that does not parse is an input error, raised in order.
// Statements are parsed on every core, ahead of the replay that needs them in order.
ParallelAhead<postgres::ParsedStatement> parse_ahead(const std::vector<Statement>& statements) {
  return ParallelAhead<postgres::ParsedStatement>(statements.size(), 32,
                                                  [&statements](size_t i) { return postgres::parse(statements[i].text()); });
}

void throw_if_unparsed(const postgres::ParsedStatement& parsed, const Statement& statement, const char* which) {
  // An oversized statement is replayed as one whose effect is not modeled (MC030), not an error.
  if (parsed.error && !parsed.oversized) {
    throw InputError{fmt::format("{} migration statement does not parse: {}", which, parsed.error->message),
                     statement.span_at(parsed.error->offset, parsed.error->offset + 1), {}};
  }
}

// The views a CASCADE drop of `relation.column` takes along: those reading it, and the views over them.
void add_column_readers(const catalog::Catalog& catalog, const std::string& relation, const std::string& column,
                        std::vector<std::string>& out) {
  for (const std::string& view : catalog.views_reading(relation, column)) {
    out.push_back(view);
    for (std::string& dependent : catalog.dependents_of(view)) out.push_back(std::move(dependent));
  }
}

// The relations a statement's changes can affect, so that blame diffs only those.
std::vector<std::string> touched_relations(const std::vector<sql::SchemaChange>& changes, const catalog::Catalog& catalog) {
  std::vector<std::string> out;
  for (const sql::SchemaChange& change : changes) {
    if (!change.relation.empty()) out.push_back(change.relation);
    if (!change.name.empty() && change.relation.empty()) out.push_back(change.name);  // enum types
    if (!change.new_name.empty()) out.push_back(change.new_name);
    for (const std::string& name : change.names) {
      out.push_back(name);
      if (const catalog::Index* index = catalog.find_index(name)) out.push_back(index->table);
    }
    // What CASCADE takes along: the views over a dropped relation or column.
    if (change.cascade && change.kind == Kind::drop_relation) {
      for (const std::string& name : change.names) {
        for (std::string& view : catalog.dependents_of(name)) out.push_back(std::move(view));
      }
    }
    if (change.kind == Kind::drop_sequence) {  // a serial column whose default goes with it (CASCADE)
      for (const std::string& name : change.names) {
        auto owned = catalog.sequences().find(to_lower(name));
        if (owned != catalog.sequences().end() && !owned->second.relation.empty()) out.push_back(owned->second.relation);
      }
    }
    if (change.kind == Kind::drop_schema || change.kind == Kind::rename_schema) {  // every relation in it
      std::vector<std::string> schemas = change.kind == Kind::drop_schema ? change.names : std::vector<std::string>{change.name};
      for (const std::string& schema : schemas) {
        for (std::string& key : catalog.relations_in(schema)) {
          for (std::string& view : catalog.dependents_of(key)) out.push_back(std::move(view));
          if (change.kind == Kind::rename_schema) out.push_back(catalog::catalog_key(change.new_name, catalog::unqualified(key)));
          out.push_back(std::move(key));
        }
      }
    }
    if (change.cascade && change.kind == Kind::drop_type) {  // the columns of the type go, and their readers
      for (const std::string& type : change.names) {
        for (auto& [relation, column] : catalog.columns_of_type(type)) {
          add_column_readers(catalog, relation, column, out);
          out.push_back(std::move(relation));
        }
      }
    }
    if (change.cascade && change.kind == Kind::drop_column) add_column_readers(catalog, change.relation, change.name, out);
  }
  return out;
}

// The indexes a statement can change, when that is knowable from the statement alone: none for
// column defaults, nullability, checks, new columns and views; the named one for CREATE/DROP
// INDEX. Nullopt (all of the touched tables' indexes) for anything that can rename, retype or
// drop indexed columns and tables.
std::optional<std::vector<std::string>> indexes_touched(const std::vector<sql::SchemaChange>& changes) {
  std::vector<std::string> names;
  for (const sql::SchemaChange& change : changes) {
    switch (change.kind) {
      case Kind::add_column:
      case Kind::set_default:
      case Kind::drop_default:
      case Kind::set_not_null:
      case Kind::drop_not_null:
      case Kind::add_check:
      case Kind::create_view:
      case Kind::create_enum:
      case Kind::add_enum_label:
      case Kind::rename_enum_label:
      case Kind::create_function:
      case Kind::drop_function:
      case Kind::rename_function:
      case Kind::create_sequence:
      case Kind::drop_sequence:
      case Kind::rename_sequence:
      case Kind::set_identity:
      case Kind::drop_identity:
      case Kind::create_schema:
      case Kind::create_domain:
      case Kind::create_trigger:
      case Kind::drop_trigger:
      case Kind::set_search_path:
      case Kind::no_schema_effect: break;
      case Kind::create_index: names.push_back(change.name); break;
      case Kind::drop_index: names.insert(names.end(), change.names.begin(), change.names.end()); break;
      default: return std::nullopt;
    }
  }
  return names;
}

// Whether a statement's changes can drop or rename a sequence, the only sequence changes a diff
// reports (one added alone is not a change). Adding columns, indexes, views, checks, defaults and
// backfills cannot, so their snapshots leave the touched tables' sequences out.
bool sequences_touched(const std::vector<sql::SchemaChange>& changes) {
  for (const sql::SchemaChange& change : changes) {
    switch (change.kind) {
      case Kind::create_table:
      case Kind::add_column:
      case Kind::set_not_null:
      case Kind::drop_not_null:
      case Kind::set_default:
      case Kind::drop_default:
      case Kind::add_check:
      case Kind::add_unique:
      case Kind::create_index:
      case Kind::drop_index:
      case Kind::create_view:
      case Kind::create_enum:
      case Kind::add_enum_label:
      case Kind::rename_enum_label:
      case Kind::create_domain:
      case Kind::create_trigger:
      case Kind::drop_trigger:
      case Kind::create_function:
      case Kind::drop_function:
      case Kind::rename_function:
      case Kind::create_sequence:
      case Kind::create_schema:
      case Kind::set_search_path:
      case Kind::no_schema_effect: break;
      default: return true;
    }
  }
  return false;
}

// A migration's connection, as far as names go: `SET search_path` holds for the rest of its
// file (each migration file runs in a session of its own; the next starts from `start`, the
// configured search_path or the server's default).
struct Session {
  explicit Session(const std::string& setting) : start(catalog::SearchPath::from_setting(setting)) {}
  catalog::SearchPath start;
  catalog::SearchPath path = start;
  const SourceFile* file = nullptr;

  // Turns the names `parsed` wrote into catalog keys, and follows its SET search_path.
  void name_objects(postgres::ParsedStatement& parsed, const Statement& statement, const catalog::Catalog& catalog) {
    const SourceFile* own = statement.file();
    if (own != file) {
      file = own;
      path = start;
    }
    catalog::qualify(parsed.changes, path, catalog, start);
    for (const sql::SchemaChange& change : parsed.changes) {
      if (change.kind != Kind::set_search_path) continue;
      path = change.names.empty() ? start : catalog::SearchPath(change.names);
    }
  }
};

// For a relation that is missing where the search_path looked but exists in another schema: the
// migrations likely run with a search_path migcompat was not told about.
std::string search_path_hint(const catalog::Catalog& catalog, const sql::SchemaChange& change, const std::string& error) {
  if (error.find("(42P01)") == std::string::npos || change.relation.empty()) return "";
  std::string_view wanted = catalog::unqualified(change.relation);
  for (const auto& [key, rel] : catalog.relations()) {
    if (key != change.relation && iequals(catalog::unqualified(key), wanted)) {
      return fmt::format("; there is a relation {} in another schema: if the migrations run with a search_path that "
                         "finds it, set `search_path` in migcompat.toml (or --search-path)",
                         rel.name);
    }
  }
  return "";
}

// Replays one parsed migration statement into `catalog` (its names already qualified). Throws
// InputError when PostgreSQL would reject it; reports statements whose effect is not modeled.
void replay(catalog::Catalog& catalog, const postgres::ParsedStatement& parsed, const Statement& statement,
            const catalog::SearchPath& path, const char* which, std::vector<Diagnostic>* findings) {
  for (const sql::SchemaChange& change : parsed.changes) {
    catalog::ViewShape view;
    if (change.kind == Kind::create_view && change.view_query) {
      std::vector<NameError> errors;
      NameResolver resolver(catalog, path);
      view.columns = resolver.output_columns(*change.view_query, errors, &view.reads, &view.depends_on);
      if (!errors.empty()) {
        const NameError& e = errors.front();
        throw InputError{fmt::format("{} migration statement would fail on PostgreSQL: {} ({})", which, e.message, e.sqlstate),
                         statement.span_at(e.location, e.location + 1), {}};
      }
    }
    if (auto error = catalog::apply(catalog, change, view)) {
      throw InputError{fmt::format("{} migration statement would fail on PostgreSQL: {}{}", which, *error,
                                   search_path_hint(catalog, change, *error)),
                       statement.span(), {}};
    }
    if (change.kind == Kind::unmodeled && findings) {
      Diagnostic d = make_diagnostic(checks::statement_not_modeled);
      d.message = fmt::format("migcompat does not model this statement's effect on the schema ({})", change.detail);
      d.primary = statement.span();
      d.notes.push_back("queries that touch what it changes are checked against the schema as if it had not run");
      findings->push_back(std::move(d));
    }
  }
}

// `e.location` is an offset in the parsed text, `sent`; the span is in the query's own text.
Span error_span(const Statement& query, const sql::NormalizedSql& sent, const NameError& e) {
  if (e.location == sql::no_location || e.location >= sent.text.size()) return query.span();
  size_t begin = sent.to_original(e.location);
  if (begin >= query.text().size()) return query.span();
  size_t length = std::max<size_t>(1, e.name.size());
  return query.span_at(begin, std::min(query.text().size(), begin + length));
}

std::string kind_word(const sql::QueryModel& q) {
  switch (q.kind) {
    case sql::QueryModel::Kind::select: return "query";
    case sql::QueryModel::Kind::insert: return "INSERT into " + q.write.target.name;
    case sql::QueryModel::Kind::update: return "UPDATE of " + q.write.target.name;
    case sql::QueryModel::Kind::del: return "DELETE from " + q.write.target.name;
    default: return "statement";
  }
}

// `SELECT *` over a table that gained or lost columns: readers by position break.
void report_result_change(const Statement& query, const sql::Select& select, NameResolver& on_deployed,
                          NameResolver& on_next, std::vector<Diagnostic>& out) {
  std::vector<NameError> ignored;
  auto before = on_deployed.output_columns(select, ignored);
  auto after = on_next.output_columns(select, ignored);
  if (before == after) return;
  Diagnostic d = make_diagnostic(checks::result_columns_changed);
  d.message = fmt::format("the result columns of this old query change: {}", describe_column_list_change(before, after));
  d.primary = query.span();
  d.help = "code that reads columns by position breaks, and so do server-prepared statements (\"cached plan must not "
           "change result type\"); list the columns the code needs instead of SELECT *";
  out.push_back(std::move(d));
}

// The new statements replayed one by one on the deployed schema; what each changed is recorded
// for the rules, and for blame when there are queries to blame it on. Returns the new schema.
catalog::Catalog apply_incoming(const MigrationPlan& plan, const catalog::Catalog& deployed,
                                ParallelAhead<postgres::ParsedStatement>& incoming, PostgresStaticResult& result, Blame* blame,
                                const FileReplayed& file_replayed) {
  catalog::Catalog next = deployed;
  if (!file_replayed) result.replay.diffs.reserve(plan.incoming.size());
  Session session(plan.incoming_search_path);
  size_t file_begin = 0;
  for (size_t k = 0; k < plan.incoming.size(); ++k) {
    const Statement& s = plan.incoming[k];
    postgres::ParsedStatement& parsed = incoming.get(k);
    throw_if_unparsed(parsed, s, "new");
    session.name_objects(parsed, s, next);
    std::vector<std::string> touched = touched_relations(parsed.changes, next);
    std::optional<std::vector<std::string>> indexes = indexes_touched(parsed.changes);
    const catalog::SubsetScope scope{indexes ? &*indexes : nullptr, sequences_touched(parsed.changes)};
    catalog::Catalog before = next.subset(touched, scope);
    replay(next, parsed, s, session.path, "new", &result.migration_findings);
    catalog::Catalog after = next.subset(touched, scope);
    std::vector<catalog::Change> changes = catalog::diff(before, after);
    if (blame) blame->record(changes, after, s.span());
    result.replay.diffs.push_back(StatementDiff{std::move(changes), std::move(before), std::move(after)});
    if (file_replayed && (k + 1 == plan.incoming.size() || plan.incoming[k + 1].file() != s.file())) {
      std::vector<postgres::ParsedStatement> file_parsed;
      file_parsed.reserve(k + 1 - file_begin);
      for (size_t j = file_begin; j <= k; ++j) file_parsed.push_back(std::move(incoming.get(j)));
      file_replayed(file_begin, k + 1, result.replay, file_parsed);
      result.replay.diffs.clear();  // the slots are reused by the next file
      result.replay.first = k + 1;
      incoming.release_before(k + 1);
      file_begin = k + 1;
    }
  }
  return next;
}

// A declarative schema: the new file built fresh, its changes given to its edited statements.
catalog::Catalog build_declarative(const std::vector<Statement>& target, const catalog::Catalog& deployed,
                                   const std::vector<Statement>& edited, const std::string& search_path,
                                   PostgresStaticResult& result, Blame* blame) {
  catalog::Catalog next;
  ParallelAhead<postgres::ParsedStatement> parsed = parse_ahead(target);
  Session session(search_path);
  for (size_t i = 0; i < target.size(); ++i) {
    throw_if_unparsed(parsed.get(i), target[i], "new");
    session.name_objects(parsed.get(i), target[i], next);
    replay(next, parsed.get(i), target[i], session.path, "new", nullptr);
  }
  result.replay.diffs = attribute_changes(deployed, next, edited);
  for (size_t k = 0; blame && k < edited.size(); ++k) {
    blame->record(result.replay.diffs[k].changes, result.replay.diffs[k].after, edited[k].span());
  }
  return next;
}

}  // namespace

std::vector<Diagnostic> PostgresStaticResult::all() const {
  std::vector<Diagnostic> out = migration_findings;
  for (const auto& found : query_findings) out.insert(out.end(), found.begin(), found.end());
  return out;
}

PostgresStaticResult check_postgres_statically(const MigrationPlan& plan, const std::vector<Statement>& queries,
                                               const FileReplayed& file_replayed) {
  PostgresStaticResult result;
  result.query_findings.resize(queries.size());
  catalog::Catalog deployed;
  Stopwatch clock;
  {
    ParallelAhead<postgres::ParsedStatement> parsed = parse_ahead(plan.deployed);
    Session session(plan.deployed_search_path);
    for (size_t i = 0; i < plan.deployed.size(); ++i) {
      throw_if_unparsed(parsed.get(i), plan.deployed[i], "deployed");
      session.name_objects(parsed.get(i), plan.deployed[i], deployed);
      replay(deployed, parsed.get(i), plan.deployed[i], session.path, "deployed", nullptr);
    }
  }

  result.replay.deployed = deployed;
  Blame blame;
  Blame* recording = queries.empty() ? nullptr : &blame;  // lint has nothing to blame
  ParallelAhead<postgres::ParsedStatement> incoming = parse_ahead(plan.incoming);
  catalog::Catalog next;
  if (plan.target) {
    next = build_declarative(*plan.target, deployed, plan.incoming, plan.incoming_search_path, result, recording);
    for (size_t k = 0; k < plan.incoming.size(); ++k) incoming.get(k);  // parsed for the rules
    result.parsed_incoming = std::move(incoming).take();
    // The edits are not in files of their own: one call.
    if (file_replayed && !plan.incoming.empty()) file_replayed(0, plan.incoming.size(), result.replay, result.parsed_incoming);
  } else {
    next = apply_incoming(plan, deployed, incoming, result, recording, file_replayed);
    // Without a reader per file, the parses are kept for the caller (the rules and the proof).
    if (!file_replayed) result.parsed_incoming = std::move(incoming).take();
  }
  result.replay_seconds = clock.lap();

  // The old code's connections: the old tree's search_path.
  Session app(plan.deployed_search_path);
  NameResolver on_deployed(deployed, app.start);
  NameResolver on_next(next, deployed, app.start);
  for (size_t i = 0; i < queries.size(); ++i) {
    const Statement& query = queries[i];
    std::vector<Diagnostic>& out = result.query_findings[i];
    sql::NormalizedSql sent = sql::normalize_placeholders_mapped(query.text(), sql::PlaceholderStyle::postgres);
    postgres::ParsedStatement parsed = postgres::parse(sent.text);
    if (parsed.error) {
      Diagnostic d = make_diagnostic(checks::could_not_check);
      d.message = parsed.oversized ? "could not check this query: it is too large to parse"
                                   : "could not check this query: PostgreSQL's parser rejects it";
      size_t at = std::min(sent.to_original(parsed.error->offset), query.text().size());
      d.primary = query.span_at(at, at + 1);
      d.primary_label = parsed.error->message;
      out.push_back(std::move(d));
      continue;
    }
    if (!parsed.query) continue;  // DDL among the queries: not something old code runs per request
    Resolutions resolved;
    auto before = on_deployed.check(*parsed.query, &resolved);
    if (!before.empty()) {
      Diagnostic d = make_diagnostic(checks::could_not_check);
      d.message = "could not check this query: it does not resolve on the deployed schema either";
      d.primary = error_span(query, sent, before.front());
      d.primary_label = fmt::format("{} ({})", before.front().message, before.front().sqlstate);
      d.notes.push_back("a query that fails before the deploy is not broken by it; it may use objects the migrations do not create");
      out.push_back(std::move(d));
      continue;
    }
    auto after = on_next.check(*parsed.query);
    if (after.empty()) {
      if (parsed.query->kind == sql::QueryModel::Kind::select && parsed.query->select) {
        report_result_change(query, *parsed.query->select, on_deployed, on_next, out);
      }
      continue;
    }
    const NameError& e = after.front();
    // What the broken name meant on the deployed schema.
    std::string relation = e.relation, column = e.column;
    if (auto it = resolved.find(e.location); it != resolved.end()) {
      relation = it->second.first;
      column = it->second.second;
    }
    std::string object = column.empty() ? relation : relation.empty() ? column : relation + "." + column;
    Diagnostic d = make_diagnostic(checks::old_query_breaks);
    d.object = object;
    bool write_rejected = e.sqlstate == "23502" || e.sqlstate == "23505" || e.sqlstate == "42P10" || e.sqlstate == "428C9" ||
                          (e.sqlstate == "22P02" && parsed.query->kind != sql::QueryModel::Kind::select);
    if (write_rejected) d = make_diagnostic(checks::old_write_rejected), d.object = object;
    if (e.sqlstate == "42883") {
      d.object = e.type + "()";
      d.message = fmt::format("old {} calls function {}, which the new schema no longer has", kind_word(*parsed.query), e.type);
    } else if (e.sqlstate == "22P02") {
      d.message = fmt::format("old {} uses label {} of enum {} ({}), which the new schema no longer has",
                              kind_word(*parsed.query), e.name, e.type, object);
    } else if (write_rejected) {
      d.message = fmt::format("old {} is rejected by the new schema ({})", kind_word(*parsed.query), object);
    } else {
      d.message = fmt::format("old {} uses {}, which the new schema no longer has", kind_word(*parsed.query), object);
    }
    d.primary = error_span(query, sent, e);
    d.primary_label = fmt::format("{} ({})", e.message, e.sqlstate);
    const Origin* origin = nullptr;
    if (e.sqlstate == "22P02") origin = blame.find(e.type + "." + e.name.substr(1, e.name.size() - 2));
    if (e.sqlstate == "42883") origin = blame.find(e.type);
    if (e.sqlstate == "23505") {
      // Blame the unique index or constraint the message names.
      for (const Origin* c : blame.constraints_of(relation)) {
        if (!c->change.new_name.empty() && e.message.find("\"" + c->change.new_name + "\"") != std::string::npos) origin = c;
      }
    } else if (e.sqlstate == "42P10") {
      // Blame the latest unique index or constraint the migration dropped from the table.
      for (const Origin* c : blame.constraints_of(relation)) {
        if (c->change.kind == catalog::ChangeKind::index_dropped) origin = c;
      }
    }
    if (!origin) origin = blame.find(object);
    if (!origin && !relation.empty()) origin = blame.find(relation);
    if (origin) {
      d.related.push_back({origin->statement, fmt::format("the migration {}", describe_change(origin->change))});
      d.help = safe_sequence(origin->change);
    } else {
      d.help = "change the old code and the schema in separate deploys: code that works with both schemas first";
    }
    for (size_t k = 1; k < after.size(); ++k) d.notes.push_back(fmt::format("also: {} ({})", after[k].message, after[k].sqlstate));
    out.push_back(std::move(d));
  }
  result.queries_seconds = clock.lap();
  return result;
}

}  // namespace mc
