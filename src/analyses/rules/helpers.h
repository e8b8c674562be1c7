// Shared pieces of rule checks.
#pragma once

#include <fmt/format.h>

#include <string>

#include "analyses/rules/rule.h"
#include "base/text.h"

namespace mc::rules {

using catalog::ChangeKind;
using Command = sql::StatementFacts::Command;
using ConstraintKind = sql::ConstraintUse::Kind;

// Calls `f` for each change of `kind` the statement made.
template <class F>
void for_each_change(const RuleContext& c, ChangeKind kind, F f) {
  for (const catalog::Change& change : c.diff.changes) {
    if (change.kind == kind) f(change);
  }
}

// A table that other code may be using while the migration runs: not created by this migration.
inline bool existing_table(const RuleContext& c, std::string_view table) { return !table.empty() && !c.created_here(table); }

// The column as the catalog had it before the statement (nullptr for new ones).
inline const catalog::Column* column_before(const RuleContext& c, const std::string& table, const std::string& column) {
  const catalog::Relation* r = c.diff.before.find_relation(table);
  return r ? r->find_column(column) : nullptr;
}

inline const catalog::Column* column_after(const RuleContext& c, const std::string& table, const std::string& column) {
  const catalog::Relation* r = c.diff.after.find_relation(table);
  return r ? r->find_column(column) : nullptr;
}

// The statement's text, comments removed, lower-case: for keywords the front end does not model.
inline std::string lowered(const RuleContext& c) { return to_lower(normalize_sql(c.statement.text())); }

}  // namespace mc::rules
