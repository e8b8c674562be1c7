// MC136 volatile-default-rewrites-table (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const sql::ColumnUse& column : c.facts.columns) {
    if (!column.added || !existing_table(c, column.table)) continue;
    bool volatile_default = !column.default_expr.empty() && calls_volatile_function(column.default_expr);
    if (!volatile_default && !column.generated_stored) continue;
    out.push_back({.message = fmt::format("adds {}.{} with {}: PostgreSQL rewrites the whole table under ACCESS EXCLUSIVE",
                                          column.table, column.column,
                                          column.generated_stored ? std::string("a stored generated expression")
                                                                  : "a volatile default (" + column.default_expr + ")"),
                   .object = column.table + "." + column.column,
                   .at = column.location,
                   .help = "add the column without a default (or with a constant one: no rewrite since PostgreSQL 11), set "
                           "the default afterwards for new rows, and backfill existing rows in batches"});
  }
}

}  // namespace

extern const Rule volatile_default_rewrites_table;
const Rule volatile_default_rewrites_table{{"MC136", "volatile-default-rewrites-table", Category::lock_hazard, Severity::warning, postgres_only,
    "ADD COLUMN with a volatile default or a stored generated column rewrites the table"},
    check, nullptr};

}  // namespace mc::rules
