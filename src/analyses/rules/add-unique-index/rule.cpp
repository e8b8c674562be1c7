// MC115 add-unique-index (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::index_added, [&](const catalog::Change& change) {
    if (change.detail != "unique" || !c.diff.before.find_relation(change.relation) || c.created_here(change.relation)) return;
    out.push_back({.message = fmt::format("adds unique index {} on {}: old writes of values that already exist fail (23505)",
                                          change.new_name, change.relation),
                   .object = change.relation,
                   .help = "deploy code that no longer writes duplicates first; on PostgreSQL build the index with CREATE "
                           "UNIQUE INDEX CONCURRENTLY"});
  });
}

}  // namespace

extern const Rule add_unique_index;
const Rule add_unique_index{{"MC115", "add-unique-index", Category::breaks_writers, Severity::warning, both_dialects,
    "adds a unique index or constraint that old writes of existing values violate"},
    check, nullptr};

}  // namespace mc::rules
