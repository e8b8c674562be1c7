#include "analyses/rules/run.h"

#include <fmt/format.h>

#include <optional>
#include <unordered_map>

#include "analyses/rules/helpers.h"
#include "base/parallel.h"
#include "base/text.h"
#include "sql/postgres/parser.h"
#include "sql/sqlite/facts.h"

namespace mc::rules {

namespace {

using Command = sql::StatementFacts::Command;

void advance(MigrationState& state, const Statement& statement, const sql::StatementFacts& facts,
             const std::vector<sql::SchemaChange>& intent, Dialect dialect) {
  if (dialect == Dialect::postgres && state.open_transactions > 0 && state.locked_table.empty() &&
      takes_blocking_lock(facts) && !facts.table.empty() && !state.created_tables.count(to_lower(facts.table))) {
    state.locked_table = facts.table;
  }
  switch (facts.command) {
    case Command::begin:
      ++state.open_transactions;
      state.last_begin = &statement;
      break;
    case Command::commit:
    case Command::rollback:
      if (state.open_transactions > 0) --state.open_transactions;
      if (state.open_transactions == 0) state.locked_table.clear();
      break;
    case Command::set:
      if (facts.setting == "lock_timeout") state.lock_timeout = true;
      if (facts.setting == "statement_timeout") state.statement_timeout = true;
      break;
    case Command::create_table:
      // As written (the facts) and as the catalog's key (the intent, qualified through the
      // search_path): rules ask with either.
      state.created_tables.insert(to_lower(facts.table));
      for (const sql::SchemaChange& change : intent) {
        if (change.kind == sql::SchemaChange::Kind::create_table) state.created_tables.insert(to_lower(change.relation));
      }
      break;
    default: break;
  }
}

const StatementDiff& empty_diff() {
  static const StatementDiff none;
  return none;
}

// A SQLite table rebuild (create new, copy, drop old, rename new to old) seen whole: at the
// rename, the table as the drop removed it against the table the rename produced.
std::optional<StatementDiff> rebuild_net_effect(MigrationState& state, const StatementDiff& diff) {
  for (const catalog::Change& c : diff.changes) {
    if (c.kind == catalog::ChangeKind::relation_dropped) {
      if (const catalog::Relation* r = diff.before.find_relation(c.relation); r && r->kind == catalog::RelationKind::table) {
        state.dropped_tables[to_lower(c.relation)] = diff.before.subset({c.relation});
      }
    }
  }
  for (const catalog::Change& c : diff.changes) {
    if (c.kind != catalog::ChangeKind::relation_renamed) continue;
    auto was = state.dropped_tables.find(to_lower(c.new_name));
    if (was == state.dropped_tables.end()) continue;
    StatementDiff net;
    net.before = was->second;
    net.after = diff.after.subset({c.new_name});
    net.changes = catalog::diff(net.before, net.after);
    state.dropped_tables.erase(was);
    return net;
  }
  return std::nullopt;
}

}  // namespace

bool RuleContext::created_here(std::string_view table) const {
  return migration.created_tables.count(to_lower(table)) > 0;
}

bool RuleContext::index_recreated_later(const catalog::Change& dropped) const {
  if (migration.later.creates_index_named(dropped.new_name, index)) return true;
  for (const auto& [_, was] : diff.before.indexes()) {
    if (was.name == dropped.new_name) return migration.later.creates_index_on(was.table, was.columns, index);
  }
  return false;
}

namespace {

// "rule NAME (CATEGORY): `migcompat explain CODE`", which every finding of the rule carries:
// written once per rule rather than once per finding.
const std::string& explain_note(const Rule& rule) {
  static const std::unordered_map<const Rule*, std::string> notes = [] {
    std::unordered_map<const Rule*, std::string> out;
    for (const Rule* r : all_rules()) {
      out.emplace(r, fmt::format("rule {} ({}): `migcompat explain {}`", r->info.name, category_name(r->info.category),
                                 r->info.code));
    }
    return out;
  }();
  return notes.at(&rule);
}

}  // namespace

Diagnostic rule_diagnostic(const Rule& rule, const Statement& statement, Finding finding) {
  Diagnostic d;
  d.severity = rule.info.severity;
  d.code = std::string(rule.info.code);
  d.name = std::string(rule.info.name);
  d.message = std::move(finding.message);
  d.object = std::move(finding.object);
  d.primary = finding.at == sql::no_location || finding.at >= statement.text().size()
                  ? statement.span()
                  : statement.span_at(finding.at, finding.at + 1);
  d.primary_label = std::move(finding.label);
  d.notes = std::move(finding.notes);
  d.notes.push_back(explain_note(rule));
  d.help = std::move(finding.help);
  return d;
}

namespace {

// How a statement is written matters only where it is the migration that runs.
bool applies(const Rule& rule, const RuleRun& run) {
  if (!run.declarative) return true;
  Category c = rule.info.category;
  return c != Category::hygiene && c != Category::lock_hazard && c != Category::sqlite;
}

// The rules of this run's dialect and kind that have a per-statement check (or, with
// `finishing`, a per-file finish): chosen once per file rather than asked per statement.
std::vector<const Rule*> rules_for(const RuleRun& run, bool finishing) {
  unsigned dialect_bit = run.dialect == Dialect::sqlite ? sqlite_only : postgres_only;
  std::vector<const Rule*> out;
  for (const Rule* rule : all_rules()) {
    bool has = finishing ? rule->finish != nullptr : rule->check != nullptr;
    if ((rule->info.dialects & dialect_bit) && has && applies(*rule, run)) {
      out.push_back(rule);
    }
  }
  return out;
}

}  // namespace

// A file's state is its own, so files are checked independently.
void run_rules_on_file(const RuleRun& run, const std::vector<size_t>& indexes, std::vector<Diagnostic>& out) {
  const std::vector<const Rule*> checks = rules_for(run, false);
  const std::vector<Statement>& statements = *run.statements;
  std::vector<Finding> found;
  static const ReplayRecord nothing_replayed;
  const ReplayRecord& replay = run.replay ? *run.replay : nothing_replayed;
  MigrationState state;
  const Statement* last_statement = nullptr;
  for (size_t i : indexes) {
    const Statement& s = statements[i];
    postgres::ParsedStatement own;
    bool shared = run.dialect == Dialect::postgres && run.parsed && i >= run.parsed_first &&
                  i - run.parsed_first < run.parsed->size();
    if (!shared) {
      if (run.dialect == Dialect::postgres) own = postgres::parse(s.text());
      else own.facts = sqlite::statement_facts(s.text());
    }
    const postgres::ParsedStatement& parsed = shared ? (*run.parsed)[i - run.parsed_first] : own;
    const SourceFile* file = s.file();
    state.file = file;
    if (state.end <= i) {  // the file's first statement (of a contiguous run): find where it ends, once
      state.end = i + 1;
      while (state.end < statements.size() && statements[state.end].origin && statements[state.end].file() == file) {
        ++state.end;
      }
      state.later = FileLookahead(replay, statements, i, state.end);
    }
    last_statement = &s;
    const StatementDiff* held = replay.diff_of(i);
    const StatementDiff& raw = held ? *held : empty_diff();
    std::optional<StatementDiff> net = rebuild_net_effect(state, raw);
    RuleContext context{run.dialect, s,      parsed.facts, parsed.changes,  net ? *net : raw,
                        state,       statements, replay,   i,            run.lint, run.locks_measured};
    for (const Rule* rule : checks) {
      found.clear();
      rule->check(context, found);
      for (Finding& f : found) out.push_back(rule_diagnostic(*rule, s, std::move(f)));
    }
    advance(state, s, parsed.facts, parsed.changes, run.dialect);
  }
  if (!last_statement) return;
  const Statement* where = state.last_begin && state.open_transactions > 0 ? state.last_begin : last_statement;
  for (const Rule* rule : rules_for(run, true)) {
    found.clear();
    rule->finish(state, found);
    for (Finding& f : found) out.push_back(rule_diagnostic(*rule, *where, std::move(f)));
  }
}

std::vector<std::vector<size_t>> statements_by_file(const std::vector<Statement>& statements, size_t begin, size_t end) {
  std::vector<std::vector<size_t>> files;
  std::unordered_map<const SourceFile*, size_t> file_index;
  for (size_t i = begin; i < end; ++i) {
    const SourceFile* file = statements[i].file();
    auto [it, added] = file_index.emplace(file, files.size());
    if (added) files.emplace_back();
    files[it->second].push_back(i);
  }
  return files;
}

std::vector<Diagnostic> run_rules(const RuleRun& run) {
  std::vector<std::vector<size_t>> files = statements_by_file(*run.statements, 0, run.statements->size());
  std::vector<std::vector<Diagnostic>> found(files.size());
  parallel_for(files.size(), 16, [&](size_t f) { run_rules_on_file(run, files[f], found[f]); });
  return concatenate(std::move(found));
}

}  // namespace mc::rules
