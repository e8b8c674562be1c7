// MC175 prefer-text-field (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const sql::ColumnUse& column : c.facts.columns) {
    if (!(column.type == "varchar" && column.has_length)) continue;
    out.push_back({.message = fmt::format("{}.{} is {}(n): raising or lowering the limit later is an ALTER … TYPE (ACCESS EXCLUSIVE, a rewrite when lowered)", column.table, column.column, column.type),
                   .object = column.table + "." + column.column,
                   .at = column.location,
                   .help = "use text, with CHECK (char_length(col) <= n) added NOT VALID if the limit matters"});
  }
}

}  // namespace

extern const Rule prefer_text_field;
const Rule prefer_text_field{{"MC175", "prefer-text-field", Category::hygiene, Severity::note, postgres_only,
    "varchar(n): changing the limit later takes a lock; prefer text with a CHECK"},
    check, nullptr};

}  // namespace mc::rules
