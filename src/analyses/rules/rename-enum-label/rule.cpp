// MC108 rename-enum-label (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::enum_label_renamed, [&](const catalog::Change& change) {
    out.push_back({.message = fmt::format("renames label '{}' of enum {} to '{}': old code that writes or compares '{}' fails "
                                          "(22P02)",
                                          change.column, change.relation, change.new_name, change.column),
                   .object = change.relation + "." + change.column,
                   .help = fmt::format("add '{}' as a new label, deploy code that writes it, migrate the rows, and retire "
                                       "'{}' in a later deploy",
                                       change.new_name, change.column)});
  });
}

}  // namespace

extern const Rule rename_enum_label;
const Rule rename_enum_label{{"MC108", "rename-enum-label", Category::breaks_readers, Severity::warning, postgres_only,
    "renames an enum label old code may still write or compare with"},
    check, nullptr};

}  // namespace mc::rules
