// MC173 prefer-bigint-over-smallint (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  report_column_types(
      c, out, [](const sql::ColumnUse& column) { return one_of(column.type, {"int2", "smallint", "smallserial", "serial2"}); },
      "{}.{} is a 16-bit {}: values past 32,767 make writes fail",
      "use bigint (or integer where the range is truly bounded)");
}

}  // namespace

extern const Rule prefer_bigint_over_smallint;
const Rule prefer_bigint_over_smallint{{"MC173", "prefer-bigint-over-smallint", Category::hygiene, Severity::note, postgres_only,
    "16-bit integer columns run out at 32,767"},
    check, nullptr};

}  // namespace mc::rules
