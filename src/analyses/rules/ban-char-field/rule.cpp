// MC177 ban-char-field (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const sql::ColumnUse& column : c.facts.columns) {
    if (!(column.type == "bpchar")) continue;
    out.push_back({.message = fmt::format("{}.{} is char(n) ({}): values are blank-padded, which surprises comparisons and length checks", column.table, column.column, column.type),
                   .object = column.table + "." + column.column,
                   .at = column.location,
                   .help = "use text (with a CHECK on the length if it matters)"});
  }
}

}  // namespace

extern const Rule ban_char_field;
const Rule ban_char_field{{"MC177", "ban-char-field", Category::hygiene, Severity::note, postgres_only,
    "char(n) pads with spaces; prefer text"},
    check, nullptr};

}  // namespace mc::rules
