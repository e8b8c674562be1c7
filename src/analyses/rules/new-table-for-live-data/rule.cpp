// MC124 new-table-for-live-data (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::relation_added, [&](const catalog::Change& change) {
    const catalog::Relation* added = c.diff.after.find_relation(change.relation);
    if (!added || added->kind != catalog::RelationKind::table || c.renamed_later(change.relation)) return;
    std::string stem = table_stem(change.relation);
    if (stem.empty()) return;
    for (const auto& [_, existing] : c.deployed().relations()) {
      if (existing.kind != catalog::RelationKind::table || to_lower(existing.name) == to_lower(change.relation) ||
          table_stem(existing.name) != stem) {
        continue;
      }
      out.push_back({.message = fmt::format("creates {} next to {}, which the deployed code uses: rows old code writes to {} "
                                            "while the deploy is under way will not be in {}",
                                            change.relation, existing.name, existing.name, change.relation),
                     .object = existing.name,
                     .help = fmt::format("change {0} in place (expand/contract); or, if a new table is needed, copy the rows "
                                         "written to {0} after the copy, and switch writes before reads",
                                         existing.name)});
      return;
    }
  });
}

}  // namespace

extern const Rule new_table_for_live_data;
const Rule new_table_for_live_data{{"MC124", "new-table-for-live-data", Category::data_loss, Severity::warning, both_dialects,
    "creates a successor table (messages_2 next to messages_1) while old code keeps writing the old one", "preview"},
    check, nullptr};

}  // namespace mc::rules
