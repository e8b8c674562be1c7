// MC177 ban-char-field (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  report_column_types(
      c, out, [](const sql::ColumnUse& column) { return column.type == "bpchar"; },
      "{}.{} is char(n) ({}): values are blank-padded, which surprises comparisons and length checks",
      "use text (with a CHECK on the length if it matters)");
}

}  // namespace

extern const Rule ban_char_field;
const Rule ban_char_field{{"MC177", "ban-char-field", Category::hygiene, Severity::note, postgres_only,
    "char(n) pads with spaces; prefer text"},
    check, nullptr};

}  // namespace mc::rules
