// MC105 drop-view (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::relation_dropped, [&](const catalog::Change& change) {
    const catalog::Relation* r = c.diff.before.find_relation(change.relation);
    if (!r || r->kind != catalog::RelationKind::view || c.recreated_later(change.relation)) return;
    out.push_back({.message = fmt::format("drops view {}: old code that reads it fails", change.relation),
                   .object = change.relation,
                   .help = "drop the view in a later deploy, once no running code reads it; to change it, CREATE OR "
                           "REPLACE VIEW with the same columns (new ones at the end)"});
  });
}

}  // namespace

extern const Rule drop_view;
const Rule drop_view{{"MC105", "drop-view", Category::breaks_readers, Severity::warning, both_dialects,
    "drops a view that old code may still read"},
    check, nullptr};

}  // namespace mc::rules
