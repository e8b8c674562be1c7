// Shared pieces of rule checks.
#pragma once

#include <fmt/format.h>

#include <algorithm>
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

namespace mc::rules {

inline bool one_of(std::string_view value, std::initializer_list<std::string_view> options) {
  for (std::string_view o : options) {
    if (value == o) return true;
  }
  return false;
}

}  // namespace mc::rules

namespace mc::rules {

inline bool starts_with_ci(std::string_view text, std::string_view prefix) { return to_lower(text).starts_with(to_lower(prefix)); }

}  // namespace mc::rules

namespace mc::rules {

// A table name without its version suffix: messages_2 → messages, users_v2 → users,
// orders_new → orders. Empty for names that are nothing but a suffix.
inline std::string table_stem(std::string_view name) {
  std::string s = to_lower(name);
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (std::string_view suffix : {"_new", "_old", "_next", "_tmp", "_copy"}) {
      if (s.size() > suffix.size() && s.ends_with(suffix)) s.resize(s.size() - suffix.size()), changed = true;
    }
    size_t digits = s.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(s[digits - 1]))) --digits;
    if (digits < s.size() && digits > 0) {
      s.resize(digits);
      if (s.ends_with("_v")) s.pop_back();
      if (s.ends_with("_")) s.pop_back();
      changed = true;
    }
  }
  return s;
}

}  // namespace mc::rules

namespace mc::rules {

// Whether a default expression calls a function PostgreSQL must evaluate for every row: anything
// but the few stable ones (now(), …) that PostgreSQL 11+ stores once.
inline bool calls_volatile_function(std::string_view expression) {
  std::string text = to_lower(expression);
  for (size_t open = text.find('('); open != std::string::npos; open = text.find('(', open + 1)) {
    size_t begin = open;
    while (begin > 0 && (std::isalnum(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '_' || text[begin - 1] == '.')) --begin;
    std::string name = text.substr(begin, open - begin);
    if (size_t dot = name.rfind('.'); dot != std::string::npos) name = name.substr(dot + 1);
    if (name.empty()) continue;  // a parenthesized expression
    if (!one_of(name, {"now", "transaction_timestamp", "statement_timestamp", "current_setting", "lower", "upper", "coalesce",
                       "concat", "to_jsonb", "to_json", "jsonb_build_object", "json_build_object", "array", "numeric",
                       "varchar", "timestamp", "timestamptz", "interval"})) {
      return true;
    }
  }
  return false;
}

}  // namespace mc::rules

namespace mc::rules {

// Whether a PostgreSQL statement takes a table lock that ordinary reads or writes wait for.
inline bool takes_blocking_lock(const sql::StatementFacts& facts) {
  switch (facts.command) {
    case Command::alter_table:
    case Command::drop_table:
    case Command::truncate:
    case Command::cluster: return true;
    case Command::create_index:
    case Command::drop_index:
    case Command::reindex: return !facts.concurrently;
    case Command::vacuum: return facts.vacuum_full;
    default: return false;
  }
}

}  // namespace mc::rules

namespace mc::rules {

// The type-preference rules: one finding per column the statement defines or retypes whose type
// `matches`. `message` is formatted with the table, the column and the type.
template <class Matches>
void report_column_types(const RuleContext& c, std::vector<Finding>& out, Matches matches, std::string_view message,
                         std::string_view help) {
  for (const sql::ColumnUse& column : c.facts.columns) {
    if (!matches(column)) continue;
    out.push_back({.message = fmt::format(fmt::runtime(message), column.table, column.column, column.type),
                   .object = column.table + "." + column.column,
                   .at = column.location,
                   .help = std::string(help)});
  }
}

}  // namespace mc::rules
