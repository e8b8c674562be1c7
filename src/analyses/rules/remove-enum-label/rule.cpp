// MC107 remove-enum-label (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::enum_label_removed, [&](const catalog::Change& change) {
    out.push_back({.message = fmt::format("removes label '{}' from enum {}: old code that writes or compares it fails "
                                          "(invalid input value for enum, 22P02)",
                                          change.column, change.relation),
                   .object = change.relation + "." + change.column,
                   .help = "stop writing the label and migrate the rows first; remove it (recreate the type) in a later deploy"});
  });
}

}  // namespace

extern const Rule remove_enum_label;
const Rule remove_enum_label{{"MC107", "remove-enum-label", Category::breaks_readers, Severity::warning, postgres_only,
    "removes an enum label old code may still write or compare with"},
    check, nullptr};

}  // namespace mc::rules
