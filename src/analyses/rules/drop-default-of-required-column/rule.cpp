// MC113 drop-default-of-required-column (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::column_default_changed, [&](const catalog::Change& change) {
    const catalog::Column* after = column_after(c, change.relation, change.column);
    const catalog::Column* before = column_before(c, change.relation, change.column);
    if (!after || !before || after->default_expr || after->generated || !after->not_null || !before->default_expr) return;
    out.push_back({.message = fmt::format("removes the default of NOT NULL column {}: old INSERTs that leave it out fail",
                                          change.object()),
                   .object = change.object(),
                   .help = "deploy code that always writes the column first; drop the default in a later deploy"});
  });
}

}  // namespace

extern const Rule drop_default_of_required_column;
const Rule drop_default_of_required_column{{"MC113", "drop-default-of-required-column", Category::breaks_writers, Severity::warning, both_dialects,
    "removes the default of a NOT NULL column that old INSERTs leave out"},
    check, nullptr};

}  // namespace mc::rules
