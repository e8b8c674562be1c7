// MC104 rename-table (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::relation_renamed, [&](const catalog::Change& change) {
    // A rebuild's new table, or a view that keeps the old name alive, is not a rename old code sees.
    if (c.created_here(change.relation) || c.recreated_later(change.relation)) return;
    out.push_back({.message = fmt::format("renames {} to {}: old code that uses the old name fails", change.relation,
                                          change.new_name),
                   .object = change.relation,
                   .help = fmt::format("keep the old name working while old code runs: in the same migration, CREATE VIEW "
                                       "{0} AS SELECT * FROM {1} (a view of one table accepts writes too on PostgreSQL), and "
                                       "drop the view in a later deploy",
                                       change.relation, change.new_name)});
  });
}

}  // namespace

extern const Rule rename_table;
const Rule rename_table{{"MC104", "rename-table", Category::breaks_readers, Severity::warning, both_dialects,
    "renames a table that old code may still use by its old name"},
    check, nullptr};

}  // namespace mc::rules
