// MC171 prefer-robust-statements (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.migration.open_transactions > 0) return;
  bool create = (c.facts.command == Command::create_table || c.facts.command == Command::create_index) && !c.facts.if_not_exists;
  bool drop = (c.facts.command == Command::drop_table || c.facts.command == Command::drop_index ||
               c.facts.command == Command::drop_view) &&
              !c.facts.if_exists;
  if (!create && !drop) return;
  out.push_back({.message = create ? "CREATE without IF NOT EXISTS, outside a transaction: if the migration fails later "
                                     "and runs again, it stops here"
                                   : "DROP without IF EXISTS, outside a transaction: if the migration fails later and runs "
                                     "again, it stops here",
                 .help = create ? "CREATE … IF NOT EXISTS, or run the migration in a transaction"
                                : "DROP … IF EXISTS, or run the migration in a transaction"});
}

}  // namespace

extern const Rule prefer_robust_statements;
const Rule prefer_robust_statements{{"MC171", "prefer-robust-statements", Category::hygiene, Severity::note, both_dialects,
    "CREATE without IF NOT EXISTS / DROP without IF EXISTS outside a transaction cannot be re-run"},
    check, nullptr};

}  // namespace mc::rules
