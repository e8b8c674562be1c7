// MC175 prefer-text-field (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  report_column_types(
      c, out, [](const sql::ColumnUse& column) { return column.type == "varchar" && column.has_length; },
      "{}.{} is {}(n): raising or lowering the limit later is an ALTER … TYPE (ACCESS EXCLUSIVE, a rewrite when lowered)",
      "use text, with CHECK (char_length(col) <= n) added NOT VALID if the limit matters");
}

}  // namespace

extern const Rule prefer_text_field;
const Rule prefer_text_field{{"MC175", "prefer-text-field", Category::hygiene, Severity::note, postgres_only,
    "varchar(n): changing the limit later takes a lock; prefer text with a CHECK"},
    check, nullptr};

}  // namespace mc::rules
