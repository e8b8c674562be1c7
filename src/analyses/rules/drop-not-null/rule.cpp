// MC126 drop-not-null (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::column_nullability_changed, [&](const catalog::Change& change) {
    if (change.detail != "NULL" || c.created_here(change.relation)) return;
    out.push_back({.message = fmt::format("drops NOT NULL from {}: once new code writes NULLs, old code (after a rollback) "
                                          "that assumes a value may fail",
                                          change.object()),
                   .object = change.object(),
                   .help = "make the old code tolerate NULL before new code writes it, or keep writing a value until no "
                           "old code can come back"});
  });
}

}  // namespace

extern const Rule drop_not_null;
const Rule drop_not_null{{"MC126", "drop-not-null", Category::rollback_hazard, Severity::note, both_dialects,
    "drops NOT NULL: after new code writes NULLs, rolling back to old code is unsafe"},
    check, nullptr};

}  // namespace mc::rules
