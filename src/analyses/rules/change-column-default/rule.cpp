// MC117 change-column-default (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::column_default_changed, [&](const catalog::Change& change) {
    const catalog::Column* after = column_after(c, change.relation, change.column);
    const catalog::Column* before = column_before(c, change.relation, change.column);
    if (!after || !before || !after->default_expr || !before->default_expr) return;
    out.push_back({.message = fmt::format("changes the default of {} from {} to {}: rows old code inserts without it get the "
                                          "new value",
                                          change.object(), *before->default_expr, *after->default_expr),
                   .object = change.object(),
                   .help = "if old code relies on the old default, have it write the value explicitly first"});
  });
}

}  // namespace

extern const Rule change_column_default;
const Rule change_column_default{{"MC117", "change-column-default", Category::breaks_writers, Severity::note, both_dialects,
    "changes the default that rows written by old code get"},
    check, nullptr};

}  // namespace mc::rules
