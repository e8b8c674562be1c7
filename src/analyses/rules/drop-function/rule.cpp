// MC109 drop-function (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

using Overload = catalog::Catalog::Overload;

// Whether `now` takes every call `was` took: the same argument types first, more only with defaults.
bool takes_calls_of(const Overload& now, const Overload& was) {
  if (now.types.size() < was.types.size() || !std::equal(was.types.begin(), was.types.end(), now.types.begin())) return false;
  return now.min_args <= was.min_args && (now.max_args < 0 || (was.max_args >= 0 && now.max_args >= was.max_args));
}

// A later statement of this migration creates the function again with an overload that takes
// the calls a dropped one took (drop and create to change its arguments' defaults or body).
bool recreated_compatibly(const RuleContext& c, const std::string& name) {
  auto dropped = c.diff.before.functions().find(to_lower(name));
  if (dropped == c.diff.before.functions().end()) return false;
  for (const StatementDiff* later : c.later_diffs_holding_function(name)) {
    auto created = later->after.functions().find(to_lower(name));
    if (created == later->after.functions().end()) continue;
    for (const Overload& was : dropped->second) {
      for (const Overload& now : created->second) {
        if (takes_calls_of(now, was)) return true;
      }
    }
  }
  return false;
}

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const catalog::Change& change : c.diff.changes) {
    if (change.kind == ChangeKind::function_dropped) {
      if (recreated_compatibly(c, change.relation)) continue;
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
