// MC103 drop-table (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::relation_dropped, [&](const catalog::Change& change) {
    const catalog::Relation* r = c.diff.before.find_relation(change.relation);
    if (!r || r->kind != catalog::RelationKind::table || c.recreated_later(change.relation)) return;
    out.push_back({.message = fmt::format("drops table {}: old code that uses it fails, and its rows are gone", change.relation),
                   .object = change.relation,
                   .help = "contract last: deploy code that no longer uses the table first; drop it in a later deploy, "
                           "with a backup of its rows until then"});
  });
}

}  // namespace

extern const Rule drop_table;
const Rule drop_table{{"MC103", "drop-table", Category::breaks_readers, Severity::warning, both_dialects,
    "drops a table that old code may still use, with its rows"},
    check, nullptr};

}  // namespace mc::rules
