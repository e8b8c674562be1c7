// MC116 drop-unique-index (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::index_dropped, [&](const catalog::Change& change) {
    if (change.detail != "unique" || !c.diff.after.find_relation(change.relation) || c.index_recreated_later(change)) return;
    if (starts_with_ci(change.new_name, "sqlite_autoindex")) return;  // goes with its table's rebuild
    out.push_back({.message = fmt::format("drops unique index {} on {}: old INSERT … ON CONFLICT on its columns fails "
                                          "(42P10), and duplicates become possible",
                                          change.new_name, change.relation),
                   .object = change.relation,
                   .help = "drop it in a later deploy, once no running code relies on it for ON CONFLICT or uniqueness"});
  });
}

}  // namespace

extern const Rule drop_unique_index;
const Rule drop_unique_index{{"MC116", "drop-unique-index", Category::breaks_writers, Severity::warning, both_dialects,
    "drops a unique index that old INSERT … ON CONFLICT may rely on"},
    check, nullptr};

}  // namespace mc::rules
