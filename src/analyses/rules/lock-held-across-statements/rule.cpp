// MC144 lock-held-across-statements (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.migration.locked_table.empty() || c.facts.command == Command::commit || c.facts.command == Command::rollback ||
      c.facts.command == Command::set) {
    return;
  }
  if (!c.first_in_migration("lock-held")) return;
  out.push_back({.message = fmt::format("runs while this transaction still holds the lock an earlier statement took on {}: "
                                        "old queries on {} wait for this statement too",
                                        c.migration.locked_table, c.migration.locked_table),
                 .object = c.migration.locked_table,
                 .help = "commit right after the statement that takes the lock; give other changes transactions of their "
                         "own"});
}

}  // namespace

extern const Rule lock_held_across_statements;
const Rule lock_held_across_statements{{"MC144", "lock-held-across-statements", Category::lock_hazard, Severity::warning, postgres_only,
    "more statements run in a transaction that already holds a blocking table lock"},
    check, nullptr};

}  // namespace mc::rules
