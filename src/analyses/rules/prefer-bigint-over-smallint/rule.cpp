// MC173 prefer-bigint-over-smallint (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const sql::ColumnUse& column : c.facts.columns) {
    if (!(one_of(column.type, {"int2", "smallint", "smallserial", "serial2"}))) continue;
    out.push_back({.message = fmt::format("{}.{} is a 16-bit {}: values past 32,767 make writes fail", column.table, column.column, column.type),
                   .object = column.table + "." + column.column,
                   .at = column.location,
                   .help = "use bigint (or integer where the range is truly bounded)"});
  }
}

}  // namespace

extern const Rule prefer_bigint_over_smallint;
const Rule prefer_bigint_over_smallint{{"MC173", "prefer-bigint-over-smallint", Category::hygiene, Severity::note, postgres_only,
    "16-bit integer columns run out at 32,767"},
    check, nullptr};

}  // namespace mc::rules
