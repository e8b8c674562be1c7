// MC111 add-required-column (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::column_added, [&](const catalog::Change& change) {
    if (!c.diff.before.find_relation(change.relation) || c.created_here(change.relation)) return;
    const catalog::Column* column = column_after(c, change.relation, change.column);
    if (!column || column->optional_on_insert()) return;
    out.push_back({.message = fmt::format("adds {} as NOT NULL without a default: old INSERTs, which do not name it, fail",
                                          change.object()),
                   .object = change.object(),
                   .help = fmt::format("add {} nullable or with a default; deploy code that writes it; backfill; then SET NOT "
                                       "NULL or drop the default in a later deploy",
                                       change.column)});
  });
}

}  // namespace

extern const Rule add_required_column;
const Rule add_required_column{{"MC111", "add-required-column", Category::breaks_writers, Severity::warning, both_dialects,
    "adds a NOT NULL column without a default, which old INSERTs do not fill"},
    check, nullptr};

}  // namespace mc::rules
