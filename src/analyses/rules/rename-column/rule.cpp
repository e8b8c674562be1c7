// MC102 rename-column (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::column_renamed, [&](const catalog::Change& change) {
    out.push_back({.message = fmt::format("renames column {} to {}: old code that uses the old name fails", change.object(),
                                          change.new_name),
                   .object = change.object(),
                   .help = fmt::format("expand, then contract: add {1} next to {0}, write both (new code or a trigger), "
                                       "backfill, move reads to {1}, and drop {0} in a later deploy",
                                       change.column, change.new_name)});
  });
}

}  // namespace

extern const Rule rename_column;
const Rule rename_column{{"MC102", "rename-column", Category::breaks_readers, Severity::warning, both_dialects,
    "renames a column that old code may still use by its old name"},
    check, nullptr};

}  // namespace mc::rules
