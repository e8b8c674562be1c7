// MC114 add-check-constraint (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::check_added, [&](const catalog::Change& change) {
    if (!c.diff.before.find_relation(change.relation) || c.created_here(change.relation)) return;
    std::string check = change.detail.starts_with("(") ? change.detail : "(" + change.detail + ")";
    out.push_back({.message = fmt::format("adds CHECK {} to {}: old writes that violate it fail", check, change.relation),
                   .object = change.relation,
                   .help = "deploy code whose writes satisfy the check first; add the constraint in a later deploy (on "
                           "PostgreSQL NOT VALID, then VALIDATE CONSTRAINT)"});
  });
}

}  // namespace

extern const Rule add_check_constraint;
const Rule add_check_constraint{{"MC114", "add-check-constraint", Category::breaks_writers, Severity::warning, both_dialects,
    "adds a CHECK constraint that old writes may violate"},
    check, nullptr};

}  // namespace mc::rules
