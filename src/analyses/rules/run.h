// Runs the rule catalog over new migration statements.
#pragma once

#include <vector>

#include "analyses/rules/rule.h"
#include "sql/postgres/parser.h"

namespace mc::rules {

struct RuleRun {
  Dialect dialect = Dialect::sqlite;
  const std::vector<Statement>* statements = nullptr;  // new migration statements, in apply order
  const ReplayRecord* replay = nullptr;                // the deployed schema; the statements' diffs (diff_of)
  // PostgreSQL: the statements as the static check parsed them (else each is parsed here).
  const std::vector<postgres::ParsedStatement>* parsed = nullptr;
  bool lint = false;
  bool locks_measured = false;  // a server traced the locks (MC040–MC042): the static lock-timeout rule defers to it
  // The statements are a declarative schema's edits, not a migration: a tool writes the real
  // migration, so only the rules about what changed apply (not hygiene, locks, SQLite rebuilds).
  bool declarative = false;
  // `parsed` holds statements [parsed_first, parsed_first + parsed->size()).
  size_t parsed_first = 0;
};

std::vector<Diagnostic> run_rules(const RuleRun& run);
// The positions of statements [begin, end) grouped by migration file, files in the order they
// first appear: the units the rules run on.
std::vector<std::vector<size_t>> statements_by_file(const std::vector<Statement>& statements, size_t begin, size_t end);

// The rules over one migration file: `indexes` are its statements' positions in the run, in order.
// Only those statements' diffs and parses are read (and the files' look-ahead stays in the file).
// The findings are appended to `out` (so that a run over many files fills one list).
void run_rules_on_file(const RuleRun& run, const std::vector<size_t>& indexes, std::vector<Diagnostic>& out);

// A rule's finding as a diagnostic: code, name, severity, place, and where its doc is.
Diagnostic rule_diagnostic(const Rule& rule, const Statement& statement, Finding finding);

}  // namespace mc::rules
