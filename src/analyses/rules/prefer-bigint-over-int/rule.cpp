// MC172 prefer-bigint-over-int (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  report_column_types(
      c, out, [](const sql::ColumnUse& column) { return one_of(column.type, {"int4", "int", "integer", "serial", "serial4"}); },
      "{}.{} is a 32-bit {}: ids and counters that pass 2,147,483,647 make inserts fail",
      "use bigint (or bigserial / bigint GENERATED … AS IDENTITY)");
}

}  // namespace

extern const Rule prefer_bigint_over_int;
const Rule prefer_bigint_over_int{{"MC172", "prefer-bigint-over-int", Category::hygiene, Severity::note, postgres_only,
    "32-bit integer columns run out at 2,147,483,647"},
    check, nullptr};

}  // namespace mc::rules
