// MC109 drop-function (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const catalog::Change& change : c.diff.changes) {
    if (change.kind == ChangeKind::function_dropped) {
      out.push_back({.message = fmt::format("drops function {}(): old queries that call it fail (42883)", change.relation),
                     .object = change.relation + "()",
                     .help = "drop it in a later deploy, once no running code calls it; to change it, CREATE OR REPLACE "
                             "with the same arguments"});
    } else if (change.kind == ChangeKind::function_renamed) {
      out.push_back({.message = fmt::format("renames function {}() to {}(): old queries that call the old name fail (42883)",
                                            change.relation, change.new_name),
                     .object = change.relation + "()",
                     .help = "create the new function beside the old one; drop the old one in a later deploy"});
    }
  }
}

}  // namespace

extern const Rule drop_function;
const Rule drop_function{{"MC109", "drop-function", Category::breaks_readers, Severity::warning, postgres_only,
    "drops or renames a function old queries may still call"},
    check, nullptr};

}  // namespace mc::rules
