// MC137 add-serial-or-primary-key-column (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const sql::ColumnUse& column : c.facts.columns) {
    if (!column.added || !existing_table(c, column.table)) continue;
    bool serial = one_of(column.type, {"serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"});
    if (!serial && !column.identity && !column.primary_key) continue;
    out.push_back({.message = fmt::format("adds {}.{} as {}: PostgreSQL fills it for every row (a table rewrite){} under "
                                          "ACCESS EXCLUSIVE",
                                          column.table, column.column,
                                          column.primary_key ? "a primary key" : serial ? column.type : "an identity column",
                                          column.primary_key ? " and builds its index" : ""),
                   .object = column.table + "." + column.column,
                   .at = column.location,
                   .help = "add the column nullable, fill it in batches (from a sequence), then CREATE UNIQUE INDEX "
                           "CONCURRENTLY and ADD CONSTRAINT … PRIMARY KEY USING INDEX"});
  }
}

}  // namespace

extern const Rule add_serial_or_primary_key_column;
const Rule add_serial_or_primary_key_column{{"MC137", "add-serial-or-primary-key-column", Category::lock_hazard, Severity::warning, postgres_only,
    "ADD COLUMN serial / identity / PRIMARY KEY rewrites the table and builds an index under ACCESS EXCLUSIVE"},
    check, nullptr};

}  // namespace mc::rules
