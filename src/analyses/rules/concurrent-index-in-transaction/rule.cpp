// MC133 concurrent-index-in-transaction (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  bool index_command = c.facts.command == Command::create_index || c.facts.command == Command::drop_index ||
                       c.facts.command == Command::reindex;
  if (!index_command || !c.facts.concurrently || c.migration.open_transactions == 0) return;
  out.push_back({.message = "CONCURRENTLY cannot run inside a transaction block: this migration fails here (25001)",
                 .help = "move the statement out of BEGIN … COMMIT, into a migration of its own that the runner does not "
                         "wrap in a transaction"});
}

}  // namespace

extern const Rule concurrent_index_in_transaction;
const Rule concurrent_index_in_transaction{{"MC133", "concurrent-index-in-transaction", Category::lock_hazard, Severity::error, postgres_only,
    "CONCURRENTLY inside BEGIN … COMMIT: the migration fails"},
    check, nullptr};

}  // namespace mc::rules
