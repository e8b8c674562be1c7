// MC174 prefer-identity (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  report_column_types(
      c, out, [](const sql::ColumnUse& column) { return one_of(column.type, {"serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"}); },
      "{}.{} is {}: its sequence is a separate object with its own permissions and ownership",
      "use bigint GENERATED ALWAYS AS IDENTITY (or BY DEFAULT)");
}

}  // namespace

extern const Rule prefer_identity;
const Rule prefer_identity{{"MC174", "prefer-identity", Category::hygiene, Severity::note, postgres_only,
    "serial columns: prefer GENERATED … AS IDENTITY"},
    check, nullptr};

}  // namespace mc::rules
