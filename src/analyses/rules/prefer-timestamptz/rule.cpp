// MC176 prefer-timestamptz (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const sql::ColumnUse& column : c.facts.columns) {
    if (!(column.type == "timestamp")) continue;
    out.push_back({.message = fmt::format("{}.{} is {} without time zone: values depend on the session's time zone setting", column.table, column.column, column.type),
                   .object = column.table + "." + column.column,
                   .at = column.location,
                   .help = "use timestamptz (timestamp with time zone)"});
  }
}

}  // namespace

extern const Rule prefer_timestamptz;
const Rule prefer_timestamptz{{"MC176", "prefer-timestamptz", Category::hygiene, Severity::note, postgres_only,
    "timestamp without time zone loses the zone"},
    check, nullptr};

}  // namespace mc::rules
