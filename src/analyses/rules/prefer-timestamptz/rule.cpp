// MC176 prefer-timestamptz (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  report_column_types(
      c, out, [](const sql::ColumnUse& column) { return column.type == "timestamp"; },
      "{}.{} is {} without time zone: values depend on the session's time zone setting",
      "use timestamptz (timestamp with time zone)");
}

}  // namespace

extern const Rule prefer_timestamptz;
const Rule prefer_timestamptz{{"MC176", "prefer-timestamptz", Category::hygiene, Severity::note, postgres_only,
    "timestamp without time zone loses the zone"},
    check, nullptr};

}  // namespace mc::rules
