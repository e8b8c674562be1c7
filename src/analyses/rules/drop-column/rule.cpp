// MC101 drop-column (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::column_dropped, [&](const catalog::Change& change) {
    out.push_back({.message = fmt::format("drops column {}: old code that reads or writes it fails", change.object()),
                   .object = change.object(),
                   .help = fmt::format("contract last: deploy code that no longer uses {} first; drop it in a later deploy",
                                       change.column)});
  });
}

}  // namespace

extern const Rule drop_column;
const Rule drop_column{{"MC101", "drop-column", Category::breaks_readers, Severity::warning, both_dialects,
    "drops a column that old code may still read or write"},
    check, nullptr};

}  // namespace mc::rules
