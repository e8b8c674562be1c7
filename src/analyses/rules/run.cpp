#include "analyses/rules/run.h"

#include <fmt/format.h>

#include <map>

#include "base/text.h"
#include "sql/postgres/parser.h"
#include "sql/sqlite/facts.h"

namespace mc::rules {

namespace {

using Command = sql::StatementFacts::Command;

void advance(MigrationState& state, const Statement& statement, const sql::StatementFacts& facts) {
  switch (facts.command) {
    case Command::begin:
      ++state.open_transactions;
      state.last_begin = &statement;
      break;
    case Command::commit:
    case Command::rollback:
      if (state.open_transactions > 0) --state.open_transactions;
      break;
    case Command::set:
      if (facts.setting == "lock_timeout") state.lock_timeout = true;
      if (facts.setting == "statement_timeout") state.statement_timeout = true;
      break;
    case Command::create_table: state.created_tables.insert(to_lower(facts.table)); break;
    default: break;
  }
}

const StatementDiff& empty_diff() {
  static const StatementDiff none;
  return none;
}

}  // namespace

bool RuleContext::created_here(std::string_view table) const {
  return migration.created_tables.count(to_lower(table)) > 0;
}

Diagnostic rule_diagnostic(const Rule& rule, const Statement& statement, const Finding& finding) {
  Diagnostic d;
  d.severity = rule.info.severity;
  d.code = std::string(rule.info.code);
  d.name = std::string(rule.info.name);
  d.message = finding.message;
  d.object = finding.object;
  d.primary = finding.at == sql::no_location || finding.at >= statement.text().size()
                  ? statement.span()
                  : statement.span_at(finding.at, finding.at + 1);
  d.primary_label = finding.label;
  d.notes = finding.notes;
  d.notes.push_back(fmt::format("rule {} ({}): `migcompat explain {}`", rule.info.name, category_name(rule.info.category),
                                rule.info.code));
  d.help = finding.help;
  return d;
}

std::vector<Diagnostic> run_rules(const RuleRun& run) {
  std::vector<Diagnostic> out;
  unsigned dialect_bit = run.dialect == Dialect::sqlite ? sqlite_only : postgres_only;
  std::map<const SourceFile*, MigrationState> files;
  std::map<const SourceFile*, const Statement*> last_statement;
  const std::vector<Statement>& statements = *run.statements;
  for (size_t i = 0; i < statements.size(); ++i) {
    const Statement& s = statements[i];
    postgres::ParsedStatement parsed;
    if (run.dialect == Dialect::postgres) parsed = postgres::parse(s.text());
    else parsed.facts = sqlite::statement_facts(s.text());
    const SourceFile* file = s.origin ? s.origin->file : nullptr;
    MigrationState& state = files[file];
    last_statement[file] = &s;
    const StatementDiff& diff = run.diffs && i < run.diffs->size() ? (*run.diffs)[i] : empty_diff();
    RuleContext context{run.dialect, s, parsed.facts, parsed.changes, diff, state, run.lint, run.locks_measured};
    for (const Rule* rule : all_rules()) {
      if (!(rule->info.dialects & dialect_bit) || !rule->check) continue;
      std::vector<Finding> found;
      rule->check(context, found);
      for (const Finding& f : found) out.push_back(rule_diagnostic(*rule, s, f));
    }
    advance(state, s, parsed.facts);
  }
  for (const auto& [file, state] : files) {
    const Statement* where = state.last_begin && state.open_transactions > 0 ? state.last_begin : last_statement[file];
    for (const Rule* rule : all_rules()) {
      if (!(rule->info.dialects & dialect_bit) || !rule->finish) continue;
      std::vector<Finding> found;
      rule->finish(state, found);
      for (const Finding& f : found) out.push_back(rule_diagnostic(*rule, *where, f));
    }
  }
  return out;
}

}  // namespace mc::rules
